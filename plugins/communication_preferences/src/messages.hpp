// Texts shown to a person filling in a form, in Dutch and English.
#pragma once

#include <string>
#include <string_view>

namespace commprefs {

enum class Language { nl, en };

// "en" gives English; every other code gives Dutch, the language of the
// municipalities this plugin serves.
Language language_from_code(std::string_view code);

enum class Message {
  value_not_a_list,
  entry_not_an_object,
  address_not_a_string,
  type_unknown,
  type_not_configured,
  type_twice,
  preference_update_unknown,
  address_required,
  address_too_long,
  email_invalid,
  phone_invalid_characters,
  phone_service_number,
  phone_national_length,
  phone_international_length,
  phone_invalid_start,
};

// The message in the language; `subject` fills the one placeholder some
// messages have (a type name or the address typed).
std::string text(Message message, Language language, std::string_view subject = {});

// "E-mailadres" / "Email address", "Telefoonnummer" / "Phone number", or the
// entry number for an entry without a known type.
std::string entry_label(std::string_view type, std::size_t index, Language language);

}  // namespace commprefs
