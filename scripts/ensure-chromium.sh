#!/bin/sh
# Makes sure a Chromium for the browser end-to-end test (test/e2e/browser.test.ts) is installed:
# Debian's `chromium` package at /usr/bin/chromium (override with CHROMIUM_PATH).
# Idempotent: does nothing when the binary is already there. Installing needs root (or sudo
# without a password) and apt-get. Exits non-zero, with the reason on stderr, when it cannot.
set -u

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

fail() {
	echo "ensure-chromium: $*" >&2
	exit 1
}

if [ -x "$CHROMIUM" ]; then
	exit 0
fi

if [ "${CHROMIUM_PATH:-}" != "" ] && [ "$CHROMIUM_PATH" != /usr/bin/chromium ]; then
	fail "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file"
fi

command -v apt-get >/dev/null 2>&1 ||
	fail "$CHROMIUM is missing and apt-get is not available: install Chromium yourself and set CHROMIUM_PATH"

if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo -n"
else
	fail "$CHROMIUM is missing and installing it needs root: run \`sudo apt-get install -y chromium\` (or this script as root)"
fi

LOG="$(mktemp "${TMPDIR:-/tmp}/ensure-chromium.XXXXXX")"
echo "ensure-chromium: installing Debian's chromium package with apt-get (log: $LOG)" >&2
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$LOG" 2>&1; then
	tail -n 20 "$LOG" >&2
	fail "apt-get update failed (see $LOG)"
fi
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >>"$LOG" 2>&1; then
	tail -n 20 "$LOG" >&2
	fail "apt-get install chromium failed (see $LOG)"
fi

[ -x "$CHROMIUM" ] || fail "apt-get installed chromium, but $CHROMIUM is still missing"
rm -f "$LOG"
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")" >&2
