// Phone numbers and e-mail addresses as Open Klant accepts them.
#include "digital_address.hpp"

#include <boost/test/unit_test.hpp>

using commprefs::check_phone_number;
using commprefs::is_valid_email;
using commprefs::normalise_phone_number;
using commprefs::PhoneProblem;

BOOST_AUTO_TEST_SUITE(digital_address)

BOOST_AUTO_TEST_CASE(normalise_drops_separators) {
  BOOST_TEST(normalise_phone_number("06-12345678") == "0612345678");
  BOOST_TEST(normalise_phone_number("06 1234 5678") == "0612345678");
  BOOST_TEST(normalise_phone_number("(020) 123.45.67") == "0201234567");
}

BOOST_AUTO_TEST_CASE(normalise_keeps_country_prefix) {
  BOOST_TEST(normalise_phone_number("+31 6 12345678") == "+31612345678");
  BOOST_TEST(normalise_phone_number("0031 6 12345678") == "0031612345678");
}

BOOST_AUTO_TEST_CASE(normalise_drops_trunk_zero_after_country_code) {
  BOOST_TEST(normalise_phone_number("+31 (0)6 1234 5678") == "+31612345678");
  BOOST_TEST(normalise_phone_number("0031 (0)20 1234567") == "0031201234567");
}

BOOST_AUTO_TEST_CASE(phone_numbers_the_api_accepts) {
  for (const char* number : {"0612345678", "0201234567", "+31612345678", "+441234567890", "0031612345678"}) {
    BOOST_TEST((check_phone_number(number) == PhoneProblem::none), number);
  }
}

BOOST_AUTO_TEST_CASE(phone_numbers_the_api_refuses) {
  BOOST_TEST((check_phone_number("061234567") == PhoneProblem::national_length));
  BOOST_TEST((check_phone_number("06123456789") == PhoneProblem::national_length));
  BOOST_TEST((check_phone_number("08001234") == PhoneProblem::service_number));
  BOOST_TEST((check_phone_number("09001234567") == PhoneProblem::service_number));
  BOOST_TEST((check_phone_number("0881234567") == PhoneProblem::service_number));
  BOOST_TEST((check_phone_number("+3161234") == PhoneProblem::international_length));
  BOOST_TEST((check_phone_number("+1234567890123456") == PhoneProblem::international_length));
  BOOST_TEST((check_phone_number("612345678") == PhoneProblem::invalid_start));
  BOOST_TEST((check_phone_number("06abc45678") == PhoneProblem::invalid_characters));
  BOOST_TEST((check_phone_number("") == PhoneProblem::invalid_start));
}

BOOST_AUTO_TEST_CASE(emails_django_accepts) {
  for (const char* address : {"john.smith@gmail.com", "a+tag@example.org", "\"quoted..dots\"@example.org", "user@localhost",
                              "user@[127.0.0.1]", "user@sub.example.co", "o'brien@example.ie"}) {
    BOOST_TEST(is_valid_email(address), address);
  }
}

BOOST_AUTO_TEST_CASE(international_domains_checked_in_punycode) {
  std::string fits = "user@";
  std::string too_long = "user@";
  for (int i = 0; i < 57; ++i) fits += "\xc3\xbc";  // 57 times u-umlaut: "xn--" plus 59 characters
  for (int i = 0; i < 58; ++i) too_long += "\xc3\xbc";  // 58 times: "xn--" plus 60 characters
  BOOST_TEST(is_valid_email("user@b\xc3\xbc" "cher.de"));
  BOOST_TEST(is_valid_email("user@xn--bcher-kva.de"));
  BOOST_TEST(is_valid_email(fits + ".de"));
  BOOST_TEST(!is_valid_email(too_long + ".de"));
  BOOST_TEST(!is_valid_email("user@b\xc3cher.de"));  // malformed UTF-8
}

BOOST_AUTO_TEST_CASE(emails_django_refuses) {
  for (const char* address : {"", "plain", "@example.org", "user@", "user@example", "user@example.c", "user..dots@example.org",
                              ".user@example.org", "user@-example.org", "user@example-.org", "user name@example.org",
                              "user@[999.1.1.1]", "user@exam_ple.org",
                              "\"quoted space\"@example.org"}) {
    BOOST_TEST(!is_valid_email(address), address);
  }
}

BOOST_AUTO_TEST_SUITE_END()
