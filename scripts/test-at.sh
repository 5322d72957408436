#!/usr/bin/env bash
# Runs a command with the clock at another date: the simulator's data, Charges' default month
# (days 1-7: the last closed month), the ledger's ranges and the tests' own date arithmetic all
# follow the clock, and tests that hold only on some days have failed CI twice. Debian's faketime
# wrapper (libfaketime) sets the clock of the command and of every process it starts (the
# simulator, the server, Chromium); Postgres and Redis keep the real one. The clock starts at the
# date given (read as UTC; the command runs with TZ=UTC) and runs on.
#   bash scripts/test-at.sh "2027-03-01 00:20:00" npm run test:e2e
#   bash scripts/test-at.sh "2027-01-08 00:10:00" npx playwright test e2e/charges.spec.ts
set -euo pipefail
if [ $# -lt 2 ]; then
  echo 'usage: bash scripts/test-at.sh "YYYY-MM-DD HH:MM:SS" <command> [args...]' >&2
  exit 2
fi
if ! command -v faketime >/dev/null; then
  echo "test-at: faketime is not installed (apt-get install faketime)" >&2
  exit 2
fi
export TZ=UTC
exec faketime "$@"
