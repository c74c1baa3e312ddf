#include "form_model.hpp"

#include "json_text.hpp"

#include <array>
#include <set>

namespace host_stub {
namespace {

// Form.io and Open Forms component types that hold no data. A component with
// "input": false is treated the same way.
// NOTE: Form.io stores the values of a "container" component's children under
// the container's key. This host treats a container as a plain grouping, so
// each child gets a variable of its own key instead.
constexpr std::array<std::string_view, 11> layout_types{
    "button", "columns", "container", "content", "fieldset",           "htmlelement",
    "panel",  "table",   "tabs",      "well",    "softRequiredErrors",
};

// Component types whose value is a list of rows holding their children's values;
// their children get no variables of their own.
constexpr std::array<std::string_view, 2> repeating_group_types{"editgrid", "datagrid"};

class ComponentWalker {
 public:
  std::vector<DataComponent> found;

  void walk_list(const boost::json::value& list, const std::string& location) {
    if (!list.is_array()) {
      throw FormShapeError(location + " must be an array, not " + std::string(kind_name(list)));
    }
    const auto& components = list.get_array();
    for (std::size_t index = 0; index < components.size(); ++index) {
      visit(components[index], location + "[" + std::to_string(index) + "]");
    }
  }

 private:
  void visit(const boost::json::value& value, const std::string& location) {
    if (!value.is_object()) {
      throw FormShapeError(location + " must be a component object, not " + std::string(kind_name(value)));
    }
    const auto& component = value.get_object();

    // Entries without a type, such as the tabs of a "tabs" component, only group children.
    std::string type;
    if (const auto* type_value = component.if_contains("type")) {
      if (!type_value->is_string()) throw FormShapeError(location + ".type must be a string");
      type = std::string(type_value->get_string());
    }

    if (!type.empty() && holds_data(component, type)) {
      record(component, type, location);
      if (is_repeating_group(type)) return;
    }
    walk_children(component, location);
  }

  static bool holds_data(const boost::json::object& component, std::string_view type) {
    if (is_layout_type(type)) return false;
    const auto* input = component.if_contains("input");
    return input == nullptr || !input->is_bool() || input->get_bool();
  }

  static bool is_repeating_group(std::string_view type) {
    for (const auto group : repeating_group_types) {
      if (group == type) return true;
    }
    return false;
  }

  void record(const boost::json::object& component, const std::string& type, const std::string& location) {
    const auto* key = component.if_contains("key");
    if (key == nullptr || !key->is_string() || key->get_string().empty()) {
      throw FormShapeError(location + " (type \"" + type + "\") needs a non-empty string \"key\"");
    }
    found.push_back(DataComponent{std::string(key->get_string()), type, component});
  }

  void walk_children(const boost::json::object& component, const std::string& location) {
    if (const auto* children = component.if_contains("components")) {
      walk_list(*children, location + ".components");
    }
    if (const auto* columns = component.if_contains("columns"); columns != nullptr && columns->is_array()) {
      walk_columns(columns->get_array(), location + ".columns");
    }
    if (const auto* rows = component.if_contains("rows"); rows != nullptr && rows->is_array()) {
      walk_rows(rows->get_array(), location + ".rows");
    }
  }

  void walk_columns(const boost::json::array& columns, const std::string& location) {
    for (std::size_t index = 0; index < columns.size(); ++index) {
      const std::string column_location = location + "[" + std::to_string(index) + "]";
      if (!columns[index].is_object()) throw FormShapeError(column_location + " must be an object");
      if (const auto* children = columns[index].get_object().if_contains("components")) {
        walk_list(*children, column_location + ".components");
      }
    }
  }

