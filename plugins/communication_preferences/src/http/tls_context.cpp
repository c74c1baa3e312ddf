#include "http/tls_context.hpp"

#include <openssl/ssl.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <system_error>

#include "http/error_text.hpp"

namespace commprefs::http {

namespace ssl = boost::asio::ssl;

namespace {

[[noreturn]] void fail_setup(const std::string& message) {
  throw TransportError(TransportErrorKind::tls_setup, message);
}

// Opening the file first gives "No such file or directory" or "Permission denied",
// where OpenSSL alone reports only that it found no certificate.
void require_readable_file(const std::string& path, const std::string& description) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const std::string reason = std::error_code(errno, std::generic_category()).message();
    fail_setup("Cannot read the " + description + " \"" + path + "\": " + reason + ".");
  }
  std::fclose(file);
}

void load_trust_anchors(ssl::context& context, const TlsSettings& settings) {
  boost::system::error_code error;

  if (settings.ca_file.empty()) {
    context.set_default_verify_paths(error);
    if (error) {
      fail_setup("Loading the system trust store failed: " + describe_error(error) + ". Set a CA file instead.");
    }
    return;
  }

  require_readable_file(settings.ca_file, "CA file");
  context.load_verify_file(settings.ca_file, error);
  if (error) {
    fail_setup("The CA file \"" + settings.ca_file + "\" contains no usable PEM certificate: " + describe_error(error) +
               ".");
  }
}

void load_client_certificate(ssl::context& context, const TlsSettings& settings) {
  const bool has_certificate = !settings.client_certificate_file.empty();
  const bool has_key = !settings.client_key_file.empty();
  if (!has_certificate && !has_key) {
    return;
  }
  if (!has_certificate || !has_key) {
    fail_setup("A client certificate needs both a certificate file and a key file, but only the " +
               std::string(has_certificate ? "certificate file" : "key file") + " is set.");
  }

  // Encrypted keys are not supported. Without this callback OpenSSL would prompt for
  // a passphrase on the terminal, which would block the host process.
  context.set_password_callback(
      [](std::size_t, ssl::context::password_purpose) { return std::string(); });

  boost::system::error_code error;

  require_readable_file(settings.client_certificate_file, "client certificate file");
  context.use_certificate_chain_file(settings.client_certificate_file, error);
  if (error) {
    fail_setup("The client certificate file \"" + settings.client_certificate_file +
               "\" could not be loaded: " + describe_error(error) + ".");
  }

  require_readable_file(settings.client_key_file, "client key file");
  context.use_private_key_file(settings.client_key_file, ssl::context::pem, error);
  if (error) {
    fail_setup("The client key file \"" + settings.client_key_file + "\" could not be loaded: " +
               describe_error(error) + ". It must be an unencrypted PEM key that matches the client certificate.");
  }
}

}  // namespace

ssl::context make_tls_context(const TlsSettings& settings) {
  ssl::context context(ssl::context::tls_client);

  context.set_options(ssl::context::default_workarounds | ssl::context::no_compression);
  if (SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION) != 1) {
    fail_setup("Setting TLS 1.2 as the minimum protocol version failed.");
  }
  context.set_verify_mode(ssl::verify_peer);

  load_trust_anchors(context, settings);
  load_client_certificate(context, settings);
  return context;
}

}  // namespace commprefs::http
