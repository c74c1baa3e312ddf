# Boost 1.81 and OpenSSL from Debian 12 packages (see .ci/install-dependencies).

find_package(Boost 1.81.0 EXACT CONFIG REQUIRED COMPONENTS json unit_test_framework)
find_package(OpenSSL 3 REQUIRED)
find_package(Threads REQUIRED)

# Boost.DLL without Boost.Filesystem: std::filesystem is enough for the host.
add_library(formplugin_boost_dll INTERFACE)
target_link_libraries(formplugin_boost_dll INTERFACE Boost::headers ${CMAKE_DL_LIBS})
target_compile_definitions(formplugin_boost_dll INTERFACE BOOST_DLL_USE_STD_FS)
