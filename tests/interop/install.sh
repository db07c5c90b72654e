#!/usr/bin/env bash
# Install the independent transparency-log implementations that tests/interop checks
# Parley against, into DIR (outside the work tree, e.g. ~/.cache/parley-interop).
# Idempotent and cached: a part already built from the same sources is left alone.
#
#   bash tests/interop/install.sh DIR
#   PARLEY_INTEROP_BIN=DIR pytest tests/interop
#
# What it builds, only from the registries this project's machines reach:
#   DIR/tlogcheck     Go, from Debian's packages: golang-go (Go 1.19) and
#                     golang-golang-x-mod-dev (golang.org/x/mod 0.7.0, whose sumdb/note
#                     and sumdb/tlog are the Go packages C2SP signed notes descend
#                     from), built offline in GOPATH mode. The Go module proxy is not
#                     reached from these machines, so torchwood's litewitness cannot be
#                     built here.
#   DIR/aics-witness  A C2SP tlog-witness in Python (PyPI aics-witness, with aics-tlog),
#   DIR/aics-tlog     in its own venv: it needs Python >= 3.12, which the machine has
#                     under pyenv (Parley itself runs on 3.11). Skipped, with a
#                     message, when no such Python is found.
#
# Needs root for apt-get (as on the developers' machines and CI). Exits non-zero only
# when something it tried to install failed; the tests skip what is missing.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
DIR="$1"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

AICS_WITNESS_VERSION=0.1.0
AICS_TLOG_VERSION=0.2.1
CRYPTOGRAPHY_VERSION=50.0.2
XMOD=/usr/share/gocode/src/golang.org/x/mod

say() { echo "interop install: $*"; }

apt_install() {
    if [ "$(id -u)" != 0 ]; then
        say "not root: cannot apt-get install $*"
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # A machine's package lists may be missing or stale: update once, then retry.
    apt-get install -y --no-install-recommends "$@" >/dev/null ||
        { apt-get update -qq && apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

# --- Go: tlogcheck over golang.org/x/mod/sumdb/{note,tlog} ------------------------------
go_part() {
    local src="$HERE/go/tlogcheck"
    if ! command -v go >/dev/null 2>&1 || [ ! -f "$XMOD/sumdb/note/note.go" ]; then
        say "installing golang-go and golang-golang-x-mod-dev (Debian)"
        apt_install golang-go golang-golang-x-mod-dev || return 1
    fi
    local stamp
    stamp="$( (cat "$src"/*.go; go version; dpkg-query -W golang-golang-x-mod-dev 2>/dev/null || true) | sha256sum | cut -c1-16)"
    if [ -x "$DIR/tlogcheck" ] && [ "$(cat "$DIR/.tlogcheck.stamp" 2>/dev/null)" = "$stamp" ]; then
        say "tlogcheck is up to date"
        return 0
    fi
    say "building tlogcheck ($(go version | cut -d' ' -f3), x/mod from $XMOD)"
    # GOPATH mode, offline: the imports resolve to Debian's sources, nothing is fetched.
    (cd "$src" &&
        GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= GOPROXY=off CGO_ENABLED=0 \
            GOCACHE="$DIR/.gocache" go build -trimpath -o "$DIR/tlogcheck.tmp" .)
    mv "$DIR/tlogcheck.tmp" "$DIR/tlogcheck"
    echo "$stamp" >"$DIR/.tlogcheck.stamp"
}

# --- Python: aics-witness (and aics-tlog) in a venv of their own --------------------------
find_python312() {
    local p
    for p in python3.13 python3.12 /root/.pyenv/versions/3.13*/bin/python3 \
        /root/.pyenv/versions/3.12*/bin/python3; do
        if command -v "$p" >/dev/null 2>&1 &&
            "$p" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            command -v "$p"
            return 0
        fi
    done
    return 1
}

aics_part() {
    local want="aics-witness==$AICS_WITNESS_VERSION aics-tlog==$AICS_TLOG_VERSION cryptography==$CRYPTOGRAPHY_VERSION"
    if [ -x "$DIR/aics-witness" ] && [ "$(cat "$DIR/.aics.stamp" 2>/dev/null)" = "$want" ]; then
        say "aics-witness is up to date"
        return 0
    fi
    local py
    if ! py="$(find_python312)"; then
        say "no Python >= 3.12 found: skipping aics-witness (its tests will skip)"
        return 0
    fi
    say "installing $want with $py"
    rm -rf "$DIR/aics-venv"
    "$py" -m venv "$DIR/aics-venv"
    "$DIR/aics-venv/bin/pip" install --quiet --disable-pip-version-check $want
    ln -sf "$DIR/aics-venv/bin/aics-witness" "$DIR/aics-witness"
    ln -sf "$DIR/aics-venv/bin/aics-tlog" "$DIR/aics-tlog"
    echo "$want" >"$DIR/.aics.stamp"
}

status=0
go_part || { say "Go part FAILED"; status=1; }
aics_part || { say "aics-witness part FAILED"; status=1; }
ls -l "$DIR" | sed 's/^/interop install: /'
exit $status
