#!/usr/bin/env bash
# Fuzzes the case reader with libFuzzer under ASan and UBSan for SECONDS (default 120), starting
# from the examples and the test fixtures. Findings are written to build/fuzz/findings/.
# Needs clang and its runtime: apt-get install clang libclang-rt-14-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
out=build/fuzz
mkdir -p "$out/corpus" "$out/findings"
cp examples/*.yaml tests/data/good/* tests/data/bad/*.yaml tests/data/bad/*.json "$out/corpus/" 2>/dev/null || true
cmake -S . -B "$out/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DPARLEY_BUILD_TESTS=OFF -DPARLEY_SANITIZE=ON >/dev/null
cmake --build "$out/build" --target parley_io parley_core
flags="-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
clang++ $flags -I "$out/build/module_include/core" -I "$out/build/module_include/io" \
  tests/fuzz/case_reader_fuzz.cc "$out/build/src/io/libparley_io.a" "$out/build/src/core/libparley_core.a" \
  -lyaml-cpp -lpugixml -lfmt -o "$out/case_reader_fuzz"
"$out/case_reader_fuzz" "$out/corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 \
  -max_len=65536 -artifact_prefix="$out/findings/" -print_final_stats=1
