#!/usr/bin/env bash
# Sets everything up, builds Parley (release), checks the examples and writes the preparation
# brief of one, on the terminal and as an HTML page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
example=examples/sales-renewal.yaml
./build/release/parley check examples/*.yaml
./build/release/parley plan "$example"
./build/release/parley plan "$example" -o build/release/sales-renewal-brief.html --force
