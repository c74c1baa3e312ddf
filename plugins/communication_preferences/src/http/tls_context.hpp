// TLS context construction for HttpClient.
//
// Internal to src/http: this header includes Boost.Asio's SSL support, so the rest of
// the plugin includes http_client.hpp instead.

#pragma once

#include <boost/asio/ssl/context.hpp>

#include "http/http_client.hpp"

namespace commprefs::http {

// Creates the client TLS context shared by all send() calls: TLS 1.2 or newer, peer
// verification on, trust anchors from settings.ca_file or else the system store, and
// the client certificate and key when settings name them.
// Throws TransportError tls_setup naming the file that could not be loaded.
boost::asio::ssl::context make_tls_context(const TlsSettings& settings);

}  // namespace commprefs::http
