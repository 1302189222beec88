#!/usr/bin/env bash
# Lints the OpenAPI document (src/api/openapi/openapi.json) with Redocly CLI, an independent
# OpenAPI 3.1 validator, using tools/openapi/redocly.yaml (the recommended ruleset, plus a few
# stricter rules). Installs the pinned CLI from tools/openapi/package-lock.json on first use.
# Exits non-zero when the document has errors, 77 (CTest: skipped) when the npm registry cannot
# be reached to install the validator. Needs node and npm (scripts/install-deps.sh).
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
    # The registry could not be reached or its certificate not verified (a machine without
    # network, or behind a proxy whose CA it does not trust): the validator cannot be
    # installed here, which says nothing about the document. Exit 77, which CTest reports as
    # skipped. Any other failure (a broken lock file, say) is a failure.
    if grep -Eq 'code (ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|ERR_SOCKET_TIMEOUT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED)' <<< "$log"; then
      echo "lint-openapi: SKIPPED: the npm registry is not reachable from here, so the validator cannot be installed" >&2
      exit 77
    fi
    echo "lint-openapi: npm ci failed in $tools" >&2
    exit 1
  fi
fi
flock -u 9

# Offline: no usage report, no check for a newer CLI (redocly.yaml also says telemetry: off).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$redocly" lint --config "$tools/redocly.yaml" --format=codeframe "$document"
