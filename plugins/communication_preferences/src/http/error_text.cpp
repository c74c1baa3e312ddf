#include "http/error_text.hpp"

#include <boost/asio/ssl/error.hpp>
#include <openssl/err.h>

namespace commprefs::http {

std::string describe_error(const boost::system::error_code& error) {
  if (error.category() == boost::asio::error::get_ssl_category()) {
    if (const char* reason = ERR_reason_error_string(static_cast<unsigned long>(error.value()))) {
      return reason;
    }
  }
  return error.message();
}

}  // namespace commprefs::http
