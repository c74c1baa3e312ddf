#include "messages.hpp"

namespace commprefs {
namespace {

struct Texts {
  const char* dutch;
  const char* english;
};

Texts texts_of(Message message) {
  switch (message) {
    case Message::value_not_a_list:
      return {"De contactgegevens zijn niet goed doorgegeven. Vul het onderdeel opnieuw in.",
              "The contact details were not sent correctly. Please fill in this part again."};
    case Message::entry_not_an_object:
      return {"Dit gegeven is niet goed doorgegeven.", "This entry was not sent correctly."};
    case Message::address_not_a_string:
      return {"Het adres moet tekst zijn.", "The address must be text."};
    case Message::type_unknown:
      return {"Het soort adres \"{}\" is onbekend.", "The address type \"{}\" is unknown."};
    case Message::type_not_configured:
      return {"Het soort adres \"{}\" wordt in dit formulier niet gevraagd.",
              "The address type \"{}\" is not asked for in this form."};
    case Message::type_twice:
      return {"Dit soort adres is twee keer ingevuld; geef er één op.",
              "This address type was given twice; give only one."};
    case Message::preference_update_unknown:
      return {"De keuze voor het voorkeursadres is onbekend.", "The choice for the preferred address is unknown."};
    case Message::address_required:
      return {"Dit veld is verplicht.", "This field is required."};
    case Message::address_too_long:
      return {"Het adres mag hoogstens 80 tekens lang zijn.", "The address can be at most 80 characters long."};
    case Message::email_invalid:
      return {"\"{}\" is geen geldig e-mailadres.", "\"{}\" is not a valid email address."};
    case Message::phone_invalid_characters:
      return {"Een telefoonnummer mag alleen cijfers bevatten, met eventueel een + aan het begin.",
              "A phone number can only contain digits, optionally starting with +."};
    case Message::phone_service_number:
      return {"Servicenummers en 088-nummers (0800, 0900, 0906, 0909, 088) kunnen niet worden opgeslagen. Vul een "
              "persoonlijk telefoonnummer in.",
              "Service numbers and 088 numbers (0800, 0900, 0906, 0909, 088) cannot be stored. Please enter a "
              "personal phone number."};
    case Message::phone_national_length:
      return {"Een Nederlands telefoonnummer heeft 10 cijfers, zoals 0612345678.",
              "A Dutch phone number has 10 digits, such as 0612345678."};
    case Message::phone_international_length:
      return {"Een internationaal telefoonnummer heeft 9 tot 15 cijfers na de + (of 7 tot 13 na 00), zoals "
              "+31612345678.",
              "An international phone number has 9 to 15 digits after the + (or 7 to 13 after 00), such as "
              "+31612345678."};
    case Message::phone_invalid_start:
      return {"Een telefoonnummer begint met 0 of +, zoals 0612345678 of +31612345678.",
              "A phone number starts with 0 or +, such as 0612345678 or +31612345678."};
  }
  return {"Ongeldige invoer.", "Invalid input."};
}

}  // namespace

Language language_from_code(std::string_view code) { return code == "en" ? Language::en : Language::nl; }

std::string text(Message message, Language language, std::string_view subject) {
  const Texts texts = texts_of(message);
  std::string result = language == Language::en ? texts.english : texts.dutch;
  const auto placeholder = result.find("{}");
  if (placeholder != std::string::npos) result.replace(placeholder, 2, subject);
  return result;
}

std::string entry_label(std::string_view type, std::size_t index, Language language) {
  const bool english = language == Language::en;
  if (type == "email") return english ? "Email address" : "E-mailadres";
  if (type == "phoneNumber") return english ? "Phone number" : "Telefoonnummer";
  return (english ? "Entry " : "Gegeven ") + std::to_string(index + 1);
}

}  // namespace commprefs
