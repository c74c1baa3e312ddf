// The Boost.Test entry point shared by the unit and system test executables.
#define BOOST_TEST_MODULE formplugin_tests
#include <boost/test/unit_test.hpp>
