import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { AnyProcedure } from "@trpc/server";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { makeContext, actorOf } from "@/server/trpc/context";
import { createCallerFactory, router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { callPath, createCallers, type Callers } from "@/server/trpc/procedure-callers";
import { CALLER_KINDS, TIER_REFUSES, tierOf } from "@/server/trpc/procedure-tiers";
import { appRouter } from "@/server/trpc/root";
import { recordAudit } from "./record-audit";
import { MAX_SUMMARY_BYTES, REDACTED } from "./audit-context";

// Every mutation of the API leaves an operation-log entry (seed 001: who, what, when, result,
// details), found in the router itself: each is called by a signed-in caller its tier refuses (or,
// for public ones, with input its parser refuses) and must have written a failure entry under its
// own path. A new mutation is covered without editing this file.

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const typeOf = (p: AnyProcedure) => (p as unknown as { _def: { type: string } })._def.type;
const mutations = Object.keys(procedures)
  .filter((p) => typeOf(procedures[p]!) === "mutation")
  .sort();

let callers: Callers;
beforeAll(async () => {
  callers = await createCallers("Audited");
});

/** A signed-in kind of caller the procedure's tier refuses, or null when its tier admits everyone. */
function refusedSignedIn(path: string) {
  const tier = tierOf(procedures[path]!);
  if (!tier) throw new Error(`${path}: its tier cannot be told`);
  return CALLER_KINDS.find((who) => who !== "anonymous" && TIER_REFUSES[tier][who]) ?? null;
}

describe("every mutation writes an operation-log entry", () => {
  it("finds the mutations in the router", () => {
    expect(mutations.length).toBeGreaterThan(90);
    expect(mutations).toEqual(expect.arrayContaining(["billing.account.createOrder", "tenants.mailboxes.create", "me.setLocale"]));
  });

  it.each(mutations)("%s: a refused call is logged as a failure under its path", async (path) => {
    const who = refusedSignedIn(path) ?? "tenant_admin";
    const takesInput = (procedures[path] as unknown as { _def: { inputs: unknown[] } })._def.inputs.length > 0;
    if (!refusedSignedIn(path) && !takesInput) {
      // Open to every signed-in account and nothing to get wrong (e.g. sign out my other sessions):
      // it cannot be refused, so its success must leave an entry.
      const actorId = callers.users[who]!.id;
      const before = await db.auditEvent.count({ where: { actorId } });
      expect((await callPath(callers, path, who, undefined)).code).toBe("ok");
      expect(await db.auditEvent.count({ where: { actorId } })).toBeGreaterThan(before);
      return;
    }
    // Refused at the door (no input read), or, where every signed-in role is admitted, refused by the parser.
    const result = await callPath(callers, path, who, refusedSignedIn(path) ? undefined : Number.NaN);
    expect(result.code).not.toBe("ok");
    const entry = await db.auditEvent.findFirst({ where: { action: path, result: "failure", actorId: callers.users[who]!.id }, orderBy: { id: "desc" } });
    expect(entry, `${path} wrote no failure entry`).not.toBeNull();
    expect(entry!.details).toMatchObject({ code: result.code });
  });
});

describe("the fallback entry", () => {
  const seen: string[] = [];
  const admin = () => callers.users.tenant_admin!;
  const testRouter = router({
    plain: authedProcedure.input(z.object({ name: z.string(), password: z.string(), nested: z.object({ totpCode: z.string() }).optional(), logo: z.string().optional() })).mutation(({ input }) => {
      seen.push(input.name);
      return "done";
    }),
    audited: authedProcedure.input(z.object({ name: z.string() })).mutation(async ({ ctx, input }) => {
      await recordAudit(actorOf(ctx), { action: "test.audited", details: { name: input.name } });
      return "done";
    }),
    refusesItself: authedProcedure.input(z.object({ name: z.string() })).mutation(async ({ ctx, input }) => {
      await recordAudit(actorOf(ctx), { action: "test.refused", result: "failure", details: { name: input.name } });
      throw new DomainError("CONFLICT", "Already there");
    }),
    fails: authedProcedure.input(z.object({ name: z.string() })).mutation(() => {
      throw new DomainError("CONFLICT", "Already there");
    }),
  });
  const call = (user = admin(), acting: string | null = null) => createCallerFactory(testRouter)(makeContext(user, "198.51.100.7", "en", acting));
  const rows = (action: string, name: string) => db.auditEvent.findMany({ where: { action, details: { path: "$.input.name", equals: name } } });

  it("is written after a successful mutation that recorded nothing, with secrets redacted and long strings cut", async () => {
    const name = randomUUID();
    await call().plain({ name, password: "Secret#2026", nested: { totpCode: "123456" }, logo: `data:image/png;base64,${"A".repeat(100_000)}` });
    const [row, ...more] = await rows("plain", name);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ result: "success", actorId: admin().id, actorRole: "tenant_admin", tenantId: admin().tenantId, ip: "198.51.100.7" });
    const details = row!.details as { input: { password: string; nested: { totpCode: string }; logo: string } };
    expect(details.input.password).toBe(REDACTED);
    expect(details.input.nested.totpCode).toBe(REDACTED);
    expect(JSON.stringify(row!.details).length).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(JSON.stringify(row!.details)).not.toContain("Secret#2026");
  });

  it("is not written when the use case recorded its own entry", async () => {
    const name = randomUUID();
    await call().audited({ name });
    expect(await db.auditEvent.count({ where: { action: "test.audited", details: { path: "$.name", equals: name } } })).toBe(1);
    expect(await rows("audited", name)).toEqual([]);
  });

  it("records a refusal once: the use case's own failure entry, or else the fallback with code and message", async () => {
    const a = randomUUID();
    await expect(call().refusesItself({ name: a })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEvent.count({ where: { action: "test.refused", details: { path: "$.name", equals: a } } })).toBe(1);
    expect(await rows("refusesItself", a)).toEqual([]);

    const b = randomUUID();
    await expect(call().fails({ name: b })).rejects.toMatchObject({ code: "CONFLICT" });
    const [row] = await rows("fails", b);
    expect(row).toMatchObject({ result: "failure", details: { code: "CONFLICT", domainCode: "CONFLICT", message: "Already there" } });
  });

  it("logs a bad input as a failure naming the fields, and writes nothing for an anonymous caller", async () => {
    const name = randomUUID();
    await expect(call().plain({ name } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [row] = await rows("plain", name);
    expect(row).toMatchObject({ result: "failure", details: { code: "BAD_REQUEST", fields: ["password"] } });

    const before = await db.auditEvent.count();
    for (let i = 0; i < 5; i++) await expect(createCallerFactory(testRouter)(makeContext(null)).plain({ name, password: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("names the client tenant for an acting reseller only when that client is in its tree", async () => {
    const { tree } = callers;
    const own = randomUUID();
    await call(tree.top.staff, tree.sub.clientId).plain({ name: own, password: "x" });
    expect((await rows("plain", own))[0]).toMatchObject({ actorRole: "reseller", actorResellerId: tree.top.resellerId, tenantId: tree.sub.clientId });
    const foreign = randomUUID();
    await call(tree.top.staff, tree.other.clientId).plain({ name: foreign, password: "x" });
    expect((await rows("plain", foreign))[0]).toMatchObject({ actorRole: "reseller", tenantId: null });
  });
});

describe("the operation log cannot be changed", () => {
  it("no application code updates or deletes AuditEvent rows", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (["node_modules", ".next", "generated"].includes(entry.name)) continue;
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const text = readFileSync(full, "utf8");
          if (/auditEvent\.(update|updateMany|upsert|delete|deleteMany)\b|(UPDATE|DELETE\s+FROM)\s+`?AuditEvent\b/i.test(text)) offenders.push(full);
        }
      }
    };
    for (const dir of ["server", "app", "workers", "probes", "scripts"]) walk(join(process.cwd(), dir));
    expect(offenders).toEqual([]);
  });
});
