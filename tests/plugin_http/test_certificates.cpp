#include "test_certificates.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

namespace commprefs::http::testing {

namespace {

using KeyPointer = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertificatePointer = std::unique_ptr<X509, decltype(&X509_free)>;

// Extensions as OpenSSL configuration strings, such as {NID_basic_constraints, "critical,CA:TRUE"}.
using Extensions = std::vector<std::pair<int, std::string>>;

void require(bool succeeded, const std::string& step) {
  if (!succeeded) {
    throw std::runtime_error("OpenSSL failed to " + step + ".");
  }
}

KeyPointer generate_key() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  require(key != nullptr, "generate a P-256 key");
  return KeyPointer(key, EVP_PKEY_free);
}

void add_extensions(X509* certificate, X509* issuer, const Extensions& extensions) {
  for (const auto& [nid, value] : extensions) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
    require(extension != nullptr, "create the extension " + value);
    const int added = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    require(added == 1, "add the extension " + value);
  }
}

// Creates a certificate for `key`. Without an issuer the certificate is self-signed.
CertificatePointer make_certificate(const std::string& common_name, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key,
                                    long serial, const Extensions& extensions) {
  CertificatePointer certificate(X509_new(), X509_free);
  require(certificate != nullptr, "allocate a certificate");
  X509* raw = certificate.get();

  require(X509_set_version(raw, X509_VERSION_3) == 1, "set the certificate version");
  require(ASN1_INTEGER_set(X509_get_serialNumber(raw), serial) == 1, "set the serial number");
  require(X509_gmtime_adj(X509_getm_notBefore(raw), -3600) != nullptr, "set the start of validity");
  require(X509_gmtime_adj(X509_getm_notAfter(raw), 24 * 3600) != nullptr, "set the end of validity");
  require(X509_set_pubkey(raw, key) == 1, "set the public key");

  X509_NAME* subject = X509_get_subject_name(raw);
  require(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0) == 1,
          "set the common name");
  X509* signer = issuer != nullptr ? issuer : raw;
  require(X509_set_issuer_name(raw, X509_get_subject_name(signer)) == 1, "set the issuer name");

  add_extensions(raw, signer, extensions);
  require(X509_sign(raw, issuer_key != nullptr ? issuer_key : key, EVP_sha256()) > 0, "sign the certificate");
  return certificate;
}

void write_certificate(const std::string& path, X509* certificate) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  require(file != nullptr, "open " + path);
  const int written = PEM_write_X509(file, certificate);
  std::fclose(file);
  require(written == 1, "write " + path);
}

void write_key(const std::string& path, EVP_PKEY* key) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  require(file != nullptr, "open " + path);
  const int written = PEM_write_PrivateKey(file, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(file);
  require(written == 1, "write " + path);
}

std::string make_temporary_folder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "plugin_http_tests-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "Creating a temporary folder failed");
  }
  return pattern;
}

// Writes a leaf certificate issued by the CA and its key to <folder>/<name>.pem and
// <folder>/<name>.key, and returns both paths.
std::pair<std::string, std::string> write_leaf(const std::string& folder, const std::string& name, X509* ca,
                                              EVP_PKEY* ca_key, long serial, Extensions extensions) {
  const KeyPointer key = generate_key();
  extensions.emplace_back(NID_basic_constraints, "critical,CA:FALSE");
  extensions.emplace_back(NID_key_usage, "critical,digitalSignature");
  extensions.emplace_back(NID_subject_key_identifier, "hash");
  extensions.emplace_back(NID_authority_key_identifier, "keyid:always");
  const CertificatePointer certificate = make_certificate(name, key.get(), ca, ca_key, serial, extensions);

  const std::string certificate_file = folder + "/" + name + ".pem";
  const std::string key_file = folder + "/" + name + ".key";
  write_certificate(certificate_file, certificate.get());
  write_key(key_file, key.get());
  return {certificate_file, key_file};
}

TestCertificates create_test_certificates() {
  TestCertificates files;
  files.folder = make_temporary_folder();

  const KeyPointer ca_key = generate_key();
  const CertificatePointer ca =
      make_certificate("plugin_http test CA", ca_key.get(), nullptr, nullptr, 1,
                       {{NID_basic_constraints, "critical,CA:TRUE"},
                        {NID_key_usage, "critical,keyCertSign,cRLSign"},
                        {NID_subject_key_identifier, "hash"}});
  files.ca_file = files.folder + "/ca.pem";
  write_certificate(files.ca_file, ca.get());

  std::tie(files.server_certificate_file, files.server_key_file) =
      write_leaf(files.folder, "server", ca.get(), ca_key.get(), 2,
                 {{NID_ext_key_usage, "serverAuth"}, {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"}});
  std::tie(files.other_host_certificate_file, files.other_host_key_file) =
      write_leaf(files.folder, "other_host", ca.get(), ca_key.get(), 3,
                 {{NID_ext_key_usage, "serverAuth"}, {NID_subject_alt_name, "DNS:api.example.org"}});
  std::tie(files.client_certificate_file, files.client_key_file) =
      write_leaf(files.folder, "client", ca.get(), ca_key.get(), 4, {{NID_ext_key_usage, "clientAuth"}});

  files.not_a_certificate_file = files.folder + "/not_a_certificate.pem";
  std::ofstream(files.not_a_certificate_file) << "This file contains no certificate.\n";
  return files;
}

// Owns the folder for the lifetime of the test program.
struct CertificateFolder {
  CertificateFolder() : files(create_test_certificates()) {}
  ~CertificateFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(files.folder, ignored);
  }
  TestCertificates files;
};

}  // namespace

const TestCertificates& test_certificates() {
  static const CertificateFolder folder;
  return folder.files;
}

}  // namespace commprefs::http::testing
