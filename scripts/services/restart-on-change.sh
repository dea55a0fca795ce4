# Sourced by the service scripts whose daemon runs with the project's configuration (rspamd.sh,
# spamd.sh): a daemon that answers is kept, unless it is ours and was started with another
# configuration, then it is stopped so the caller starts it again (a reload does not start new
# workers or re-read everything). The caller defines answers, ours, say and die, and sets
# pidfile and sumfile (where the configuration's checksum was written when the daemon started).
# keep_or_stop <name> <checksum now> <what "answers" means, for the message>
keep_or_stop() {
  local name="$1" confsum="$2" where="$3"
  answers || return 0
  if ! ours || [ "$(cat "$sumfile" 2>/dev/null)" = "$confsum" ]; then
    say "$name answers on $where"
    exit 0
  fi
  say "its configuration changed since $name started: restarting it"
  kill "$(cat "$pidfile")"
  for ((i = 0; i < 80; i++)); do ours || break; sleep 0.25; done
  ! ours || die "$name (pid $(cat "$pidfile" 2>/dev/null)) did not stop within 20 s"
}
