#!/usr/bin/env bash
# Lints the OpenAPI document (src/api/openapi/openapi.json) with Redocly CLI, an independent
# OpenAPI 3.1 validator, using tools/openapi/redocly.yaml (the recommended ruleset, plus a few
# stricter rules). Installs the pinned CLI from tools/openapi/package-lock.json on first use.
# Exits non-zero when the document has errors. Needs node and npm (scripts/install-deps.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/tools/openapi"
document="${1:-$root/src/api/openapi/openapi.json}"

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "lint-openapi: node and npm are needed; run scripts/install-deps.sh" >&2
  exit 1
fi

redocly="$tools/node_modules/.bin/redocly"
# Installs when node_modules is missing or older than the lock file (a new pin). Held under a
# lock, because npm ci first deletes node_modules and lints may run at once (ctest -j, several
# build directories).
exec 9< "$tools/package-lock.json"
flock 9
if [ ! -x "$redocly" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  # npm ci installs exactly the lock file's versions; its output matters only when it fails.
  if ! log="$(npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error 2>&1)"; then
    echo "$log" >&2
    echo "lint-openapi: npm ci failed in $tools" >&2
    exit 1
  fi
fi
flock -u 9

# Offline: no usage report, no check for a newer CLI (redocly.yaml also says telemetry: off).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$redocly" lint --config "$tools/redocly.yaml" --format=codeframe "$document"
