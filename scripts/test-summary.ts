// Prints one closing line for the whole suite ("N passed, N failed") from the runners' JSON
// reports, so CI can read the total of vitest and Playwright together.
import { readFileSync, existsSync } from "node:fs";

type Counts = { passed: number; failed: number; skipped: number };

function vitest(): Counts {
  if (!existsSync("test-results/vitest.json")) return { passed: 0, failed: 0, skipped: 0 };
  const r = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
}

function playwright(): Counts {
  if (!existsSync("test-results/playwright.json")) return { passed: 0, failed: 0, skipped: 0 };
  const s = JSON.parse(readFileSync("test-results/playwright.json", "utf8")).stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

const failedStages = process.argv.slice(2);
const v = vitest();
const p = playwright();
console.log(`vitest: ${v.passed} passed, ${v.failed} failed, ${v.skipped} skipped`);
console.log(`playwright: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
if (failedStages.length) console.log(`failed stages: ${failedStages.join(", ")}`);
// A failed stage counts at least once even without a failed test: typecheck, lint, build, or
// a runner that crashed (unhandled error, server that never came up) before counting anything.
const stageFailures = failedStages.filter(
  (s) => (s !== "vitest" || v.failed === 0) && (s !== "playwright" || p.failed === 0),
).length;
const failed = v.failed + p.failed + stageFailures;
console.log(`${v.passed + p.passed} passed, ${failed} failed, ${v.skipped + p.skipped} skipped`);
