#!/usr/bin/env bash
# Sourced by the other scripts. This kind of machine ships Node 20, but the packages we
# build on need Node >= 22, so Node 24 (development) and Node 22 (oldest supported) come
# from the npm registry as the `node` package, together with pnpm, into .tools/.
# After sourcing: Node 24 and pnpm are first on PATH; NODE22_BIN names the Node 22 folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24_VERSION="24"
NODE22_VERSION="22"
PNPM_VERSION="12.21.0"

install_tool_dir() {
  local dir="$1"; shift
  if [ ! -x "$dir/node_modules/.bin/node" ]; then
    mkdir -p "$dir"
    echo "setup: installing $* into ${dir#"$ROOT"/}" >&2
    (cd "$dir" && echo '{"private":true}' > package.json &&
      npm install --no-audit --no-fund --loglevel=error "$@" >&2)
  fi
}

install_tool_dir "$TOOLS/node24" "node@$NODE24_VERSION" "pnpm@$PNPM_VERSION"
export PATH="$TOOLS/node24/node_modules/.bin:$PATH"
export NODE22_BIN="$TOOLS/node22/node_modules/.bin"

ensure_node22() {
  install_tool_dir "$TOOLS/node22" "node@$NODE22_VERSION"
}

ensure_workspace_installed() {
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=append-only >&2)
}
