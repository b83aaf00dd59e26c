#!/usr/bin/env bash
# Ingest (with linkage) of one generated city into SQLite and into PostgreSQL, alternating, three times each,
# printing wall seconds and the load average as each run ends. Used for docs/postgresql.md.
#   EARLYHELP   the earlyhelp program (default: the Release build of src/EarlyHelp.Analytics.Cli)
#   PGSERVER    a connection string for a role with CREATEDB (default: the test server of docs/postgresql.md)
#   PEOPLE      people in the city (default 20000)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
E=${EARLYHELP:-$root/src/EarlyHelp.Analytics.Cli/bin/Release/net10.0/earlyhelp}
server=${PGSERVER:-"Host=127.0.0.1;Username=earlyhelp;Password=earlyhelp;Database=earlyhelp_test"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$E" generate --people "${PEOPLE:-20000}" --seed 1 --out city > /dev/null
for i in 1 2 3; do
  s=$(date +%s.%N); "$E" ingest --hub sqlite$i.db city > /dev/null; e=$(date +%s.%N)
  echo "sqlite $i $(echo "$e - $s" | bc) s, load $(cut -d' ' -f1 /proc/loadavg)"
  database="ingest_bench_$i"
  psql "$(echo "$server" | sed 's/;/ /g; s/Username=/user=/I; s/Database=/dbname=/I; s/Host=/host=/I; s/Password=/password=/I')" -q \
    -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database LOCALE 'C' TEMPLATE template0"
  s=$(date +%s.%N); "$E" ingest --hub "$server;Database=$database" --audit-key pg$i.auditkey city > /dev/null; e=$(date +%s.%N)
  echo "postgresql $i $(echo "$e - $s" | bc) s, load $(cut -d' ' -f1 /proc/loadavg)"
done
