import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnyProcedure } from "@trpc/server";
import { callPath, createCallers, type Callers } from "./procedure-callers";
import { CALLER_KINDS, TIER_REFUSES, tierOf, type CallerKind } from "./procedure-tiers";
import { appRouter } from "./root";

// The authorisation matrix of the whole API, generated from the router: every procedure × every
// kind of caller. Who is admitted follows from the procedure's tier (procedure-tiers.ts); a new
// procedure is covered without editing this file, and one whose tier cannot be told fails here.
// Admitted callers are called only with an input that its parser refuses, so nothing runs.

/** Procedures open to everyone, each with the reason; any other public procedure fails the suite. */
const PUBLIC: Record<string, string> = {
  "invitations.check": "the invitation link is the credential (looked up by hash)",
  "invitations.accept": "the invitation link is the credential; audits itself",
  "sla.status.get": "the public status page",
  "security.passwordReset.request": "a signed-out person asks for a reset e-mail; rate-limited, answers alike for unknown addresses, audits itself",
  "security.passwordReset.check": "the reset link is the credential (single-use, expiring token)",
  "security.passwordReset.complete": "the reset link is the credential; audits itself",
};

/** Procedures whose own middleware admits fewer callers than their tier, and why. */
const NARROWER: Record<string, { refuses: Partial<Record<CallerKind, string>>; why: string }> = {};
const auditReaders = { refuses: { reseller: "FORBIDDEN", reseller_acting_elsewhere: "FORBIDDEN" }, why: "the operation log is for operators and tenant admins" };
for (const p of ["audit.filterOptions", "audit.requestExport", "audit.exportStatus"]) NARROWER[p] = auditReaders;
const loginLogReaders = { refuses: auditReaders.refuses, why: "the login log is for operators and tenant admins" };
for (const p of ["security.loginLog.list", "security.loginLog.stats", "security.loginLog.requestExport", "security.loginLog.exportStatus"]) NARROWER[p] = loginLogReaders;

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const paths = Object.keys(procedures).sort();
const defOf = (p: AnyProcedure) => (p as unknown as { _def: { type: string; inputs: { safeParse: (v: unknown) => { success: boolean } }[] } })._def;

// An input almost no schema accepts: objects, strings and numbers all refuse NaN.
const INVALID_INPUT = Number.NaN;

let callers: Callers;
beforeAll(async () => {
  callers = await createCallers("Matrix");
});

function expectedFor(path: string, who: CallerKind): string | null {
  const tier = tierOf(procedures[path]!);
  if (!tier) throw new Error(`${path}: its tier cannot be told; build it on one of server/trpc/procedures.ts's tiers`);
  return NARROWER[path]?.refuses[who] ?? TIER_REFUSES[tier][who] ?? null;
}

describe("every procedure has a known tier", () => {
  it("tells the tier of each procedure of the router", () => {
    expect(paths.length).toBeGreaterThan(200);
    expect(paths.filter((p) => tierOf(procedures[p]!) === null)).toEqual([]);
  });

  it("has every public procedure on the explicit list, and every listed one still public", () => {
    const open = paths.filter((p) => tierOf(procedures[p]!) === "public");
    expect(open.filter((p) => !(p in PUBLIC))).toEqual([]);
    expect(Object.keys(PUBLIC).filter((p) => !open.includes(p))).toEqual([]);
    expect(Object.keys(NARROWER).filter((p) => !paths.includes(p))).toEqual([]);
  });
});

describe.each(CALLER_KINDS)("called by %s", (who) => {
  it.each(paths)("%s", async (path) => {
    const expected = expectedFor(path, who);
    const { inputs } = defOf(procedures[path]!);
    if (expected) {
      // Refused at the door: input is never read, so a missing one is fine.
      expect(await callPath(callers, path, who, undefined)).toMatchObject({ code: expected });
      return;
    }
    if (inputs.length === 0) return; // admitted, and there is no input that could stop it running
    expect(inputs.some((schema) => !schema.safeParse(INVALID_INPUT).success), `${path} accepts any input; cannot be called safely`).toBe(true);
    const result = await callPath(callers, path, who, INVALID_INPUT);
    expect(["ok", "UNAUTHORIZED", "FORBIDDEN"]).not.toContain(result.code);
  });
});

// ── Ids: every procedure that takes one is tried with someone else's somewhere ─────────────

const ID_KEY = /(^id|Id|Ids)$/;

