// The form model: a form's Form.io component tree and its variables, read from
// a form document shaped like an Open Forms form.
#ifndef HOST_STUB_FORM_MODEL_HPP
#define HOST_STUB_FORM_MODEL_HPP

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace host_stub {

// A form document that breaks the expected shape. The message starts with the
// location inside the document, such as "components[0].columns[1].components[0]".
class FormShapeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A component with a value of its own, so it has a variable of its key.
struct DataComponent {
  std::string key;  // may contain dots ("customer.profile"); it is one key, not a path
  std::string type;
  boost::json::object definition;  // the component as written in the form
};

// One entry of the form's "variables" array.
struct VariableDefinition {
  std::string key;
  bool user_defined = false;                       // source "user_defined", else "component"
  std::string data_type;                           // empty when a component variable leaves it out
  std::string prefill_plugin;                      // empty when the variable is not prefilled
  boost::json::object prefill_options;             // {} when not given
  std::optional<boost::json::value> initial_value; // set when the file has "initial_value"
  boost::json::object definition;                  // the variable as written, sent to prefill
};

struct Form {
  boost::json::object document;
  std::string name;
  std::vector<DataComponent> components;      // data components in tree order
  std::vector<VariableDefinition> variables;  // in file order
};

// Checks the document's shape and collects its data components and variables.
// Throws FormShapeError.
Form read_form(const boost::json::value& document);

// Walks a Form.io component tree depth-first and returns the components that
// hold data. Children are found in "components" (fieldset, panel, tabs,
// container), "columns[].components" (columns) and "rows[][].components"
// (table). Throws FormShapeError for a component that is not an object, a type
// that is not a string, or a data component without a key.
std::vector<DataComponent> collect_data_components(const boost::json::array& components);

// True for component types that only arrange or show other content.
bool is_layout_type(std::string_view type);

// The data component with this key, or nullptr.
const DataComponent* find_component(const Form& form, std::string_view key);

}  // namespace host_stub

#endif  // HOST_STUB_FORM_MODEL_HPP
