#include "demo_report.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <string>
#include <vector>

namespace host_stub {
namespace {

// Snapshot records use the API's representation: references to other records
// are {"uuid", "url"} objects, or null.

std::string text_of(const boost::json::value* value) {
  if (value == nullptr || value->is_null()) return "";
  if (value->is_string()) return std::string(value->get_string());
  return boost::json::serialize(*value);
}

std::string member_text(const boost::json::value& record, std::string_view name) {
  if (!record.is_object()) return "";
  return text_of(record.get_object().if_contains(name));
}

// The uuid a reference member points at, or "" for null or a missing member.
std::string reference_uuid(const boost::json::value& record, std::string_view name) {
  if (!record.is_object()) return "";
  const auto* reference = record.get_object().if_contains(name);
  if (reference == nullptr || !reference->is_object()) return "";
  return text_of(reference->get_object().if_contains("uuid"));
}

const boost::json::array& records(const boost::json::object& snapshot, std::string_view collection) {
  static const boost::json::array none;
  const auto* list = snapshot.if_contains(collection);
  return list != nullptr && list->is_array() ? list->get_array() : none;
}

const boost::json::value* find_by_uuid(const boost::json::array& list, const std::string& uuid) {
  for (const auto& record : list) {
    if (member_text(record, "uuid") == uuid) return &record;
  }
  return nullptr;
}

std::string flag_text(const boost::json::value& record, std::string_view name) {
  const std::string text = member_text(record, name);
  return text.empty() ? "unset" : text;
}

void print_digitaal_adres(std::ostream& out, const boost::json::value& adres, const char* indent) {
  const std::string partij = reference_uuid(adres, "verstrektDoorPartij");
  out << indent << member_text(adres, "soortDigitaalAdres") << ' ' << member_text(adres, "adres")
      << ": isStandaardAdres " << flag_text(adres, "isStandaardAdres") << ", verstrektDoorPartij "
      << (partij.empty() ? "none" : partij) << '\n';
}

void print_klantcontact(std::ostream& out, const boost::json::object& after, const boost::json::value& klantcontact) {
  const std::string uuid = member_text(klantcontact, "uuid");
  out << "    klantcontact " << uuid << ": kanaal \"" << member_text(klantcontact, "kanaal") << "\", onderwerp \""
      << member_text(klantcontact, "onderwerp") << "\", taal " << member_text(klantcontact, "taal")
      << ", vertrouwelijk " << flag_text(klantcontact, "vertrouwelijk") << '\n';

  for (const auto& onderwerpobject : records(after, "onderwerpobjecten")) {
    if (!onderwerpobject.is_object() || reference_uuid(onderwerpobject, "klantcontact") != uuid) continue;
    const auto* identificator = onderwerpobject.get_object().if_contains("onderwerpobjectidentificator");
    if (identificator == nullptr) continue;
    out << "      onderwerpobject: " << member_text(*identificator, "codeObjecttype") << ' '
        << member_text(*identificator, "objectId") << '\n';
  }

  for (const auto& betrokkene : records(after, "betrokkenen")) {
    if (reference_uuid(betrokkene, "hadKlantcontact") != uuid) continue;
    const std::string betrokkene_uuid = member_text(betrokkene, "uuid");
    const std::string partij = reference_uuid(betrokkene, "wasPartij");
    out << "      betrokkene " << betrokkene_uuid << ": rol " << member_text(betrokkene, "rol") << ", wasPartij "
        << (partij.empty() ? "none (anonymous)" : partij) << '\n';

    out << "      digitaleadressen given by this betrokkene:\n";
    bool any = false;
    for (const auto& adres : records(after, "digitaleadressen")) {
      if (reference_uuid(adres, "verstrektDoorBetrokkene") != betrokkene_uuid) continue;
      print_digitaal_adres(out, adres, "        ");
      any = true;
    }
    if (!any) out << "        none\n";
  }
}

void print_preference_changes(std::ostream& out, const boost::json::object& before, const boost::json::object& after) {
  out << "    isStandaardAdres changes:\n";
  bool any = false;
  for (const auto& adres : records(after, "digitaleadressen")) {
    const auto* earlier = find_by_uuid(records(before, "digitaleadressen"), member_text(adres, "uuid"));
    if (earlier == nullptr) continue;
    const std::string was = flag_text(*earlier, "isStandaardAdres");
    const std::string now = flag_text(adres, "isStandaardAdres");
    if (was == now) continue;
    out << "      " << member_text(adres, "soortDigitaalAdres") << ' ' << member_text(adres, "adres") << ": " << was
        << " -> " << now << '\n';
    any = true;
  }
  if (!any) out << "      none\n";
}

}  // namespace

void print_offered_addresses(std::ostream& out, const boost::json::value& prefill_value) {
  if (!prefill_value.is_array() || prefill_value.get_array().empty()) {
    out << "    no addresses offered\n";
    return;
  }
  for (const auto& channel : prefill_value.get_array()) {
    out << "    " << member_text(channel, "type") << ":\n";
    const std::string preferred = member_text(channel, "preferred");
    const auto* options = channel.is_object() ? channel.get_object().if_contains("options") : nullptr;
    if (options == nullptr || !options->is_array()) continue;
    for (const auto& option : options->get_array()) {
      const std::string address = text_of(&option);
      out << (address == preferred ? "      * " : "        ") << address
          << (address == preferred ? " (preferred)" : "") << '\n';
    }
  }
}

void print_submitted_profile(std::ostream& out, const boost::json::value& profile) {
  if (!profile.is_array()) {
    out << "    " << boost::json::serialize(profile) << '\n';
    return;
  }
  for (const auto& entry : profile.get_array()) {
    const std::string preference = member_text(entry, "preferenceUpdate");
    out << "    " << member_text(entry, "type") << ' ' << member_text(entry, "address")
        << (preference.empty() ? "" : " (" + preference + ")") << '\n';
  }
}

std::size_t print_written_records(std::ostream& out, const boost::json::object& before,
                                  const boost::json::object& after) {
  std::size_t created = 0;
  for (const auto& klantcontact : records(after, "klantcontacten")) {
    if (find_by_uuid(records(before, "klantcontacten"), member_text(klantcontact, "uuid")) != nullptr) continue;
    print_klantcontact(out, after, klantcontact);
    ++created;
  }
  if (created == 0) out << "    no new klantcontact\n";
  print_preference_changes(out, before, after);
  return created;
}

}  // namespace host_stub
