# Fails unless the plugin's dynamic symbol table defines exactly one symbol,
# the entry point; Boost, OpenSSL glue and C++ internals must stay hidden.
execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY}
  OUTPUT_VARIABLE symbols RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIBRARY}")
endif()
string(REGEX REPLACE "[0-9a-f]+ [A-Za-z] " "" names "${symbols}")
string(STRIP "${names}" names)
if(NOT names STREQUAL "formplugin_entry")
  message(FATAL_ERROR "The plugin exports more than its entry point:\n${names}")
endif()
message(STATUS "exported: ${names}")
