// Exceptions the plugin's hooks turn into C ABI statuses.
#pragma once

#include <boost/json/value.hpp>

#include <stdexcept>
#include <string>

namespace commprefs {

// The host sent a request document that is malformed or breaks a rule.
class InvalidInput : public std::runtime_error {
 public:
  explicit InvalidInput(const std::string& message, boost::json::value details = nullptr)
      : std::runtime_error(message), details_(std::move(details)) {}
  const boost::json::value& details() const { return details_; }

 private:
  boost::json::value details_;
};

// The plugin's configuration is missing or wrong for the requested work.
class ConfigurationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Open Klant returned an error status or an unusable body, or could not be
// reached. status is 0 for network failures.
class ApiError : public std::runtime_error {
 public:
  ApiError(const std::string& message, int status, std::string method, std::string url,
           boost::json::value body)
      : std::runtime_error(message),
        status_(status),
        method_(std::move(method)),
        url_(std::move(url)),
        body_(std::move(body)) {}

  int status() const { return status_; }
  const std::string& method() const { return method_; }
  const std::string& url() const { return url_; }
  // The parsed error body, or null when it was not JSON.
  const boost::json::value& body() const { return body_; }

 private:
  int status_;
  std::string method_;
  std::string url_;
  boost::json::value body_;
};

}  // namespace commprefs
