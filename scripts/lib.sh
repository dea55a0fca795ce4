# Shared steps of `npm start`, `npm run dev` and `npm test`. Each step is idempotent and fast
# when there is nothing to do, so the commands can be run again at any time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1

say() { printf '\033[1;36m[mailstead]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[mailstead]\033[0m %s\n' "$*" >&2; exit 1; }

# Installs Node dependencies when node_modules is missing or older than the lockfile.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing Node dependencies (npm ci)"
    npm ci --no-audit --no-fund --include=dev
  fi
}

# Generates the Prisma client when it is missing or older than the schema.
ensure_prisma_client() {
  if [ ! -f server/generated/prisma/client.ts ] || [ prisma/schema.prisma -nt server/generated/prisma/client.ts ]; then
    say "generating the Prisma client"
    npm run --silent generate >/dev/null
  fi
}

# Secrets generated once and kept in .env.local (never committed): AUTH_SECRET signs sessions,
# DKIM_KEY_SECRET encrypts the domains' DKIM private keys at rest, SLA_PROBE_PASSWORD is the
# SLA probe mailbox's password (server/sla/probes/probe-mailbox.ts).
ensure_env_file() {
  local name
  for name in AUTH_SECRET DKIM_KEY_SECRET SLA_PROBE_PASSWORD; do
    if ! grep -q "^$name=" .env.local 2>/dev/null; then
      say "generating $name into .env.local"
      printf '%s=%s\n' "$name" "$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')" >> .env.local
    fi
  done
}

# Builds the portal unless the last build is newer than every source it depends on.
ensure_build() {
  if [ -f .next/BUILD_ID ] && [ -z "$(find app server prisma/schema.prisma ./*.ts package-lock.json tsconfig.json \
      -newer .next/BUILD_ID -not -path 'server/generated/*' -print -quit 2>/dev/null)" ]; then
    say "build is up to date"
    return
  fi
  say "building the portal (next build)"
  npx next build
}

# The mail listeners' TLS pair (STARTTLS on submission and POP3, implicit TLS on 465/995): a
# self-signed certificate for local use, made once. Production points MAIL_TLS_CERT and
# MAIL_TLS_KEY at real files instead (README, configuration).
ensure_mail_cert() {
  local dir="${1:-./data/tls}"
  [ -f "$dir/mail.crt" ] && [ -f "$dir/mail.key" ] && return
  say "generating a self-signed certificate for the mail listeners ($dir)"
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/mail.key" -out "$dir/mail.crt" 2>/dev/null
  chmod 600 "$dir/mail.key"
}

bootstrap() {
  bash scripts/services.sh "$@"
  ensure_node_modules
  ensure_prisma_client
  ensure_env_file
  ensure_mail_cert
  npx tsx scripts/check-env.ts
  say "applying migrations"
  npm run --silent migrate
  # Redis keeps nothing on disk here, so rspamd's Bayes (Redis db 1) is empty after a restart:
  # train the filter on the corpus's training half when it is (docs/spam.md).
  npm run --silent spam:train -- --if-untrained
}
