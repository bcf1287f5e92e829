#!/usr/bin/env bash
# Makes a fresh machine with only Node 20 and npm ready to build, serve and test Consent Ledger:
# pnpm at the pinned version, the workspace's dependencies, and (with --system) Debian's Chromium
# and PostgreSQL server for the browser and PostgreSQL tests. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm=10.34.9
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "setup: installing pnpm $want_pnpm" >&2
  npm install --global --silent "pnpm@$want_pnpm"
fi

if [ "${1:-}" = "--system" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]} with apt" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# better-sqlite3 compiles from source here; node-gyp must find Node's headers without downloading them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
pnpm install --frozen-lockfile --reporter=silent
