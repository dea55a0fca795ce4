#!/usr/bin/env bash
# Makes sure the services Mailstead needs are installed and answering on this machine:
# MariaDB, Redis and openssl always; with --with-browser (for the tests) also Debian's Chromium
# and the mail clients swaks and mpop.
# Installs missing Debian packages (needs root) and starts a stopped service; a service it
# cannot start is named with the command that starts it, and the script exits non-zero.
set -euo pipefail

say() { printf '\033[1;36m[services]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[services]\033[0m %s\n' "$*" >&2; exit 1; }

with_browser=0
[ "${1:-}" = "--with-browser" ] && with_browser=1

missing=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v mariadb-admin >/dev/null 2>&1 || missing+=(mariadb-client)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ "$with_browser" = 1 ] && { [ -x /usr/bin/chromium ] || missing+=(chromium); }
# CJK fonts, so pages in Chinese render in screenshots and e2e runs instead of boxes.
[ "$with_browser" = 1 ] && { [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk); }
# Real mail clients the engine's tests drive (issue 7): swaks (SMTP) and mpop (POP3).
[ "$with_browser" = 1 ] && { command -v swaks >/dev/null 2>&1 || missing+=(swaks); }
[ "$with_browser" = 1 ] && { command -v mpop >/dev/null 2>&1 || missing+=(mpop); }
# openssl makes the mail listeners' self-signed certificate (scripts/lib.sh).
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing[*]} — run: sudo apt-get install -y ${missing[*]}"
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# `mariadb-admin ping` succeeds even when the login is refused, so "answers" is checked with a
# real query as the app connects: root, empty password, TCP.
mariadb_tcp_login() { mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -u root --connect-timeout=2 -e 'SELECT 1' >/dev/null 2>&1; }
mariadb_running() { mariadb-admin --connect-timeout=2 ping >/dev/null 2>&1; } # any answer, even "access denied"
redis_ping() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

wait_for() { # name, check function, seconds
  local i
  for ((i = 0; i < $3 * 4; i++)); do "$2" && return 0; sleep 0.25; done
  return 1
}

as_root_or_die() { # what, commands a person should run
  [ "$(id -u)" = 0 ] || die "$1 — run as root, or: $2"
}

if ! mariadb_tcp_login; then
  if ! mariadb_running; then
    as_root_or_die "MariaDB is not running at 127.0.0.1:3306" \
      "sudo start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql"
    say "starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    wait_for mariadb mariadb_running 30 || die "MariaDB did not start; see /var/log/mysql/ or run: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql"
  fi
  # A fresh Debian install lets root in only through the Unix socket, and with skip-name-resolve
  # a TCP login from 127.0.0.1 never matches 'root'@'localhost': give the loopback addresses
  # their own root accounts (local development default: empty password, loopback only).
  if ! mariadb_tcp_login; then
    as_root_or_die "MariaDB refuses root over TCP at 127.0.0.1:3306" "sudo bash scripts/services.sh"
    say "allowing root over TCP from the loopback addresses with an empty password (local development default)"
    mariadb -u root -e "
      CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
      CREATE USER IF NOT EXISTS 'root'@'::1' IDENTIFIED BY '';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'::1' WITH GRANT OPTION;
      ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;
      FLUSH PRIVILEGES;"
  fi
  wait_for mariadb mariadb_tcp_login 10 || die "MariaDB is running but root cannot log in over TCP at 127.0.0.1:3306"
fi
say "MariaDB answers on 127.0.0.1:3306"

if ! redis_ping; then
  command -v redis-server >/dev/null || die "Redis is not installed — run: sudo apt-get install -y redis-server"
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  wait_for redis redis_ping 15 || die "Redis did not start; run: redis-server --daemonize yes --bind 127.0.0.1 --port 6379"
fi
say "Redis answers on 127.0.0.1:6379"

# The filters (issue 8), with the project's own configuration: SpamAssassin's spamd (rspamd asks
# it on every scan, so it comes first), rspamd (after Redis: its Bayes lives there) and clamd
# with the project's signatures. Each script installs, starts and waits.
bash "$(dirname "${BASH_SOURCE[0]}")/services/spamd.sh"
bash "$(dirname "${BASH_SOURCE[0]}")/services/rspamd.sh"
bash "$(dirname "${BASH_SOURCE[0]}")/services/clamav.sh"
