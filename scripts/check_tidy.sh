#!/usr/bin/env bash
# Runs clang-tidy with the repository's .clang-tidy (Google naming rules) on every source file of
# src/ and apps/ listed in the release build's compile_commands.json, on all cores, and fails
# listing each finding once (a header included by many files is reported once).
# Usage: scripts/check_tidy.sh [BUILD_DIR]   (default build/release; configure it first, not as a
# unity build: scripts/test.sh configures build/tidy for it)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build="${1:-build/release}"
db="$build/compile_commands.json"
if [ ! -f "$db" ]; then
  echo "clang-tidy: $db is missing: run 'cmake --preset release' first" >&2
  exit 2
fi
if grep -q '"file": *"[^"]*/Unity/unity_[^"]*"' "$db"; then
  echo "clang-tidy: $build is a unity build (CMAKE_UNITY_BUILD): its $db lists the combined" \
       "files, not the sources; configure a folder without it, e.g." \
       "'cmake -S . -B build/tidy -G Ninja -DCMAKE_UNITY_BUILD=OFF', and pass that folder" >&2
  exit 2
fi
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
if [ -z "$tidy" ]; then
  echo "clang-tidy: not installed: run scripts/setup.sh" >&2
  exit 2
fi
jobs=$(nproc 2>/dev/null || echo 2)

mapfile -t files < <(grep -o '"file": *"[^"]*"' "$db" | sed 's/^"file": *"//; s/"$//' |
                     grep -E "^$root/(src|apps)/" | sort -u)
if [ ${#files[@]} -eq 0 ]; then
  echo "clang-tidy: no file of src/ or apps/ in $db" >&2
  exit 2
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# clang-tidy prints findings on stdout and "N warnings generated" on stderr; a file that does not
# compile is reported as an error on stdout too. The build's flags are GCC's and may turn warnings
# into errors (PARLEY_WERROR): clang must neither stop at GCC-only warning options nor promote its
# own warnings, which are not what this check is about.
status=0
printf '%s\0' "${files[@]}" |
  xargs -0 -n 4 -P "$jobs" "$tidy" -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option \
    --extra-arg=-Wno-error > "$out" 2>/dev/null || status=$?
findings=$(grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error): ' "$out" |
           sed "s|^$root/||; s|^build/[^/]*/module_include/[a-z]*/parley/|include/parley/|" |
           sort -u || true)
if [ -n "$findings" ]; then
  echo "clang-tidy: $(printf '%s\n' "$findings" | wc -l) findings in ${#files[@]} files:" >&2
  printf '%s\n' "$findings" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "clang-tidy failed (exit $status) without a finding on a source line:" >&2
  cat "$out" >&2
  exit 1
fi
echo "clang-tidy: ${#files[@]} files of src/ and apps/ follow the naming rules"
