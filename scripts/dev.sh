#!/usr/bin/env bash
# `npm run dev`: like `npm start` but with hot reload (next dev, tsx watch) and no build.
source "$(dirname "$0")/lib.sh"
bootstrap
say "seeding demo data"
npm run --silent seed
npx tsx scripts/print-welcome.ts
exec node --import tsx scripts/run-all.ts dev
