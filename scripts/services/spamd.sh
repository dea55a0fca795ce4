#!/usr/bin/env bash
# Makes sure SpamAssassin's spamd (Debian packages spamassassin + spamd, 4.0) answers on
# 127.0.0.1:11783 with the project's configuration (config/spamassassin/local.cf). rspamd asks
# it for a second opinion on every message (config/rspamd/local.d/external_services.conf), so
# this runs before rspamd. Idempotent: installs the packages when missing (needs root), starts
# spamd when it does not answer, restarts it when config/spamassassin changed, and exits
# non-zero naming the log file when it cannot get it to answer.
# State under ./data/spamassassin/ (the site configuration spamd reads, the log, the pid file),
# owned by debian-spamd, the user Debian's package creates for spamd. Bayes lives in that user's
# home, /var/lib/spamassassin/mailstead/ (SPAMASSASSIN_BAYES_DIR in scripts/spam/spamassassin-bayes.ts):
# one Bayes for the machine whichever checkout started spamd, as rspamd's lives in Redis.
set -euo pipefail

say() { printf '\033[1;36m[services]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[services]\033[0m %s\n' "$*" >&2; exit 1; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="$repo/data/spamassassin"
site="$state/site"
log="$state/spamd.log"
pidfile="$state/spamd.pid"
bayes=/var/lib/spamassassin/mailstead
port=11783

# spamd answers PING with "SPAMD/1.5 0 PONG".
answers() { printf 'PING SPAMC/1.5\r\n\r\n' | timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port; cat >&3; cat <&3" 2>/dev/null | grep -q PONG; }
ours() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null && grep -q spamd "/proc/$(cat "$pidfile" 2>/dev/null)/cmdline" 2>/dev/null; }
confsum() { cat "$repo/config/spamassassin/"* /etc/spamassassin/*.pre 2>/dev/null | sha256sum | cut -d' ' -f1; }
sumfile="$state/config.sha256"

# shellcheck source=scripts/services/restart-on-change.sh
source "$(dirname "${BASH_SOURCE[0]}")/restart-on-change.sh"
keep_or_stop spamd "$(confsum)" "127.0.0.1:$port"

# sa-compile compiles the body rules to native code when it is installed (its package runs it;
# Debian's daily cron runs it again after sa-update); local.cf loads the result (Rule2XSBody).
if ! command -v spamd >/dev/null 2>&1 || ! command -v sa-learn >/dev/null 2>&1 || ! command -v sa-compile >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "SpamAssassin is not installed — run: sudo apt-get install -y --no-install-recommends spamassassin spamd sa-compile"
  say "installing Debian packages: spamassassin spamd sa-compile"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends spamassassin spamd sa-compile >/dev/null
fi
[ "$(id -u)" = 0 ] || die "spamd is not answering on 127.0.0.1:$port — run as root: sudo bash scripts/services/spamd.sh"
id debian-spamd >/dev/null 2>&1 || die "the user debian-spamd (created by Debian's spamd package) is missing"

# The site configuration: Debian's plugin list (*.pre: without it no rule plugin loads), the
# project's local.cf, and where Bayes lives (an absolute path, so it is written here).
mkdir -p "$site" "$bayes"
rm -f "$site"/*
cp /etc/spamassassin/*.pre "$site/"
cp "$repo/config/spamassassin/local.cf" "$site/local.cf"
printf '# written by scripts/services/spamd.sh\nbayes_path %s/bayes\n' "$bayes" >"$site/zz-bayes-path.cf"
chown -R debian-spamd:debian-spamd "$state" "$bayes"

if ours; then
  say "spamd (pid $(cat "$pidfile")) is running but not answering yet; waiting"
else
  say "starting spamd"
  # 3 children: SpamAssassin is CPU-bound Perl, and these machines have 2 cores. --allow-tell
  # lets the platform teach Bayes through spamd (users' "spam" / "not spam"); spamd listens on
  # loopback and takes connections from it only.
  if ! spamd --siteconfigpath "$site" --nouser-config --allow-tell \
    --listen 127.0.0.1:$port --allowed-ips 127.0.0.1 \
    --max-children 3 --min-children 1 --min-spare 1 --max-spare 2 \
    --username debian-spamd --groupname debian-spamd --helper-home-dir "$state" \
    --syslog "$log" --pidfile "$pidfile" --daemonize >>"$state/start.log" 2>&1; then
    die "spamd refused to start; see $state/start.log and $log"
  fi
fi

for ((i = 0; i < 240; i++)); do
  if answers; then
    confsum >"$sumfile"
    say "spamd answers on 127.0.0.1:$port"
    exit 0
  fi
  sleep 0.25
done
die "spamd did not answer on 127.0.0.1:$port within 60 s; see $log"
