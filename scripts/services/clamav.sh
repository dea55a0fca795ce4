#!/usr/bin/env bash
# Makes sure clamd (Debian's clamav-daemon) answers on 127.0.0.1:3310 with the project's
# configuration (config/clamav/clamd.conf) and signatures (config/clamav/db, docs/clamav.md).
# Idempotent: installs the packages when missing, starts clamd when PING gets no PONG, and
# waits for it to load its databases. Run from anywhere: bash scripts/services/clamav.sh
# Data (rendered config, database copy, pid, log, temporary files): ./data/clamav/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

say() { printf '\033[1;36m[services]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[services]\033[0m %s\n' "$*" >&2; exit 1; }

host=127.0.0.1
port=3310
data="$PWD/data/clamav"
log="$data/clamd.log"

# PING over TCP with bash's /dev/tcp: no client package needed, and a 2-second limit.
clamd_ping() {
  local reply
  reply=$(timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port && printf 'zPING\0' >&3 && tr -d '\0' <&3" 2>/dev/null) || return 1
  [ "$reply" = "PONG" ]
}

wait_for_ping() { # seconds
  local i
  for ((i = 0; i < $1 * 4; i++)); do clamd_ping && return 0; sleep 0.25; done
  return 1
}

# The limit the engine accepts (SMTP_MAX_MESSAGE_MB, default 100, as in server/shared/env.ts),
# read as env.ts does (the environment, then .env.local, then .env), so clamd's stream limit
# is never below it.
max_message_mb() {
  local mb="${SMTP_MAX_MESSAGE_MB:-}" file
  for file in .env.local .env; do
    [ -z "$mb" ] && [ -f "$file" ] && mb=$(sed -n 's/^SMTP_MAX_MESSAGE_MB=["'\'']\{0,1\}\([0-9]*\).*/\1/p' "$file" | tail -n 1)
  done
  [[ "$mb" =~ ^[0-9]+$ ]] || mb=100
  echo "$mb"
}

# The project's signatures are copied, not pointed at: in production freshclam writes the
# official databases into this directory, and they must not land in the repository.
# Prints "changed" when a file was added, updated or removed.
sync_signatures() {
  local f changed=0
  mkdir -p "$data/db"
  for f in config/clamav/db/mailstead-*; do
    cmp -s "$f" "$data/db/${f##*/}" || { cp "$f" "$data/db/"; changed=1; }
  done
  for f in "$data"/db/mailstead-*; do
    [ -e "$f" ] && [ ! -e "config/clamav/db/${f##*/}" ] && { rm -f "$f"; changed=1; }
  done
  # A reload that failed last time is tried again (and reported again) until it succeeds.
  [ -e "$data/reload.failed" ] && changed=1
  [ "$changed" = 1 ] && echo changed || true
}

our_clamd_pid() { # the pid of the clamd this script started, if it still runs
  local pid
  pid=$(cat "$data/clamd.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "clamd" ] && echo "$pid"
}

# clamd.conf with this machine's paths and limits, on stdout.
render_clamd_conf() {
  local stream_max=$(($(max_message_mb) + 5)) # room for the headers the engine adds before scanning
  sed -e "s|@DATA@|$data|g" -e "s|@STREAM_MAX@|$stream_max|g" -e "s|@SCAN_MAX@|$((stream_max * 4))|g" config/clamav/clamd.conf
}

# Asks the running clamd to load changed signature files, and checks in its log that it did.
reload_signatures() {
  local before i
  say "clamd reloads the project's signatures"
  before=$(wc -l < "$log" 2>/dev/null || echo 0)
  timeout 5 bash -c "exec 3<>/dev/tcp/$host/$port && printf 'zRELOAD\0' >&3 && cat <&3 >/dev/null" 2>/dev/null || true
  # The reload runs in a thread of clamd; a database that does not load leaves the previous
  # one active, which only the log tells.
  for ((i = 0; i < 240; i++)); do
    tail -n +"$((before + 1))" "$log" 2>/dev/null | grep -q "Database correctly reloaded" && { rm -f "$data/reload.failed"; break; }
    if tail -n +"$((before + 1))" "$log" 2>/dev/null | grep -q "Database reload failed"; then
      touch "$data/reload.failed"
      die "clamd could not load the new signatures and keeps the previous ones; see $log"
    fi
    sleep 0.25
  done
  wait_for_ping 60 || die "clamd does not answer PING on $host:$port after RELOAD; see $log"
}

if clamd_ping; then
  pid=$(our_clamd_pid) || pid=""
  if [ -n "$pid" ] && ! render_clamd_conf | cmp -s - "$data/clamd.conf"; then
    # config/clamav/clamd.conf (or SMTP_MAX_MESSAGE_MB) changed since clamd started: clamd
    # reads its configuration only at start.
    say "clamd's configuration changed; restarting clamd (pid $pid)"
    kill "$pid"
    for ((i = 0; i < 120; i++)); do [ -d "/proc/$pid" ] || break; sleep 0.25; done
    [ -d "/proc/$pid" ] && die "clamd (pid $pid) did not stop within 30 s; see $log"
  else
    [ -z "$pid" ] && say "clamd on $host:$port was not started by this script; leaving its configuration alone"
    # Signatures changed in the repository since clamd started: load them now rather than at
    # the next SelfCheck (up to 10 minutes).
    [ -d "$data" ] && [ "$(sync_signatures)" = changed ] && reload_signatures
    say "clamd answers on $host:$port"
    exit 0
  fi
fi

missing=()
[ -x /usr/sbin/clamd ] || missing+=(clamav-daemon)
# The "viruses" the tests and the SLA probe scan (docs/clamav.md).
[ -d /usr/share/clamav-testfiles ] || missing+=(clamav-testfiles)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing[*]} — run: sudo apt-get install -y --no-install-recommends ${missing[*]}"
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A clamd of ours that is still loading (started a moment ago by another run) is waited for,
# not started twice: the second one would fail to bind the port.
if pid=$(our_clamd_pid); then
  say "clamd (pid $pid) is running; waiting for it to answer"
  wait_for_ping 60 || die "clamd (pid $pid) does not answer PING on $host:$port; see $log"
  say "clamd answers on $host:$port"
  exit 0
fi

mkdir -p "$data/tmp"
sync_signatures >/dev/null
rm -f "$data/reload.failed" # a fresh start loads every file or does not start
render_clamd_conf > "$data/clamd.conf"
# For production only (official databases; needs the internet): docs/clamav.md.
sed -e "s|@DATA@|$data|g" -e "s|@OWNER@|$(id -un)|g" config/clamav/freshclam.conf > "$data/freshclam.conf"

say "starting clamd (config $data/clamd.conf, log $log)"
# The rendered config names no User: clamd keeps the caller's identity (root or not) and can
# write its pid, log and temporary files into ./data/clamav. It daemonizes once its databases
# are loaded and the port is bound, so the wait below is short; with the official databases
# (production, freshclam) loading takes 10-30 s and about 1 GB of memory.
/usr/sbin/clamd --config-file="$data/clamd.conf" >>"$log" 2>&1 || die "clamd did not start; see $log"
wait_for_ping 60 || die "clamd started but does not answer PING on $host:$port within 60 s; see $log"
say "clamd answers on $host:$port"
