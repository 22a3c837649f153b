#!/usr/bin/env bash
# Fails listing every C++ file that clang-format (Google base, .clang-format) would change.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=()
while IFS= read -r f; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done < <(git ls-files '*.h' '*.cc' 2>/dev/null || find include src apps tests bench -name '*.h' -o -name '*.cc')
if [ ${#bad[@]} -gt 0 ]; then
  echo "clang-format: these files need formatting (run clang-format -i on them):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "clang-format: all files formatted"
