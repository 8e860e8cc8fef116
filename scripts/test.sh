#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }
step "system packages"; bash scripts/ensure-system-deps.sh
step "prisma generate"; npm run --silent generate
step "typecheck"; npm run --silent typecheck
step "lint"; npm run --silent lint
step "build"; npm run --silent build
step "unit and integration tests"; npx vitest run
step "end-to-end tests"; npx playwright test
step "end-to-end tests on the cluster (nginx, 2 nodes, replica 2 s behind)"; npx playwright test -c playwright.cluster.config.ts
