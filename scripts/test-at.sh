#!/usr/bin/env bash
# Runs a command with the clock at another date: the simulator's data, Charges' default month
# (days 1-7: the last closed month), the ledger's ranges and the tests' own date arithmetic all
# follow the clock, and tests that hold only on some days have failed CI twice. libfaketime sets
# the clock of this command and every process it starts (the simulator, the server, Chromium);
# Postgres and Redis keep the real one. The clock starts at DATE (UTC; the command runs with
# TZ=UTC) and runs on.
#   bash scripts/test-at.sh "2027-03-01 00:20:00" npm run test:e2e
#   bash scripts/test-at.sh "2027-01-08 00:10:00" npx playwright test e2e/charges.spec.ts
# Needs Debian's faketime package (apt-get install faketime).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo 'usage: bash scripts/test-at.sh "YYYY-MM-DD HH:MM:SS" <command> [args...]' >&2
  exit 2
fi
at="$1"
shift
if ! [[ "$at" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}\ [0-9]{2}:[0-9]{2}:[0-9]{2}$ ]]; then
  echo "test-at: the date must look like \"2027-03-01 00:20:00\" (UTC), not \"$at\"" >&2
  exit 2
fi
lib=""
for candidate in /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
  if [ -f "$candidate" ]; then
    lib="$candidate"
    break
  fi
done
if [ -z "$lib" ]; then
  echo "test-at: libfaketime is not installed (apt-get install faketime)" >&2
  exit 2
fi
export TZ=UTC FAKETIME="@$at" LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
exec "$@"
