#!/usr/bin/env bash
# `make run`: creates the demo database when there is none, then serves Ordo.
set -euo pipefail
ordo=$1
db=$2
listen=$3
if [ ! -f "$db" ]; then
  echo "run: creating the demo database $db"
  "$ordo" --db "$db" migrate
  "$ordo" --db "$db" demo-data
fi
exec "$ordo" --db "$db" serve --listen "$listen"
