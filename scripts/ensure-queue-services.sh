#!/bin/sh
# Makes sure PostgreSQL and Redis for the queue-mode end-to-end test (test/e2e/queue.test.ts) are
# installed: Debian's `postgresql` and `redis-server` packages. Idempotent: does nothing when
# `initdb`, `pg_ctl`, `postgres` and `redis-server` are found. Installing needs root (or sudo
# without a password) and apt-get. Exits non-zero, with the reason on stderr, when it cannot.
# Prints nothing on stdout: the test finds the binaries itself (PATH, then /usr/lib/postgresql/*/bin).
set -u

fail() {
	echo "ensure-queue-services: $*" >&2
	exit 1
}

pg_bin_dir() {
	for dir in /usr/lib/postgresql/*/bin; do
		[ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && echo "$dir"
	done | sort -V | tail -n 1
}

have_postgres() {
	{ command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; } || [ -n "$(pg_bin_dir)" ]
}

have_redis() {
	command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]
}

PACKAGES=""
have_postgres || PACKAGES="$PACKAGES postgresql"
have_redis || PACKAGES="$PACKAGES redis-server"
[ -z "$PACKAGES" ] && exit 0

command -v apt-get >/dev/null 2>&1 ||
	fail "missing:$PACKAGES, and apt-get is not available: install them yourself (initdb, pg_ctl, postgres and redis-server on PATH)"

if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo -n"
else
	fail "missing:$PACKAGES, and installing needs root: run \`sudo apt-get install -y$PACKAGES\` (or this script as root)"
fi

LOG="$(mktemp "${TMPDIR:-/tmp}/ensure-queue-services.XXXXXX")"
echo "ensure-queue-services: installing Debian's$PACKAGES with apt-get (log: $LOG)" >&2
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$LOG" 2>&1; then
	tail -n 20 "$LOG" >&2
	fail "apt-get update failed (see $LOG)"
fi
# policy-rc.d-free containers may try to start the services: the test starts its own instances.
if ! $SUDO env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends $PACKAGES >>"$LOG" 2>&1; then
	tail -n 20 "$LOG" >&2
	fail "apt-get install$PACKAGES failed (see $LOG)"
fi

have_postgres || fail "apt-get installed postgresql, but initdb/pg_ctl are still missing"
have_redis || fail "apt-get installed redis-server, but redis-server is still missing"
rm -f "$LOG"
echo "ensure-queue-services: installed$PACKAGES" >&2
