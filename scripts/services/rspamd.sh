#!/usr/bin/env bash
# Makes sure rspamd (Debian package, 3.4) answers on 127.0.0.1:11333 (scanner) and
# 127.0.0.1:11334 (controller) with the project's configuration in config/rspamd/.
# Idempotent: installs the package when missing (needs root), starts rspamd when it does not
# answer, and exits non-zero naming the log file when it cannot get it to answer.
# Runtime state lives under ./data/rspamd/ (db, run, log), owned by _rspamd; Bayes lives in
# Redis database 1, so Redis must answer first (scripts/services.sh starts it).
set -euo pipefail

say() { printf '\033[1;36m[services]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[services]\033[0m %s\n' "$*" >&2; exit 1; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
confdir="$repo/config/rspamd"
state="$repo/data/rspamd"
log="$state/log/rspamd.log"
password="${RSPAMD_PASSWORD:-mailstead-local}"

ping_ok() { # port
  # rspamd answers "pong" with CRLF.
  [ "$(curl -s --max-time 2 "http://127.0.0.1:$1/ping" 2>/dev/null | tr -d '\r\n')" = "pong" ]
}
answers() { ping_ok 11333 && ping_ok 11334; }

pidfile="$state/run/rspamd.pid"
ours() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && grep -q rspamd "/proc/$(cat "$pidfile")/comm" 2>/dev/null; }
# The configuration this rspamd was started with: a pull that changes config/rspamd/ (a new
# worker, a module switched on) restarts it, since a reload does not start new workers.
confsum="$(cd "$confdir" && find . -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -d' ' -f1)"
sumfile="$state/run/config.sha256"

# shellcheck source=scripts/services/restart-on-change.sh
source "$(dirname "${BASH_SOURCE[0]}")/restart-on-change.sh"
keep_or_stop rspamd "$confsum" "127.0.0.1:11333 (controller 127.0.0.1:11334)"

if ! command -v rspamd >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "rspamd is not installed — run: sudo apt-get install -y --no-install-recommends rspamd curl"
  say "installing Debian packages: rspamd curl"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rspamd curl >/dev/null
fi
# Debian's package starts nothing without systemd; stop a packaged instance that would hold the
# ports with another configuration only if the operator asks (we never kill what we did not start).

[ "$(id -u)" = 0 ] || die "rspamd is not answering on 127.0.0.1:11333 — run as root: sudo bash scripts/services/rspamd.sh"
[ -f "$confdir/local.d/classifier-bayes.conf" ] || die "missing $confdir/local.d/classifier-bayes.conf (the project's rspamd configuration)"
[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ] || die "Redis does not answer on 127.0.0.1:6379 (rspamd keeps Bayes there) — run: bash scripts/services.sh"

mkdir -p "$state/db" "$state/run" "$state/log"
chown -R _rspamd:_rspamd "$state"

# A pid file left by a crash may name a pid since reused by something else: ours() checks it is rspamd.
if ours; then
  # Ours, started earlier, but not answering yet (still loading) or wedged: give it a moment.
  say "rspamd (pid $(cat "$pidfile")) is running but not answering yet; waiting"
else
  say "starting rspamd"
  # Config variables: the project's local.d, state under data/rspamd, the controller password.
  if ! rspamd -u _rspamd -g _rspamd -c /etc/rspamd/rspamd.conf \
    --var=LOCAL_CONFDIR="$confdir" \
    --var=DBDIR="$state/db" \
    --var=RUNDIR="$state/run" \
    --var=LOGDIR="$state/log" \
    --var=CONTROLLER_PASSWORD="$password" \
    -p "$pidfile" >>"$state/log/start.log" 2>&1; then
    die "rspamd refused to start; see $state/log/start.log and $log (check the configuration with: rspamadm --var=LOCAL_CONFDIR=$confdir --var=CONTROLLER_PASSWORD=x configtest -c /etc/rspamd/rspamd.conf)"
  fi
fi

for ((i = 0; i < 240; i++)); do
  if answers; then
    echo "$confsum" >"$sumfile"
    say "rspamd answers on 127.0.0.1:11333 (controller 127.0.0.1:11334)"
    exit 0
  fi
  sleep 0.25
done
die "rspamd did not answer on 127.0.0.1:11333 and :11334 within 60 s; see $log"
