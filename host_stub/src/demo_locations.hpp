// Lookup of the demo's plugin folder and data folder.
#ifndef HOST_STUB_DEMO_LOCATIONS_HPP
#define HOST_STUB_DEMO_LOCATIONS_HPP

#include <filesystem>

namespace host_stub {

// $FORMPLUGIN_PLUGIN_DIR when set; otherwise the first existing folder of
// <folder of host_stub>/../lib/formplugin/plugins (the build tree) and the
// installed plugin folder relative to the installed host_stub. Throws
// SetupError naming the folders it tried.
std::filesystem::path find_demo_plugin_dir();

// The folder holding demo_form.json and open_klant_demo.json:
// $FORMPLUGIN_DATA_DIR (the installed data folder or its "demo" subfolder)
// when set; otherwise <folder of host_stub>/../share/formplugin/demo, the
// installed data folder, and last the source tree's host_stub/demo. Throws
// SetupError naming the folders it tried.
std::filesystem::path find_demo_data_dir();

}  // namespace host_stub

#endif  // HOST_STUB_DEMO_LOCATIONS_HPP
