#!/usr/bin/env bash
# `npm test`: the same bootstrap as `npm start` (plus Debian's Chromium), then typecheck, lint,
# vitest (unit + integration on real MariaDB and Redis) and Playwright against a production
# build. Every stage runs even when an earlier one failed, so one run shows every problem;
# the exit code is non-zero when any failed. Pass vitest file filters after `--`: they run
# only vitest (e.g. `npm test -- server/audit`).
source "$(dirname "$0")/lib.sh"
bootstrap --with-browser
mkdir -p test-results
# A report left by an earlier run must never be counted as this run's.
rm -f test-results/vitest.json test-results/vitest.log test-results/playwright.json

if [ $# -gt 0 ]; then
  exec npx vitest run "$@"
fi

failed=()
stage() { # name, command...
  local name=$1; shift
  say "── $name"
  local t0=$SECONDS
  if "$@"; then say "$name passed in $((SECONDS - t0)) s"; else say "$name FAILED"; failed+=("$name"); fi
}

stage typecheck npx tsc --noEmit
stage lint npx eslint --max-warnings=0 .
# The log is kept so the summary can quote an unhandled error, which the JSON report leaves out.
vitest_logged() ( set -o pipefail; npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json 2>&1 | tee test-results/vitest.log )
stage vitest vitest_logged
stage build npx next build
if [[ " ${failed[*]} " == *" build "* ]]; then
  say "skipping Playwright: the build failed"
  failed+=(playwright)
else
  stage playwright npx playwright test
fi

npx tsx scripts/test-summary.ts "${failed[@]}"
[ ${#failed[@]} -eq 0 ]
