#!/usr/bin/env bash
# `npm start`: installs and starts what is missing, migrates, seeds, builds, then runs the
# portal and the workers in the foreground. Ctrl-C stops everything.
source "$(dirname "$0")/lib.sh"
bootstrap
say "seeding demo data"
npm run --silent seed
ensure_build
npx tsx scripts/print-welcome.ts
NODE_ENV=production exec node --import tsx scripts/run-all.ts prod
