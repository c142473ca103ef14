#!/usr/bin/env bash
# Installs what the end-to-end tests need (see ../shared/docs/e2e.md), skipping what is there:
#   1. Debian's chromium (driven by playwright-core) and libkrb5-dev (gssapi headers for a
#      native module of code-server);
#   2. e2e/node24: Node 24 from the npm package `node` (code-server refuses Node 20 and 22);
#   3. e2e/server: code-server, installed by npm running on that Node 24 and compiling its
#      native modules against Node 24's headers.
# Only the npm registry and Debian are used. Safe to run again: each step leaves a stamp
# (a hash of its inputs) in its node_modules and is skipped while the stamp matches.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
case "$(uname -m)" in
  aarch64 | arm64) ARCH=arm64 ;;
  *) ARCH=x64 ;;
esac
N24=$ROOT/e2e/node24/node_modules/node/node_modules/node-linux-$ARCH

# Run through `npm run e2e:setup`, this script inherits the outer npm's environment (Node 20):
# npm_config_user_agent ("npm/10 node/v20…"), npm_config_node_gyp, npm_node_execpath and the
# rest. The inner installs must not see them: code-server's install script reads the Node
# version from npm_config_user_agent and refuses anything but Node 24, and node-gyp would
# build with the outer npm's settings. `bash scripts/e2e-setup.sh` and `npm run e2e:setup`
# then install the same way.
while IFS= read -r name; do
  unset "$name"
done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')

log() { printf '== e2e-setup: %s\n' "$*"; }
now() { date +%s; }
START=$(now)

# --- 1. Debian packages -----------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt run rather than failing on its lock.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
else
  log "chromium and libkrb5-dev are installed"
fi

# --- 2 and 3. the npm folders ---------------------------------------------------------------
# stamp_of DIR EXTRA: a hash of the folder's package.json, its lockfile and EXTRA.
stamp_of() {
  { cat "$1/package.json"; [ ! -f "$1/package-lock.json" ] || cat "$1/package-lock.json"; echo "$2"; } |
    sha256sum | cut -d' ' -f1
}

# npm_folder DIR EXTRA [npm args...]: installs DIR's dependencies unless its stamp matches.
npm_folder() {
  local dir=$1 extra=$2
  shift 2
  local stamp_file=$dir/node_modules/.reglab-e2e-stamp want
  want=$(stamp_of "$dir" "$extra")
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want" ]; then
    log "${dir#"$ROOT"/} is installed"
    return
  fi
  log "installing ${dir#"$ROOT"/}"
  local t0
  t0=$(now)
  rm -rf "$dir/node_modules" # a half-finished install is not worth repairing
  local verb=install
  [ ! -f "$dir/package-lock.json" ] || verb=ci
  (cd "$dir" && npm "$verb" --no-audit --no-fund "$@")
  # The first install writes the lockfile, which is part of the stamp: hash again.
  stamp_of "$dir" "$extra" >"$stamp_file"
  log "${dir#"$ROOT"/} installed in $(($(now) - t0)) s"
}

npm_folder "$ROOT/e2e/node24" ""
[ -x "$N24/bin/node" ] || { echo "e2e-setup: $N24/bin/node is missing after the install" >&2; exit 1; }
NODE24_VERSION=$("$N24/bin/node" --version)
log "node for code-server: $NODE24_VERSION"

# npm runs on Node 24 (first on PATH) and node-gyp builds against its headers, not the
# machine's nodedir=/usr (Node 20). The server's stamp includes the Node version, so a new
# Node 24 rebuilds the native modules.
(
  export PATH=$N24/bin:$PATH npm_config_nodedir=$N24
  npm_folder "$ROOT/e2e/server" "$NODE24_VERSION" --foreground-scripts
)
ENTRY=$ROOT/e2e/server/node_modules/code-server/out/node/entry.js
[ -f "$ENTRY" ] || { echo "e2e-setup: $ENTRY is missing after the install" >&2; exit 1; }

log "ready in $(($(now) - START)) s"
