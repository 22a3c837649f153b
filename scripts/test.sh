#!/usr/bin/env bash
# Sets everything up, builds Parley and runs the whole test suite, as CI does (.ci/run):
#   1. release build with warnings as errors (PARLEY_WERROR); the tests labelled unit, e2e and
#      golden (ctest --preset release), then those labelled slow (ctest --preset slow: the GENIUS
#      corpus, the headless browser);
#   2. cmake --install into a temporary prefix and an outside program built against it with
#      find_package(Parley) (scripts/check_install.sh);
#   3. clang-format check of every C++ file, clang-tidy naming check of src/ and apps/;
#   4. debug build with AddressSanitizer + UndefinedBehaviorSanitizer, warnings as errors, and
#      the unit, e2e and golden tests there (ctest --preset debug);
#   5. a short fuzz run: every libFuzzer target of tests/fuzz for 15 seconds (scripts/fuzz.sh;
#      docs/fuzzing.md), failing on any finding.
# Options: --fast skips steps 4 and 5.
set -euo pipefail
cd "$(dirname "$0")/.."
fast=0
[ "${1:-}" = "--fast" ] && fast=1

bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
step() { echo "== $1 ($(date +%H:%M:%S))"; }

step "release build (warnings are errors) and tests"
cmake --preset release -DPARLEY_WERROR=ON >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"
step "slow tests (release)"
ctest --preset slow -j "$jobs"

step "install and find_package(Parley)"
bash scripts/check_install.sh build/release

step "clang-format"
bash scripts/check_format.sh
step "clang-tidy"
bash scripts/check_tidy.sh build/release

if [ "$fast" -eq 0 ]; then
  step "sanitizer build (ASan + UBSan, warnings are errors) and tests"
  cmake --preset debug -DPARLEY_WERROR=ON >/dev/null
  cmake --build --preset debug -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset debug -j "$jobs"
  step "short fuzz run (15 s per target)"
  bash scripts/fuzz.sh 15
fi
step "all tests passed"
