#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (one per parser) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, then fuzzes each for SECONDS (default 120), one after the other:
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      # targets: case_reader genius_xml genius_web
#                                              #          terms interview (the default: all
#                                              #          but run_request) run_request
#   scripts/fuzz.sh 0                          # build only
#   FUZZ_ARGS=-runs=10000000 scripts/fuzz.sh 0 terms    # extra libFuzzer options; with -runs,
#                                                       # SECONDS 0 runs until the count is reached
#
# The library is built with -fsanitize=fuzzer-no-link in build/fuzz/build, so libFuzzer sees its
# coverage (run_request, through parley::service, needs every analysing module: they are built
# only when it is asked for). Each target starts from a seed corpus laid out in
# build/fuzz/corpus/TARGET at run time (tests/data, examples/, tests/fuzz/seeds/ and the GENIUS
# corpus of ../shared/data/genius when present) and keeps what it finds there; crashes, leaks, timeouts (over 5 s on one input)
# and runaway memory (over 2 GB) are written to build/fuzz/findings/TARGET/, and the script exits
# non-zero when a target has a finding. Needs clang and libclang-rt-14-dev (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
all_targets=(case_reader genius_xml genius_web terms interview run_request)
# run_request runs only when named: its build (every analysing module, instrumented) takes many
# minutes, beyond CI's budget for the short run (docs/fuzzing.md).
default_targets=(case_reader genius_xml genius_web terms interview)
seconds="${1:-120}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${default_targets[@]}")
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz: unknown target '$t' (${all_targets[*]})" >&2; exit 2; }
done
out=build/fuzz
shared="${PARLEY_SHARED_DIR:-../shared}/data/genius"

# The library, with coverage for libFuzzer and the sanitizers of the debug build.
cmake -S . -B "$out/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" -DPARLEY_BUILD_TESTS=OFF -DPARLEY_SANITIZE=ON \
  >/dev/null
cmake --build "$out/build" --target parley_io parley_core
libs=("$out/build/src/io/libparley_io.a" "$out/build/src/core/libparley_core.a")
flags=(-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
       -I "$out/build/module_include/core" -I "$out/build/module_include/io" -I src/io -I tests/fuzz)
# run_request: parley::service and the modules under it, in link order. Built instrumented here
# (many minutes), or, with PARLEY_FUZZ_UPPER_FROM=BUILD_DIR (CI: build/release, already built),
# taken from that build as they are: libFuzzer then steers by the coverage of the case reader,
# the terms and the rest of core and io, which parse the body, and any crash, sanitizer report
# in the instrumented code, hang or unexpected exception anywhere is still a finding. The store
# comes last among them: in a unity build the service's combined objects that the target needs
# also hold its library code, which calls the store (hence SQLite, libpqxx and libsodium too).
service_modules=(service report sim stakeholders coalition plan power analysis store)
service_libs=()
if [[ " ${targets[*]} " == *" run_request "* ]]; then
  upper="${PARLEY_FUZZ_UPPER_FROM:-}"
  if [ -z "$upper" ]; then
    cmake --build "$out/build" --target parley_service
    upper="$out/build"
  fi
  for m in "${service_modules[@]}"; do
    [ -f "$upper/src/$m/libparley_$m.a" ] ||
      { echo "fuzz: $upper/src/$m/libparley_$m.a is missing: build $upper first" >&2; exit 2; }
    service_libs+=("$upper/src/$m/libparley_$m.a")
    flags+=(-I "$upper/module_include/$m")
  done
fi
for t in "${targets[@]}"; do
  bin="$out/${t}_fuzz"
  deps=("${libs[@]}")
  extra=()
  if [ "$t" = run_request ]; then
    deps=("${service_libs[@]}" "${libs[@]}")
    extra=(-ltbb -lxlsxwriter -lminizip -lsqlite3 -lpqxx -lpq -lsodium)
  fi
  if [ ! -x "$bin" ] || [ -n "$(find tests/fuzz "${deps[@]}" -newer "$bin" -type f | head -1)" ]; then
    echo "fuzz: building $bin"
    clang++ "${flags[@]}" "tests/fuzz/${t}_fuzz.cc" "${deps[@]}" "${extra[@]}" -lyaml-cpp -lpugixml \
      -lfmt -o "$bin"
  fi
done

