# Compiler, build-speed and layout settings shared by every target.

set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

option(FORMPLUGIN_BUILD_TESTS "Build the test executables" ON)
set(FORMPLUGIN_REFERENCE_DIR "${CMAKE_CURRENT_SOURCE_DIR}/../shared/reference"
  CACHE PATH "Folder with the recorded Open Klant exchanges (open-forms-cassettes) and fixtures (open-klant)")

# Two cores build slowly: reuse earlier compilations where ccache is present.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_C_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

add_compile_options(-Wall -Wextra -Wpedantic)

include(GNUInstallDirs)
# Installed layout: bin/host_stub and lib/formplugin/plugins/<plugin>.so
set(FORMPLUGIN_INSTALL_PLUGIN_DIR "${CMAKE_INSTALL_LIBDIR}/formplugin/plugins")
set(FORMPLUGIN_INSTALL_DATA_DIR "${CMAKE_INSTALL_DATADIR}/formplugin")
