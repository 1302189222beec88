#!/usr/bin/env bash
# Installs every Debian package that building, testing, benchmarking and running Ordo needs.
# Only missing packages are installed, so running it twice is cheap and changes nothing.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  # libraries
  libsqlite3-dev sqlite3 libboost-dev nlohmann-json3-dev libfmt-dev libspdlog-dev
  libcli11-dev libtoml11-dev libargon2-dev libssl-dev libhpdf-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev wrk curl ca-certificates
  # tooling
  clang-format
  # tools/check-boundaries (CTest check_boundaries)
  python3
  # the OpenAPI linter (scripts/lint-openapi.sh, CTest openapi_lint): Redocly CLI from npm;
  # the web application (web/: TypeScript, Preact, esbuild from npm, built into the binary)
  nodejs npm
  # the web application's end-to-end test (tests/web, CTest web_e2e), driven by playwright-core
  chromium fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  # NodeSource's nodejs package carries its own npm and conflicts with Debian's.
  if [ "$p" = npm ] && command -v npm > /dev/null; then continue; fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
