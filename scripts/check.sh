#!/usr/bin/env bash
# Every check and test, from a fresh clone: installs Node 24, Node 22 and pnpm from the npm
# registry, the workspace, then lints, type-checks, builds, tests under both Node majors,
# checks the packages, runs the examples and the runtime matrix (Bun, Deno, edge-runtime). Ends with one line: "N passed, N failed".
source "$(dirname "${BASH_SOURCE[0]}")/node-env.sh"
cd "$ROOT"
set +e

failed_steps=()
step() {
  local name="$1"; shift
  echo "::: $name"
  if ! "$@"; then
    echo "::: $name FAILED"
    failed_steps+=("$name")
  fi
}

ensure_node22
bash scripts/install-services.sh || failed_steps+=("services")
step install ensure_workspace_installed
if [ "${#failed_steps[@]}" -gt 0 ]; then
  echo "setup failed: ${failed_steps[*]}"
  echo "0 passed, 1 failed"
  exit 1
fi

rm -rf .reports && mkdir -p .reports
step lint pnpm exec biome check .
step typecheck pnpm exec tsc -p tsconfig.json --noEmit
step build pnpm run build
step "test (Node 24)" pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.reports/tests-node24.json
step "test (Node 22)" env PATH="$NODE22_BIN:$PATH" node node_modules/vitest/vitest.mjs run \
  --reporter=dot --reporter=json --outputFile.json=.reports/tests-node22.json
step "package checks" pnpm run check:packages
step "size budgets" pnpm run size
step knip pnpm run knip
step layers pnpm run check:layers
step examples bash scripts/run-examples.sh
step runtimes node runtimes/run-matrix.ts
step snippets pnpm run check:snippets
step docs bash scripts/check-docs.sh
step "bench smoke" pnpm --dir bench run smoke

summary=$(node scripts/summarize-tests.mjs .reports/tests-node24.json .reports/tests-node22.json \
  .reports/runtimes.json)
summary_status=$?
if [ "${#failed_steps[@]}" -gt 0 ]; then
  echo "failed steps: ${failed_steps[*]}"
fi
echo "$summary"
[ "${#failed_steps[@]}" -eq 0 ] && [ "$summary_status" -eq 0 ]
