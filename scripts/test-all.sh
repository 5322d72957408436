#!/usr/bin/env bash
# npm test: the whole suite, phase by phase, printing how long each took (and which one failed).
# Postgres and Redis suites run when they answer on 127.0.0.1 (TEST_DATABASE_URL / TEST_REDIS_URL
# otherwise); with CI=true a missing one fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
PHASES_TITLE="npm test"
source scripts/phases.sh
phase "chromium" bash scripts/ensure-chromium.sh
phase "typecheck" npm run --silent typecheck
phase "lint" npm run --silent lint
phase "unit (vitest)" npm run --silent test:unit
phase "production build" node_modules/.bin/tsx scripts/build-for-e2e.ts
phase "e2e (playwright)" npm run --silent test:e2e
phase "e2e two instances" npm run --silent test:e2e:multi
phases_summary "$PHASES_TITLE"
