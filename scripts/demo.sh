#!/usr/bin/env bash
# The main demo, from a fresh clone: installs Node 24 and pnpm from the npm registry, the
# workspace, builds the packages and runs the demo.
source "$(dirname "${BASH_SOURCE[0]}")/node-env.sh"
cd "$ROOT"
ensure_workspace_installed
echo 'Building the packages (about 20 s)...'
pnpm run build >/dev/null
node examples/429-storm/main.ts