  void walk_rows(const boost::json::array& rows, const std::string& location) {
    for (std::size_t row = 0; row < rows.size(); ++row) {
      const std::string row_location = location + "[" + std::to_string(row) + "]";
      if (!rows[row].is_array()) throw FormShapeError(row_location + " must be an array of table cells");
      const auto& cells = rows[row].get_array();
      for (std::size_t cell = 0; cell < cells.size(); ++cell) {
        const std::string cell_location = row_location + "[" + std::to_string(cell) + "]";
        if (!cells[cell].is_object()) throw FormShapeError(cell_location + " must be an object");
        if (const auto* children = cells[cell].get_object().if_contains("components")) {
          walk_list(*children, cell_location + ".components");
        }
      }
    }
  }
};

constexpr std::array<std::string_view, 9> known_data_types{
    "string", "boolean", "object", "array", "int", "float", "datetime", "time", "date",
};

std::string read_string_member(const boost::json::object& object, std::string_view name,
                               const std::string& location, bool required) {
  const auto* value = object.if_contains(name);
  if (value == nullptr || (!required && value->is_null())) {
    if (required) throw FormShapeError(location + " needs a string \"" + std::string(name) + "\"");
    return {};
  }
  if (!value->is_string()) {
    throw FormShapeError(location + "." + std::string(name) + " must be a string, not " +
                         std::string(kind_name(*value)));
  }
  return std::string(value->get_string());
}

void check_data_type(const VariableDefinition& variable, const std::string& location) {
  if (variable.data_type.empty() && !variable.user_defined) return;
  for (const auto known : known_data_types) {
    if (known == variable.data_type) return;
  }
  throw FormShapeError(location + ".data_type \"" + variable.data_type +
                       "\" is not one of string, boolean, object, array, int, float, datetime, time, date");
}

VariableDefinition read_variable(const boost::json::value& value, const std::string& location) {
  if (!value.is_object()) {
    throw FormShapeError(location + " must be a variable object, not " + std::string(kind_name(value)));
  }
  const auto& object = value.get_object();

  VariableDefinition variable;
  variable.definition = object;
  variable.key = read_string_member(object, "key", location, true);
  if (variable.key.empty()) throw FormShapeError(location + ".key must not be empty");

  const std::string source = read_string_member(object, "source", location, true);
  if (source != "user_defined" && source != "component") {
    throw FormShapeError(location + ".source must be \"user_defined\" or \"component\", not \"" + source + "\"");
  }
  variable.user_defined = source == "user_defined";

  variable.data_type = read_string_member(object, "data_type", location, variable.user_defined);
  check_data_type(variable, location);
  variable.prefill_plugin = read_string_member(object, "prefill_plugin", location, false);

  if (const auto* options = object.if_contains("prefill_options"); options != nullptr && !options->is_null()) {
    if (!options->is_object()) {
      throw FormShapeError(location + ".prefill_options must be an object, not " + std::string(kind_name(*options)));
    }
    variable.prefill_options = options->get_object();
  }
  if (const auto* initial = object.if_contains("initial_value")) variable.initial_value = *initial;
  return variable;
}

void check_unique_keys(const Form& form) {
  std::set<std::string> component_keys;
  for (const auto& component : form.components) {
    if (!component_keys.insert(component.key).second) {
      throw FormShapeError("components: two data components have the key \"" + component.key + "\"");
    }
  }

  std::set<std::string> variable_keys;
  for (const auto& variable : form.variables) {
    if (!variable_keys.insert(variable.key).second) {
      throw FormShapeError("variables: the key \"" + variable.key + "\" is listed twice");
    }
    const bool names_component = component_keys.count(variable.key) != 0;
    if (variable.user_defined && names_component) {
      throw FormShapeError("variables: user-defined variable \"" + variable.key +
                           "\" has the key of a component; pick another key");
    }
    if (!variable.user_defined && !names_component) {
      throw FormShapeError("variables: variable \"" + variable.key +
                           "\" has source \"component\", but no data component has that key");
    }
  }
}

}  // namespace

bool is_layout_type(std::string_view type) {
  for (const auto layout : layout_types) {
    if (layout == type) return true;
  }
  return false;
}

std::vector<DataComponent> collect_data_components(const boost::json::array& components) {
  ComponentWalker walker;
  walker.walk_list(components, "components");
  return std::move(walker.found);
}

Form read_form(const boost::json::value& document) {
  if (!document.is_object()) {
    throw FormShapeError("the document must be a JSON object, not " + std::string(kind_name(document)));
  }
  Form form;
  form.document = document.get_object();
  const auto* name = form.document.if_contains("name");
  if (name == nullptr || !name->is_string()) throw FormShapeError("\"name\" must be a string");
  form.name = std::string(name->get_string());

  const auto* components = form.document.if_contains("components");
  if (components == nullptr || !components->is_array()) {
    throw FormShapeError("\"components\" must be an array");
  }
  form.components = collect_data_components(components->get_array());

  if (const auto* variables = form.document.if_contains("variables"); variables != nullptr) {
    if (!variables->is_array()) throw FormShapeError("\"variables\" must be an array");
    const auto& list = variables->get_array();
    for (std::size_t index = 0; index < list.size(); ++index) {
      form.variables.push_back(read_variable(list[index], "variables[" + std::to_string(index) + "]"));
    }
  }

  check_unique_keys(form);
  return form;
}

const DataComponent* find_component(const Form& form, std::string_view key) {
  for (const auto& component : form.components) {
    if (component.key == key) return &component;
  }
  return nullptr;
}

}  // namespace host_stub
