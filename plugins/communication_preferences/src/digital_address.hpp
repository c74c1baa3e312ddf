// Channels (the form's address types) and the rules Open Klant applies to a
// digitaal adres: the phone number format, e-mail validation and length.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace commprefs {

enum class Channel { email, phone_number };

// "email" / "phoneNumber": the customerProfile component's type names.
std::optional<Channel> channel_from_type(std::string_view type);
std::string_view type_name(Channel channel);

// "email" / "telefoonnummer": Open Klant's soortDigitaalAdres. Other values
// ("overig", or whatever the API adds later) have no channel.
std::optional<Channel> channel_from_soort(std::string_view soort);
std::string_view soort_name(Channel channel);

// Open Klant stores at most this many characters in adres.
inline constexpr std::size_t max_adres_length = 80;

// Drops the characters people type for readability (spaces, dashes, dots,
// brackets) and a "(0)" after a country code, which would change the number.
// "+31 (0)6 1234-5678" becomes "+31612345678"; "+31" and "0031" stay as typed.
std::string normalise_phone_number(std::string_view typed);

enum class PhoneProblem { none, invalid_characters, service_number, national_length, international_length, invalid_start };

// Checks a normalised number against the format Open Klant accepts:
// ^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$, and rejects Dutch service
// numbers (0800, 0900, 0906, 0909) and 088 numbers, which the API's
// description (Open Klant 2.14) lists as not allowed.
PhoneProblem check_phone_number(std::string_view normalised);

// Validates an e-mail address as Django's EmailValidator does (which Open
// Klant uses): a dot-atom or quoted local part, and a domain of hostname
// labels with a top-level label of at least two characters, an address
// literal in brackets, or "localhost". Non-ASCII labels are checked in their
// punycode form, as Django checks them after IDNA encoding.
bool is_valid_email(std::string_view address);

// The form two spellings of one address share: e-mail compared without
// letter case, phone numbers normalised.
std::string comparison_key(Channel channel, std::string_view address);

// True for an address that is empty or only whitespace.
bool is_blank(std::string_view address);

}  // namespace commprefs
