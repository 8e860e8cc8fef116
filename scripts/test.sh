#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() { printf '\n=== %s\n' "$*"; }
# Runs a test runner, keeping its output to count what passed.
run() { "$@" 2>&1 | tee -a "$log"; }

step "system packages"; bash scripts/ensure-system-deps.sh
step "prisma generate"; npm run --silent generate
step "typecheck"; npm run --silent typecheck
step "lint"; npm run --silent lint
step "format"; npm run --silent format:check
step "build"; npm run --silent build
step "unit and integration tests"; run npx vitest run
step "end-to-end tests (one node, replica 3 s behind)"; run npx playwright test
step "end-to-end tests on the cluster (nginx, 2 nodes, replica 2 s behind)"; run npx playwright test -c playwright.cluster.config.ts

# Every runner above exited 0 (set -e), so nothing failed; add up what passed.
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s*(Tests\s+)?[0-9]+ passed' | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
printf '\nall tests: %s passed, 0 failed\n' "$passed"
