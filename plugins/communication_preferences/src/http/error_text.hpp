// Error texts for TransportError messages.
//
// Internal to src/http: this header includes Boost.System.

#pragma once

#include <boost/system/error_code.hpp>

#include <string>

namespace commprefs::http {

// Returns the error's text for an administrator. For OpenSSL errors this is OpenSSL's
// reason string ("certificate verify failed") without the library name that
// error_code::message() appends.
std::string describe_error(const boost::system::error_code& error);

}  // namespace commprefs::http
