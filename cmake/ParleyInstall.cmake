# cmake --install: every parley_module library (static) with its public headers, the `parley`
# binary, and the CMake package that lets an outside project write
#
#   find_package(Parley 0.1 REQUIRED)
#   target_link_libraries(app PRIVATE Parley::io Parley::analysis)
#
# Installed layout under the prefix:
#   bin/parley
#   share/parley/web/ (the workbench page, when web/dist is built)
#   include/parley/<module>/*.h
#   lib/libparley_<module>.a
#   lib/cmake/Parley/ParleyConfig.cmake, ParleyConfigVersion.cmake, ParleyTargets*.cmake
include(CMakePackageConfigHelpers)

set(PARLEY_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/Parley" CACHE STRING
    "Where the Parley CMake package files are installed, relative to the prefix")

get_property(parley_modules GLOBAL PROPERTY PARLEY_MODULES)
foreach(module IN LISTS parley_modules)
  install(TARGETS parley_${module} EXPORT ParleyTargets
          ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
          LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
          RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/parley/${module}"
          DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/parley"
          FILES_MATCHING PATTERN "*.h")
endforeach()
install(TARGETS parley RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
# The workbench page, when it is built (web/: npm ci && npm run build): an installed parley serve
# finds it in share/parley/web next to its binary, one in the build tree in web/dist
# (apps/cli/serve_command.cc, WebDir).
target_compile_definitions(parley PRIVATE PARLEY_WEB_DIST="${PROJECT_SOURCE_DIR}/web/dist")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/web/dist/" DESTINATION "${CMAKE_INSTALL_DATADIR}/parley/web"
        OPTIONAL)

install(EXPORT ParleyTargets NAMESPACE Parley:: DESTINATION "${PARLEY_INSTALL_CMAKEDIR}")
list(JOIN parley_modules " " PARLEY_EXPORTED_MODULES)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/ParleyConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/ParleyConfig.cmake"
                              INSTALL_DESTINATION "${PARLEY_INSTALL_CMAKEDIR}")
# 0.x: a minor version may break the API, so only the same major.minor is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ParleyConfigVersion.cmake"
                                 VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/ParleyConfig.cmake"
              "${PROJECT_BINARY_DIR}/ParleyConfigVersion.cmake"
        DESTINATION "${PARLEY_INSTALL_CMAKEDIR}")
