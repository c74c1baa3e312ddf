// Boost.JSON compiled into the plugin itself (header-only mode), so the plugin
// needs no Boost shared library and cannot clash with a host's Boost version.
#include <boost/json/src.hpp>
