#!/usr/bin/env bash
# Sets everything up, builds Parley and runs the whole test suite:
#   1. release build, every test but those labelled `slow` (unit, e2e, golden);
#   2. clang-format check of every C++ file;
#   3. debug build with AddressSanitizer + UndefinedBehaviorSanitizer, unit and e2e tests.
# Options: --fast skips step 3.
set -euo pipefail
cd "$(dirname "$0")/.."
fast=0
[ "${1:-}" = "--fast" ] && fast=1

bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== release build and tests"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

echo "== clang-format"
bash scripts/check_format.sh

if [ "$fast" -eq 0 ]; then
  echo "== sanitizer build (ASan + UBSan) and tests"
  cmake --preset debug >/dev/null
  cmake --build --preset debug -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset debug -j "$jobs"
fi
echo "== all tests passed"
