# Compile and link flags, per target rather than for the whole directory tree.
#
#   parley_warnings   INTERFACE target: the warning set (-Wall -Wextra -Wpedantic), and -Werror
#                     when PARLEY_WERROR is ON (CI turns it on; scripts/test.sh).
#   parley_sanitizers INTERFACE target: ASan + UBSan compile and link flags when PARLEY_SANITIZE
#                     is ON, nothing otherwise.
#   parley_target_flags(<target>...) applies both to our own targets: every parley_module library,
#                     the CLI, the tests, the benchmarks. Third-party code and the consumers of an
#                     installed Parley never see them: they are not part of the exported package.

add_library(parley_warnings INTERFACE)
target_compile_options(parley_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false positives on std::variant in initializer lists.
  target_compile_options(parley_warnings INTERFACE -Wno-maybe-uninitialized)
  if(CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12 AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 at -O2 and above warns inside libstdc++ on plain std::string concatenation
    # (`"a" + s + "b"`, operator+= after inlining): -Wrestrict claims overlapping memcpy arguments
    # and -Wstringop-overflow a write past the end. Both are known false positives of GCC 12's
    # middle end (GCC bugs 105329, 105545, 105651, fixed in GCC 13); the code is correct and the
    # sanitizer build runs it. They are switched off for GCC 12 only, so that PARLEY_WERROR holds.
    target_compile_options(parley_warnings INTERFACE -Wno-restrict -Wno-stringop-overflow)
  endif()
endif()
if(PARLEY_WERROR)
  target_compile_options(parley_warnings INTERFACE -Werror)
endif()

add_library(parley_sanitizers INTERFACE)
if(PARLEY_SANITIZE)
  target_compile_options(parley_sanitizers INTERFACE
                         -fsanitize=address,undefined -fno-omit-frame-pointer
                         -fno-sanitize-recover=all)
  target_link_options(parley_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# The options are copied from the two INTERFACE targets as PRIVATE options of each target (rather
# than linking the INTERFACE targets), so an installed static library's link interface stays free
# of build-only entries.
function(parley_target_flags)
  foreach(target IN LISTS ARGN)
    foreach(flags IN ITEMS parley_warnings parley_sanitizers)
      target_compile_options(${target} PRIVATE $<TARGET_PROPERTY:${flags},INTERFACE_COMPILE_OPTIONS>)
      target_link_options(${target} PRIVATE $<TARGET_PROPERTY:${flags},INTERFACE_LINK_OPTIONS>)
    endforeach()
  endforeach()
endfunction()
