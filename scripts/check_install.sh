#!/usr/bin/env bash
# Checks `cmake --install` and the exported package: installs a built Parley into a temporary
# prefix, checks the installed tree refers to nothing in the source or build folders, builds the
# outside program tests/install/consumer against it with find_package(Parley), runs it on
# examples/sales-renewal.yaml and compares what it prints with tests/install/expected.txt; runs
# the installed `parley` binary too.
# Usage: scripts/check_install.sh [BUILD_DIR]   (default build/release, already built)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build="${1:-build/release}"
if [ ! -f "$build/CMakeCache.txt" ]; then
  echo "install check: $build is not configured: build it first (cmake --preset release)" >&2
  exit 2
fi
jobs=$(nproc 2>/dev/null || echo 2)
work=$(mktemp -d "${TMPDIR:-/tmp}/parley-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" > "$work/install.log"
config=$(find "$prefix" -name ParleyConfig.cmake -print -quit)
for f in "$prefix/bin/parley" "$prefix/include/parley/io/case_reader.h" "$config" \
         "$(dirname "$config")/ParleyConfigVersion.cmake"; do
  if [ ! -f "$f" ]; then
    echo "install check: ${f#"$prefix/"} was not installed" >&2
    exit 1
  fi
done
if grep -rl -e "$root" "$(dirname "$config")" > "$work/leaks"; then
  echo "install check: installed package files refer to the source or build tree:" >&2
  cat "$work/leaks" >&2
  exit 1
fi

# The consumer is built with the compiler Parley was built with, against the installed files only.
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
cmake -S tests/install/consumer -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_PREFIX_PATH="$prefix" > "$work/configure.log" ||
  { cat "$work/configure.log" >&2; exit 1; }
cmake --build "$work/build" -j "$jobs" > "$work/build.log" || { cat "$work/build.log" >&2; exit 1; }

"$work/build/parley_consumer" examples/sales-renewal.yaml > "$work/out.txt"
if ! diff -u tests/install/expected.txt "$work/out.txt"; then
  echo "install check: the consumer printed something else than tests/install/expected.txt" >&2
  exit 1
fi
"$prefix/bin/parley" check examples/sales-renewal.yaml > /dev/null
echo "install check: find_package(Parley) from $(find "$prefix" -type f | wc -l) installed files builds and runs a consumer"
