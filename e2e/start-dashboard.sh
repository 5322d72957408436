#!/usr/bin/env bash
# Starts the production build for the e2e run: a fresh user database with one owner and one
# finance user (made with the users CLI, as an operator would), then the standalone server on 127.0.0.1
# through scripts/serve.mjs (the client's socket address for the throttle), as `npm start` does.
set -euo pipefail
rm -f "$DATABASE_URL" "$DATABASE_URL-wal" "$DATABASE_URL-shm"
printf '%s' "$E2E_OWNER_PASSWORD" | node_modules/.bin/tsx scripts/users.ts add --email "$E2E_OWNER_EMAIL" --role owner --password-stdin
printf '%s' "$E2E_FINANCE_PASSWORD" | node_modules/.bin/tsx scripts/users.ts add --email "$E2E_FINANCE_EMAIL" --role finance --password-stdin
exec node scripts/serve.mjs "${NEXT_DIST_DIR:-.next}/standalone/server.js" -H 127.0.0.1 -p "$PORT"
