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

/**
 * CI shows only the tail of the log, so the closing lines name what failed: vitest files that
 * failed as a whole (a hook, an import, an unhandled error) and failed tests, with the first
 * line of each message.
 */
function vitestFailures(): string[] {
  if (!existsSync("test-results/vitest.json")) return [];
  const r = JSON.parse(readFileSync("test-results/vitest.json", "utf8")) as {
    testResults?: { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] }[];
  };
  const firstLine = (text: string | undefined) => (text ?? "").trim().split("\n")[0]!.slice(0, 300);
  const lines: string[] = [];
  for (const file of r.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    if (file.status === "failed" && failedTests.length === 0) lines.push(`  file ${file.name}: ${firstLine(file.message)}`);
    for (const t of failedTests) lines.push(`  ${file.name} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  }
  return lines;
}

/** The runner's own error report (unhandled errors, a crashed worker), which no JSON report holds. */
function vitestRunnerErrors(): string[] {
  if (!existsSync("test-results/vitest.log")) return [];
  const lines = readFileSync("test-results/vitest.log", "utf8").replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  const start = lines.findIndex((l) => /Unhandled (Error|Rejection)s?|⎯ Failed Suites|Error: \[vitest/.test(l));
  return start < 0 ? [] : lines.slice(start, start + 40).map((l) => `  ${l}`);
}

const failedStages = process.argv.slice(2);
const v = vitest();
const p = playwright();
console.log(`vitest: ${v.passed} passed, ${v.failed} failed, ${v.skipped} skipped`);
console.log(`playwright: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
if (failedStages.length) console.log(`failed stages: ${failedStages.join(", ")}`);
const vitestProblems = vitestFailures();
if (vitestProblems.length) console.log(`vitest failures:\n${vitestProblems.slice(0, 30).join("\n")}`);
if (failedStages.includes("vitest")) {
  const runnerErrors = vitestRunnerErrors();
  if (runnerErrors.length) console.log(`vitest's own report:\n${runnerErrors.join("\n")}`);
}
// A failed stage counts at least once even without a failed test: typecheck, lint, build, or
// a runner that crashed (unhandled error, server that never came up) before counting anything.
const stageFailures = failedStages.filter(
  (s) => (s !== "vitest" || v.failed === 0) && (s !== "playwright" || p.failed === 0),
).length;
const failed = v.failed + p.failed + stageFailures;
console.log(`${v.passed + p.passed} passed, ${failed} failed, ${v.skipped + p.skipped} skipped`);
