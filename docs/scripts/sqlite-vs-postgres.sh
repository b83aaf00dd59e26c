#!/usr/bin/env bash
# The same city into SQLite and into PostgreSQL, alternating, three times each: ingest (with linkage), the training
# table's features (eight quarterly as-of dates), and train. Prints wall seconds per step and the load average as each
# step ends. Used for docs/postgresql.md.
#   EARLYHELP   the earlyhelp program (default: the Release build of src/EarlyHelp.Analytics.Cli)
#   PGSERVER    a connection string for a role with CREATEDB (default: the test server of docs/postgresql.md)
#   PEOPLE      people in the city (default 20000); MONTHS months of history (default 60); AS_OF (default 2025-12-31)
#   RUNS        runs per store (default 3); STEPS the steps to time (default "ingest features train")
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
E=${EARLYHELP:-$root/src/EarlyHelp.Analytics.Cli/bin/Release/net10.0/earlyhelp}
server=${PGSERVER:-"Host=127.0.0.1;Username=earlyhelp;Password=earlyhelp;Database=earlyhelp_test"}
as_of=${AS_OF:-2025-12-31}
steps=${STEPS:-ingest features train}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$E" generate --people "${PEOPLE:-20000}" --months "${MONTHS:-60}" --seed 11 --out city > /dev/null
export PGOPTIONS=--client-min-messages=warning
psql_server="$(echo "$server" | sed 's/;/ /g; s/Username=/user=/I; s/Database=/dbname=/I; s/Host=/host=/I; s/Password=/password=/I')"

# step NAME STORE RUN COMMAND...: runs the command, printing its wall seconds and the load average as it ends.
step() {
  local name=$1 store=$2 run=$3; shift 3
  local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
  echo "$store $run $name $(echo "$e - $s" | bc) s, load $(cut -d' ' -f1 /proc/loadavg)"
}

# steps STORE RUN HUB: ingest, features and train on one hub.
steps() {
  local store=$1 run=$2 hub=$3 key=$work/$1$2.auditkey
  step ingest "$store" "$run" "$E" ingest --hub "$hub" --audit-key "$key" city
  if [[ " $steps " == *" features "* ]]; then
    step features "$store" "$run" "$E" features --hub "$hub" --audit-key "$key" --as-of "$as_of" --snapshots 8 --out "$work/$store$run.csv"
  fi
  if [[ " $steps " == *" train "* ]]; then
    step train "$store" "$run" "$E" train --hub "$hub" --audit-key "$key" --as-of "$as_of" --out "$work/models/$store$run" --resamples 200
  fi
}

for i in $(seq 1 "${RUNS:-3}"); do
  steps sqlite "$i" "$work/sqlite$i.db"
  database="stores_bench_$i"
  psql "$psql_server" -q -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database LOCALE 'C' TEMPLATE template0"
  steps postgresql "$i" "$server;Database=$database"
  psql "$psql_server" -q -c "DROP DATABASE $database"
done
