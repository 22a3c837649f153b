#!/usr/bin/env bash
# Sets everything up, builds Parley (release), checks the examples, shows one and assesses the
# power in it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
example=examples/sales-renewal.yaml
./build/release/parley check examples/*.yaml
./build/release/parley show "$example"
./build/release/parley power "$example"
