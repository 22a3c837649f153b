# parley_module(NAME SOURCES... [DEPS targets...] [PRIVATE_DEPS targets...])
#
# Declares the library target parley_<NAME> (alias parley::<NAME>, installed and exported as
# Parley::<NAME>). Its public headers live in include/parley/<NAME>/; in the build tree the target
# exposes them through an include tree of its own in the build folder that holds only
# parley/<NAME>, so a module sees another module's headers only when it links that module.
# Modules link only along the allowed direction (ARCHITECTURE.md):
#   core <- analysis <- power <- plan <- sim <- report <- service; core <- io <- report; io <- store
# An include against that direction therefore fails to compile.
#
# Installed, every module's headers sit under <prefix>/include/parley/<NAME>/ and the target
# points at <prefix>/include (the BUILD_INTERFACE / INSTALL_INTERFACE pair below). The warning
# and sanitizer flags are applied privately (parley_target_flags) and are not exported.
function(parley_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  set(tree "${PROJECT_BINARY_DIR}/module_include/${name}")
  file(MAKE_DIRECTORY "${tree}/parley")
  if(NOT EXISTS "${tree}/parley/${name}")
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/include/parley/${name}" "${tree}/parley/${name}" SYMBOLIC)
  endif()
  add_library(parley_${name} ${ARG_SOURCES})
  add_library(parley::${name} ALIAS parley_${name})
  set_target_properties(parley_${name} PROPERTIES EXPORT_NAME ${name})
  target_include_directories(parley_${name}
                             PUBLIC "$<BUILD_INTERFACE:${tree}>"
                                    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>"
                             PRIVATE "${PROJECT_SOURCE_DIR}/src/${name}")
  target_link_libraries(parley_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  parley_target_flags(parley_${name})
  set_property(GLOBAL APPEND PROPERTY PARLEY_MODULES ${name})
endfunction()
