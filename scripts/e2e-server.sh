#!/usr/bin/env bash
# The product as Playwright sees it: the production build and the workers, on their own
# freshly migrated and seeded database, queue prefix and data folder, on port 3100.
source "$(dirname "$0")/lib.sh"
export DATABASE_URL="mysql://root@127.0.0.1:3306/mailstead_e2e"
export QUEUE_PREFIX=e2e PORT=3100 DATA_DIR=./data/e2e NEXTAUTH_URL=http://127.0.0.1:3100
# Its own DNS sandbox port, so a developer's running `npm start` (5353) does not clash.
export DNS_SANDBOX_PORT=5354
# As if behind one reverse proxy: a spec may send X-Forwarded-For to sign in "from" another network
# (e2e/security/new-ip-warning.spec.ts). Two workers sign in often from one address, so the
# per-address sign-in rate is raised; lockout itself keeps the product's defaults.
export TRUSTED_PROXY_HOPS=1 SIGN_IN_RATE_PER_MINUTE=600
# Background re-verification every few seconds instead of every 10 minutes, so a test can break
# a record and watch the scheduled checks find it (e2e/customer/domains.spec.ts).
export DOMAIN_CHECK_TICK_SECONDS=2 DOMAIN_RECHECK_NEW_SECONDS=3 DOMAIN_RECHECK_SECONDS=3
# The mail engine on ports of its own (a developer's npm start uses 2525, 2587, …), with the
# certificate npm start made; e2e/customer/mail-log.spec.ts sends through its submission port.
export SMTP_MX_PORT=2526 SMTP_SUBMISSION_PORT=2588 SMTP_SUBMISSIONS_PORT=2466 POP3_PORT=2111 POP3S_PORT=2996
export MAIL_TLS_CERT=./data/tls/mail.crt MAIL_TLS_KEY=./data/tls/mail.key SMTP_URL=smtp://127.0.0.1:2526
# The metrics endpoints on (e2e/operator/monitoring.spec.ts scrapes them), on ports of their own.
export METRICS_TOKEN=e2e-metrics-token-0123456789 ENGINE_METRICS_PORT=9475 WORKERS_METRICS_PORT=9476
mariadb -h 127.0.0.1 -u root -e 'DROP DATABASE IF EXISTS mailstead_e2e'
redis-cli -h 127.0.0.1 --scan --pattern 'bull:e2e:*' | xargs -r redis-cli -h 127.0.0.1 del >/dev/null
rm -rf ./data/e2e
npm run --silent migrate
npm run --silent seed
NODE_ENV=production exec node --import tsx scripts/run-all.ts prod
