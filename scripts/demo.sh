#!/usr/bin/env bash
# Sets everything up, builds Parley (release) and runs its main job on an example case.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
example=examples/sales-renewal.yaml
./build/release/parley check examples/*.yaml
./build/release/parley show "$example"