/** The top-level keys of a zod input schema (through optional, default, pipe, union…). */
function inputKeys(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  if (!def) return [];
  switch (def.type) {
    case "object":
      return Object.keys(def.shape as object);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return inputKeys(def.innerType);
    case "pipe":
      return inputKeys(def.in);
    case "union":
      return (def.options as unknown[]).flatMap(inputKeys);
    case "intersection":
      return [...inputKeys(def.left), ...inputKeys(def.right)];
    default:
      return [];
  }
}

/**
 * Procedures that existed before the generated matrix and have no test of their own that calls
 * them by path with another tenant's or reseller's id. This list may only shrink: each entry
 * must still exist and still lack such a test, and no procedure added since may join it.
 */
// Most of these are exercised by tests that build a caller on the sub-router itself
// (createCallerFactory(departmentsRouter)), which a text search cannot tie to the path.
const KNOWN_GAPS: string[] = [
  "billing.lifecycle.restore", "billing.lifecycle.suspend", "billing.lifecycle.terminate", "billing.lifecycle.unsuspend", "billing.runs.get",
  "sla.admin.cancelMaintenance", "sla.admin.incidents", "sla.admin.recordIncident", "sla.admin.targets", "sla.admin.updateIncident", "sla.admin.updateTargets",
  "tenants.departments.create", "tenants.departments.delete", "tenants.departments.move", "tenants.departments.rename",
  "tenants.lists.addEntry", "tenants.lists.create", "tenants.lists.delete", "tenants.lists.get", "tenants.lists.removeEntry", "tenants.lists.update",
  "tenants.mailboxes.addAlias", "tenants.mailboxes.aliases", "tenants.mailboxes.create", "tenants.mailboxes.delete", "tenants.mailboxes.removeAlias", "tenants.mailboxes.resetPassword", "tenants.mailboxes.setStatus",
];
const KNOWN_GAPS_CEILING = KNOWN_GAPS.length;

/**
 * Whether a test file calls the procedure by its path: `.billing.orders.get(` in full, or through
 * a sub-router caller, when the file names the rest of the path (`const api = caller.tenants.lists`
 * … `api().get(` counts for tenants.lists.get; `as(x).ops.get(` in a file naming "announcements"
 * counts for announcements.ops.get).
 */
function callsByPath(text: string, path: string): boolean {
  const segments = path.split(".");
  for (let i = 0; i < segments.length; i++) {
    const suffix = segments.slice(i).join(".");
    if (text.includes(`.${suffix}(`) && (i === 0 || text.includes(segments.slice(0, i).join(".")))) return true;
  }
  return false;
}

function integrationTestTexts(): string[] {
  const root = process.cwd();
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (["node_modules", ".next", ".git", "generated"].includes(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".int.test.ts") && relative(root, full) !== "server/trpc/authorization-matrix.int.test.ts") texts.push(readFileSync(full, "utf8"));
    }
  };
  for (const dir of ["server", "workers", "probes", "scripts", "app"]) walk(join(root, dir));
  return texts;
}

describe("procedures that take an id", () => {
  const takesId = paths.filter((p) => defOf(procedures[p]!).inputs.some((s) => inputKeys(s).some((k) => ID_KEY.test(k))));
  // Client-tier procedures are tried with other resellers' clients generically (acting-for-client.int.test.ts).
  const needOwnTest = takesId.filter((p) => tierOf(procedures[p]!) !== "client");

  it("finds them in the router", () => {
    expect(takesId).toEqual(expect.arrayContaining(["audit.exportStatus", "domains.get"]));
  });

  it("each is called by path in an integration test (another tenant's / reseller's id)", () => {
    const texts = integrationTestTexts();
    const missing = needOwnTest.filter((p) => !texts.some((t) => callsByPath(t, p)));
    const newGaps = missing.filter((p) => !KNOWN_GAPS.includes(p));
    if (missing.length) console.warn(`procedures taking an id with no test calling them by path:\n  ${missing.join("\n  ")}`);
    expect(newGaps, "add an integration test calling these with another tenant's or reseller's id").toEqual([]);
  });

  it("keeps KNOWN_GAPS shrinking: entries still exist, still lack a test, none from this issue on", () => {
    const texts = integrationTestTexts();
    expect(KNOWN_GAPS.length).toBeLessThanOrEqual(KNOWN_GAPS_CEILING);
    expect(KNOWN_GAPS.filter((p) => !paths.includes(p)), "remove these: they no longer exist").toEqual([]);
    expect(KNOWN_GAPS.filter((p) => texts.some((t) => callsByPath(t, p))), "remove these: a test now covers them").toEqual([]);
    expect(KNOWN_GAPS.filter((p) => p.startsWith("security."))).toEqual([]);
  });
});
