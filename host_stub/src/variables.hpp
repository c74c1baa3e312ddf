// The form variables of one submission and their starting values.
#ifndef HOST_STUB_VARIABLES_HPP
#define HOST_STUB_VARIABLES_HPP

#include "form_model.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace host_stub {

class PluginRegistry;

struct Variable {
  std::string key;
  bool user_defined = false;
  boost::json::value value;
};

// Variables in form order: one per data component in tree order, then the
// user-defined variables in the order of the form's "variables" array.
class VariableSet {
 public:
  void add(Variable variable) { entries_.push_back(std::move(variable)); }

  // The variable's value, or nullptr for an unknown key.
  boost::json::value* find(std::string_view key);
  const boost::json::value* find(std::string_view key) const;

  // Every variable's value, keyed by variable key, in form order.
  boost::json::object values() const;

 private:
  std::vector<Variable> entries_;
};

// Builds the variables with their defaults. A data component of a type that a
// plugin handles starts with that plugin's component_empty_value; any other
// component with its "defaultValue", or "" without one. A user-defined
// variable starts with its "initial_value", or the default of its data type.
VariableSet initial_variables(const Form& form, const PluginRegistry& plugins);

// The value of a user-defined variable without "initial_value", as Open Forms
// chooses it: array [], object {}, string "", boolean false, int and float
// null, date, time and datetime "" (no date yet).
boost::json::value default_for_data_type(std::string_view data_type);

}  // namespace host_stub

#endif  // HOST_STUB_VARIABLES_HPP
