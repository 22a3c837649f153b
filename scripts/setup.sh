#!/usr/bin/env bash
# Installs every system dependency of Parley from Debian's packages. Idempotent: when everything
# is installed it only checks and says so. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkgconf
  libyaml-cpp-dev nlohmann-json3-dev libpugixml-dev libcli11-dev libfmt-dev
  libxlsxwriter-dev libminizip-dev
  libboost-dev  # Boost.Multiprecision (header-only): the exact coalition power indices
  libeigen3-dev  # Eigen (header-only): the stakeholder map's influence matrices
  libtbb-dev  # oneTBB: the parallel samples of `parley rehearse`
  libsqlite3-dev  # SQLite: the store of `parley serve` (cases, versions, runs)
  libcpp-httplib-dev  # cpp-httplib: the HTTP server of `parley serve`
  libpqxx-dev  # libpqxx: the store on a PostgreSQL server (team mode of `parley serve`)
  libsodium-dev  # libsodium: API tokens (random bytes, BLAKE2b hashes) of team mode
  postgresql  # PostgreSQL 15 server: the store's tests on a real server (scripts/with_postgres.sh)
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  clang-format clang-tidy
  clang libclang-rt-14-dev  # the libFuzzer targets (scripts/fuzz.sh): clang, its fuzzer runtime
  chromium fonts-dejavu-core  # the HTML brief is checked in a headless browser
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "setup: need root to install packages; run as root or install sudo" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
