#!/usr/bin/env bash
# Install whatever the build and tests need and is not there yet.
#
#   scripts/ensure-tools.sh            # everything
#   scripts/ensure-tools.sh rust       # wasm32 target, wasm-pack, wasm-bindgen-cli
#   scripts/ensure-tools.sh browser    # Debian chromium + chromium-driver, poppler-utils (pdfinfo, pdftotext)
#   scripts/ensure-tools.sh node       # npm dev dependencies (playwright-core, axe-core, binaryen, terser, ...)
#
# Idempotent and quiet: prints one line per thing it installs and nothing when
# all is present. On failure it prints the installer's log and exits non-zero.
# Everything comes from the registries this machine reaches (crates.io, Debian,
# npm); nothing downloads a prebuilt browser or binary of its own.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) export PATH="$CARGO_BIN:$PATH" ;; esac

# wasm-pack version known to work here; override with WASM_PACK_VERSION=x.y.z.
WASM_PACK_VERSION="${WASM_PACK_VERSION:-0.15.1}"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

say() { echo "ensure-tools: $*"; }

# run_quiet DESCRIPTION CMD...: run CMD with its output in $log; show it on failure.
run_quiet() {
  local what="$1"; shift
  if ! "$@" >"$log" 2>&1; then
    say "FAILED: $what ($*)" >&2
    cat "$log" >&2
    exit 1
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version pinned in Cargo.lock: the CLI must match it exactly.
lock_wasm_bindgen_version() {
  if [ ! -f Cargo.lock ]; then
    run_quiet "generate Cargo.lock" cargo generate-lockfile
  fi
  awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/version = |"/, ""); print; exit }
  ' Cargo.lock
}

ensure_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing rust target wasm32-unknown-unknown"
    run_quiet "rustup target add" rustup target add wasm32-unknown-unknown
  fi

  if ! command -v wasm-pack >/dev/null 2>&1; then
    say "installing wasm-pack $WASM_PACK_VERSION (cargo install, a few minutes)"
    if ! cargo install wasm-pack --version "=$WASM_PACK_VERSION" --locked >"$log" 2>&1; then
      run_quiet "cargo install wasm-pack" cargo install wasm-pack --version "=$WASM_PACK_VERSION"
    fi
  fi

  local want have
  want="$(lock_wasm_bindgen_version)"
  if [ -z "$want" ]; then
    say "FAILED: no wasm-bindgen package in Cargo.lock" >&2
    exit 1
  fi
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want${have:+ (replacing $have)} (cargo install, a few minutes)"
    if ! cargo install wasm-bindgen-cli --version "=$want" --locked --force >"$log" 2>&1; then
      run_quiet "cargo install wasm-bindgen-cli" cargo install wasm-bindgen-cli --version "=$want" --force
    fi
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
    if [ "$have" != "$want" ]; then
      say "FAILED: wasm-bindgen on PATH is '$have', Cargo.lock wants '$want' ($(command -v wasm-bindgen || echo none))" >&2
      exit 1
    fi
  fi
}

ensure_browser() {
  # poppler-utils: pdfinfo, pdftotext and pdftoppm read back the printed report
  # (tests/browser/publishing-print.test.mjs).
  local want=()
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    want+=(chromium chromium-driver)
  fi
  if [ ! -x /usr/bin/pdfinfo ] || [ ! -x /usr/bin/pdftotext ] || [ ! -x /usr/bin/pdftoppm ]; then
    want+=(poppler-utils)
  fi
  if [ "${#want[@]}" -eq 0 ]; then
    return
  fi
  say "installing ${want[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when apt does not know the packages yet.
  local p
  for p in "${want[@]}"; do
    if ! apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
      run_quiet "apt-get update" as_root apt-get update -q
      break
    fi
  done
  run_quiet "apt-get install ${want[*]}" \
    as_root apt-get install -y -q --no-install-recommends "${want[@]}"
}

ensure_node() {
  # node_modules is current when it was installed from these very package.json and
  # package-lock.json: their hash is written beside it after each install. A checkout that
  # only gives them new dates (a fresh clone, a git worktree whose node_modules is a link to
  # another's) does not reinstall, and a changed lock file always does.
  local stamp=node_modules/.installed-from want
  want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
     && [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] \
     && [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/terser/package.json ]; then
    return
  fi
  if [ -f package-lock.json ]; then
    say "installing npm dev dependencies (npm ci)"
    run_quiet "npm ci" npm ci --no-audit --no-fund
  else
    say "installing npm dev dependencies (npm install: no package-lock.json)"
    run_quiet "npm install" npm install --no-audit --no-fund
  fi
  echo "$want" > "$stamp"
}

if [ "$#" -eq 0 ]; then set -- rust browser node; fi
for what in "$@"; do
  case "$what" in
    rust) ensure_rust ;;
    browser) ensure_browser ;;
    node) ensure_node ;;
    all) ensure_rust; ensure_browser; ensure_node ;;
    *) echo "usage: $0 [rust|browser|node|all]..." >&2; exit 2 ;;
  esac
done