# run_request seeds: "COMMAND SYNTAX QUERY" then a small case (under 4 KiB) as its body, in
# YAML, and as compact JSON when a parley binary is there to convert it (PARLEY_BIN).
request_seeds() {  # DEST
  local dest="$1" parley="${PARLEY_BIN:-build/release/parley}" f name line i tmp
  local requests=("check" "show" "frontier seed=3&rows=5" "evaluate offer=price=1000"
    "power samples=100&seed=7" "plan samples=100&meso=2" "plan samples=50&format=html"
    "review outcome=price=1000&samples=100" "next samples=100" "coalition samples=0"
    "stakeholders" "simulate us=boulware&them=conceder&rounds=30"
    "rehearse samples=12&rounds=30&them=boulware,micro")
  tmp=$(mktemp -d)
  for f in tests/data/good/minimal.yaml tests/data/good/three-party.yaml \
           tests/data/good/produce-buyer.yaml examples/buying-committee.yaml \
           examples/supplier-consortium.yaml examples/three-company-partnership.yaml; do
    name=$(basename "$f" .yaml)
    : >"$tmp/$name.json"
    if [ -x "$parley" ] && "$parley" convert "$f" --to json -o "$tmp/full.json" --force >/dev/null 2>&1; then
      python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), separators=(",", ":"), ensure_ascii=False))' \
        "$tmp/full.json" >"$tmp/$name.json"
    fi
    i=0
    for line in "${requests[@]}"; do
      i=$((i + 1))
      read -r command query <<<"$line"
      { echo "$command yaml $query"; cat "$f"; } >"$dest/$name-yaml-$i"
      if [ -s "$tmp/$name.json" ]; then
        { echo "$command json $query"; cat "$tmp/$name.json"; } >"$dest/$name-json-$i"
      fi
    done
  done
  rm -rf "$tmp"
}

# One seed file per GENIUS scenario: the domain, then its profiles, separated by "@@@@" lines.
genius_seeds() {  # EXT DEST
  local ext="$1" dest="$2" dir domain name
  [ -d "$shared" ] || return 0
  while IFS= read -r dir; do
    domain=$(grep -l -E '<negotiation_template|"issuesValues"' "$dir"/*."$ext" 2>/dev/null | head -1 || true)
    [ -n "$domain" ] || continue
    name=$(echo "${dir#"$shared"/}" | tr '/' '_')
    {
      cat "$domain"
      for profile in $(grep -l -E '<utility_space|LinearAdditiveUtilitySpace' "$dir"/*."$ext" 2>/dev/null | head -3); do
        [ "$profile" = "$domain" ] && continue
        printf '\n@@@@\n'
        cat "$profile"
      done
    } >"$dest/$name"
  done < <(find "$shared" -type d)
}

seed() {  # TARGET: lays out build/fuzz/corpus/TARGET (kept between runs)
  local t="$1" dest="$out/corpus/$1"
  mkdir -p "$dest"
  case "$t" in
    case_reader) cp examples/*.yaml tests/data/good/* tests/data/bad/*.yaml tests/data/bad/*.json \
                   "$dest/" 2>/dev/null || true ;;
    genius_xml) genius_seeds xml "$dest" ;;
    genius_web) genius_seeds json "$dest" ;;
    run_request) request_seeds "$dest" ;;
  esac
  if [ -d "tests/fuzz/seeds/$t" ]; then cp "tests/fuzz/seeds/$t"/* "$dest/"; fi
}

[ "$seconds" = 0 ] && [ -z "${FUZZ_ARGS:-}" ] && exit 0
status=0
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "$out/findings/$t"
  echo "== fuzz $t: ${seconds} s ${FUZZ_ARGS:-}"
  time_args=()
  [ "$seconds" != 0 ] && time_args=(-max_total_time="$seconds")
  # shellcheck disable=SC2086
  if ! "$out/${t}_fuzz" "$out/corpus/$t" "${time_args[@]}" -rss_limit_mb=2048 -timeout=5 \
      -max_len=65536 -artifact_prefix="$out/findings/$t/" -print_final_stats=1 ${FUZZ_ARGS:-} \
      2>"$out/$t.log"; then
    status=1
    echo "fuzz: $t has a finding in $out/findings/$t/ (log: $out/$t.log)" >&2
    tail -40 "$out/$t.log" >&2
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^Done' "$out/$t.log" || true
done
exit "$status"
