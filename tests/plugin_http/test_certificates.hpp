// Certificates for the HTTPS tests, generated with the OpenSSL C API at test time.
//
// No key material is stored in the repository: the first call creates a private CA
// and certificates signed by it in a new temporary folder, which is removed when the
// test program exits.

#pragma once

#include <string>

namespace commprefs::http::testing {

// PEM files in a temporary folder. All certificates are valid from one hour ago
// until one day from now.
struct TestCertificates {
  std::string folder;
  std::string ca_file;                          // self-signed CA that issued the certificates below
  std::string server_certificate_file;          // for localhost and 127.0.0.1
  std::string server_key_file;
  std::string other_host_certificate_file;      // for api.example.org only
  std::string other_host_key_file;
  std::string client_certificate_file;          // for TLS client authentication
  std::string client_key_file;
  std::string not_a_certificate_file;           // a text file that is no PEM certificate
};

// Returns the certificates, creating them on the first call. Throws
// std::runtime_error when OpenSSL or the file system fails.
const TestCertificates& test_certificates();

}  // namespace commprefs::http::testing
