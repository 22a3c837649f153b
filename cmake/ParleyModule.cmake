# parley_module(NAME SOURCES... [DEPS targets...] [PRIVATE_DEPS targets...])
#
# Declares the library target parley_<NAME> (alias parley::<NAME>). Its public headers live in
# include/parley/<NAME>/; the target exposes them through an include tree of its own in the build
# folder that holds only parley/<NAME>, so a module sees another module's headers only when it
# links that module. Modules link only along the allowed direction (ARCHITECTURE.md):
#   core <- analysis <- power <- sim <- plan <- io <- store <- faces
# An include against that direction therefore fails to compile.
function(parley_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  set(tree "${PROJECT_BINARY_DIR}/module_include/${name}")
  file(MAKE_DIRECTORY "${tree}/parley")
  if(NOT EXISTS "${tree}/parley/${name}")
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/include/parley/${name}" "${tree}/parley/${name}" SYMBOLIC)
  endif()
  add_library(parley_${name} ${ARG_SOURCES})
  add_library(parley::${name} ALIAS parley_${name})
  target_include_directories(parley_${name} PUBLIC "${tree}"
                             PRIVATE "${PROJECT_SOURCE_DIR}/src/${name}")
  target_link_libraries(parley_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()
