#!/usr/bin/env bash
# Sets everything up, builds Parley and runs the whole test suite, as CI does (.ci/run). Both
# builds are unity builds (CMAKE_UNITY_BUILD: up to 8 source files of a target compiled as one,
# about half the compile time; every source file must therefore be unity-safe, which CI checks):
#   1. release build with warnings as errors (PARLEY_WERROR) of the parley binary and the programs
#      that run it end to end (target parley_e2e), and those tests: the labels e2e, golden and
#      slow (ctest --preset binary: the examples' goldens, the GENIUS corpus, the headless
#      browser, the web page's journeys in chromium after `npm ci && npm run build` in web/);
#   2. cmake --install into a temporary prefix and an outside program built against it with
#      find_package(Parley) (scripts/check_install.sh);
#   3. clang-format check of every C++ file, clang-tidy naming check of src/ and apps/ (against
#      build/tidy, a configure-only build folder whose compile_commands.json lists every source
#      file: a unity build's lists only the combined ones);
#   4. debug build with AddressSanitizer + UndefinedBehaviorSanitizer, warnings as errors, and
#      the unit, e2e and golden tests there (ctest --preset debug): every unit test runs here,
#      under the sanitizers, rather than twice;
#   5. a short fuzz run: every libFuzzer target of tests/fuzz for 6 seconds (scripts/fuzz.sh;
#      run_request linked with the analysing modules of step 1's release build;
#      docs/fuzzing.md), failing on any finding.
# The ctest runs go through scripts/with_postgres.sh: a throwaway PostgreSQL server (a private
# socket, stopped and removed after) for the store's and the server's tests on PostgreSQL.
# Options: --fast skips steps 4 and 5 and builds and runs every test in release instead
# (ctest --preset release, then ctest --preset slow), not as a unity build (the cache of
# build/release keeps the last choice: `cmake --preset release -DCMAKE_UNITY_BUILD=OFF` turns a
# folder that CI's steps configured back into one that recompiles only what changed).
set -euo pipefail
cd "$(dirname "$0")/.."
fast=0
[ "${1:-}" = "--fast" ] && fast=1

bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
step() { echo "== $1 ($(date +%H:%M:%S))"; }

step "the web page: npm ci and npm run build in web/ (quiet; the journeys in step 1 drive it)"
(cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run build --silent >/dev/null)

unity=ON
[ "$fast" -eq 1 ] && unity=OFF
cmake --preset release -DPARLEY_WERROR=ON -DCMAKE_UNITY_BUILD=$unity >/dev/null
if [ "$fast" -eq 1 ]; then
  step "release build (warnings are errors) and every test"
  cmake --build --preset release -j "$jobs"
  bash scripts/with_postgres.sh ctest --preset release -j "$jobs"
  ctest --preset slow -j "$jobs"
else
  step "release build of the binary and its end-to-end tests (warnings are errors)"
  cmake --build --preset release -j "$jobs" --target parley_e2e
  bash scripts/with_postgres.sh ctest --preset binary -j "$jobs"
fi

step "install and find_package(Parley)"
bash scripts/check_install.sh build/release

step "clang-format"
bash scripts/check_format.sh
step "clang-tidy"
cmake -S . -B build/tidy -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=OFF >/dev/null
bash scripts/check_tidy.sh build/tidy

if [ "$fast" -eq 0 ]; then
  step "sanitizer build (ASan + UBSan, warnings are errors) and tests"
  cmake --preset debug -DPARLEY_WERROR=ON -DCMAKE_UNITY_BUILD=ON >/dev/null
  cmake --build --preset debug -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    bash scripts/with_postgres.sh ctest --preset debug -j "$jobs"
  step "short fuzz run (6 s per target)"
  bash scripts/fuzz.sh 6
  PARLEY_FUZZ_UPPER_FROM=build/release bash scripts/fuzz.sh 6 run_request
fi
step "all tests passed"
