#!/usr/bin/env bash
# Runs every example against the built packages; each must exit 0.
source "$(dirname "${BASH_SOURCE[0]}")/node-env.sh"
cd "$ROOT"
status=0
for main in examples/*/main.ts; do
  echo "--- $main"
  node "$main" || status=1
done
exit $status
