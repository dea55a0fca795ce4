import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Packet, UDPServer, TCPServer } from "dns2";
import { startSandboxServer, type SandboxServer } from "@/server/dns/sandbox-server";
import { publishToSandbox } from "@/server/dns/sandbox-records";
import { sandbox } from "@/server/dns/sandbox-records.types";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { callerFor, createDomainTenant, refusal, uniqueName } from "../domain-test-fixtures";
import { applyCheckResult } from "./apply-check-result";
import { checkAndApply } from "./check-and-apply";
import { loadCheckTarget } from "./check-target";
import { isDomainAccepted } from "./is-domain-accepted";
import { runDomainCheck } from "./run-domain-check";
import { SANDBOX_OFF_MESSAGE } from "./publish-domain-to-sandbox";

// The checker and its state machine against real sandbox zones over real sockets.
const hook = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock("@/server/billing/subscriptions/on-domain-mx-verified", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/billing/subscriptions/on-domain-mx-verified")>();
  return { onDomainMxVerified: async (tenantId: string, at?: Date) => (hook.calls.push(tenantId), real.onDomainMxVerified(tenantId, at)) };
});

let server: SandboxServer;
let empty: { port: number; close: () => void };
const sandboxAt = () => `127.0.0.1:${server.port}`;
const useResolvers = (list: string, timeoutMs = 2000) => {
  process.env.DNS_RESOLVERS = list;
  process.env.DNS_TIMEOUT_MS = String(timeoutMs);
  resetEnvCache();
};

/** A real DNS server that knows no records: NOERROR, empty answer, for every question. */
async function startEmptyServer() {
  const handle = (request: Packet, send: (p: Packet) => unknown) => void send(Packet.createResponseFromRequest(request));
  const udp = new UDPServer(handle);
  await new Promise<void>((ok) => udp.bind(0, "127.0.0.1", ok));
  const tcp = new TCPServer(handle);
  const port = udp.address().port;
  await new Promise<void>((ok) => tcp.listen(port, "127.0.0.1", ok));
  return { port, close: () => (udp.close(), tcp.close()) };
}

beforeAll(async () => {
  process.env.DNS_SANDBOX = "on";
  server = await startSandboxServer({ port: 0, pollMs: 60_000 });
  empty = await startEmptyServer();
});
beforeEach(() => useResolvers(sandboxAt()));
afterAll(async () => {
  empty?.close();
  await server?.close();
});

async function newDomain() {
  const { admin, tenant } = await createDomainTenant("Checker", 5);
  const caller = callerFor(admin);
  const view = await caller.add({ name: uniqueName("chk") });
  return { caller, tenant, view };
}
const publish = async (records: Parameters<typeof publishToSandbox>[0]) => (await publishToSandbox(records), await server.reload());
const domainRow = (id: string) => db.domain.findUniqueOrThrow({ where: { id }, include: { dkimKeys: true } });
const audits = (id: string) => db.auditEvent.findMany({ where: { action: "domain.state_change", targetId: id }, orderBy: { id: "asc" } });

describe("the wizard's happy path", () => {
  it("a new domain is unverified; publish + check now makes it mail_ready with every record ok", async () => {
    const { caller, tenant, view } = await newDomain();
    const before = await caller.records({ domainId: view.id });
    expect(before).toMatchObject({ domain: { id: view.id, state: "unverified" }, lastCheck: null, sandbox: true });
    expect(before.groups.map((g) => g.group)).toEqual(["ownership", "mx", "spf", "dkim", "dmarc", "cname"]);
    const dkim = before.groups.find((g) => g.group === "dkim")!.records[0]!;
    expect(dkim.strings!.length).toBeGreaterThan(1);
    expect(dkim.strings!.every((s) => s.length <= 255) && dkim.strings!.join("") === dkim.value).toBe(true);

    expect(await caller.publishToSandbox({ domainId: view.id })).toEqual({ published: 11 }); // 10 expected records + the platform SPF record the include points at
    await server.reload();
    const { result, applied } = await caller.checkNow({ domainId: view.id });
    expect(result.records.filter((r) => r.status !== "ok")).toEqual([]);
    expect(result.records).toHaveLength(9); // ownership, MX, SPF, DKIM, DMARC, 4 CNAMEs
    expect(applied).toMatchObject({ from: "unverified", state: "mail_ready", changed: true, activatedSelectors: [view.dkimKeys[0]!.selector], mxVerified: true });

    const row = await domainRow(view.id);
    expect(row).toMatchObject({ state: "mail_ready", candidateState: null, mxFailingSince: null });
    expect(row.ownedAt && row.mailReadyAt && row.lastCheckedAt).toBeTruthy();
    expect(row.nextCheckAt!.getTime() - row.lastCheckedAt!.getTime()).toBe(10 * 60_000);
    expect(row.dkimKeys[0]).toMatchObject({ status: "active" });
    expect((row.lastCheck as { implied: unknown }).implied).toEqual({ state: "mail_ready", blocking: [] });
    const [audit] = await audits(view.id);
    expect(audit).toMatchObject({ tenantId: tenant.id, result: "success" });
    expect(audit!.details).toMatchObject({ from: "unverified", to: "mail_ready", trigger: "manual", failingRecords: [] });
    expect(await db.auditEvent.count({ where: { action: "domain.sandbox_publish", targetId: view.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "dkim.activate", targetId: view.dkimKeys[0]!.id } })).toBe(1);

    // The billing hook: once, on the first MX success; the tenant records it.
    expect(hook.calls.filter((t) => t === tenant.id)).toHaveLength(1);
    await caller.checkNow({ domainId: view.id });
    expect(hook.calls.filter((t) => t === tenant.id)).toHaveLength(1);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).mxVerifiedAt).not.toBeNull();
    expect(await isDomainAccepted(view.name.toUpperCase() + ".")).toBe(true);
  });

  it("a full check takes well under 500 ms against the sandbox", async () => {
    const { caller, view } = await newDomain();
    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    const target = await loadCheckTarget(view.id, null);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      await runDomainCheck(target);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`[domain-check] full check against the sandbox: median ${times[7]!.toFixed(1)} ms, max ${times[14]!.toFixed(1)} ms (15 runs)`);
    expect(times).toHaveLength(15);
  });
});

describe("re-verification with flap damping", () => {
  it("a broken MX degrades only after two scheduled checks; the warning and acceptance follow; fixing restores", async () => {
    const { caller, view } = await newDomain();
    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    await caller.checkNow({ domainId: view.id });

    await publish([sandbox.mx(view.name, 10, "mx.other-provider.com")]);
    const first = await checkAndApply(view.id, { trigger: "schedule" });
    expect(first.result.records.find((r) => r.group === "mx")).toMatchObject({ status: "wrong" });
    expect(first.applied).toMatchObject({ state: "mail_ready", changed: false, candidateState: "degraded" });
    const since = (await domainRow(view.id)).mxFailingSince;
    expect(since).not.toBeNull(); // when MX was first seen failing, before the state moved
    expect(await audits(view.id)).toHaveLength(1);

    const second = await checkAndApply(view.id, { trigger: "schedule" });
    expect(second.applied).toMatchObject({ from: "mail_ready", state: "degraded", changed: true, candidateState: null });
    const row = await domainRow(view.id);
    expect(row).toMatchObject({ state: "degraded", mxFailingSince: since });
    const degradedAudit = (await audits(view.id))[1]!;
    expect(degradedAudit.details).toMatchObject({ from: "mail_ready", to: "degraded", trigger: "schedule", failingSteps: ["mx"] });
    expect((degradedAudit.details as { failingRecords: { group: string }[] }).failingRecords.map((r) => r.group)).toEqual(["mx"]);
    const warnings = await caller.mxWarnings();
    expect(warnings).toEqual([{ domainId: view.id, name: view.name, unicodeName: view.unicodeName, since, problems: expect.any(Array) }]);
    expect(warnings[0]!.problems.map((p) => p.code)).toContain("mxForeignHosts");
    expect(await isDomainAccepted(view.name)).toBe(false);

    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    expect((await caller.checkNow({ domainId: view.id })).applied).toMatchObject({ from: "degraded", state: "mail_ready", changed: true });
    expect(await domainRow(view.id)).toMatchObject({ state: "mail_ready", mxFailingSince: null });
    expect(await caller.mxWarnings()).toEqual([]);
  });

  it("a scheduled check moves a new domain forward only on the second agreeing check", async () => {
    const { caller, view } = await newDomain();
    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    expect((await checkAndApply(view.id, { trigger: "schedule" })).applied).toMatchObject({ state: "unverified", candidateState: "mail_ready" });
    expect((await checkAndApply(view.id, { trigger: "schedule" })).applied).toMatchObject({ state: "mail_ready", changed: true });
  });
});

describe("writing a check's result", () => {
  it("a routine check is one guarded update; a stale guard (another check got there first) falls back to the locked path and decides again", async () => {
    const { caller, view } = await newDomain();
    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    await caller.checkNow({ domainId: view.id });
    const before = await domainRow(view.id);
    expect(before.state).toBe("mail_ready");

    // Routine: nothing changes but the stored result and the due time; no audit.
    const target = await loadCheckTarget(view.id, null);
    expect(target.baseline).toMatchObject({ state: "mail_ready", candidateState: null, mxFailingSince: null, tenantMxVerified: true });
    const routine = await applyCheckResult(view.id, await runDomainCheck(target), { trigger: "schedule", baseline: target.baseline });
    expect(routine).toMatchObject({ from: "mail_ready", state: "mail_ready", changed: false, candidateState: null });
    const after = await domainRow(view.id);
    expect(after.lastCheckedAt!.getTime()).toBeGreaterThanOrEqual(before.lastCheckedAt!.getTime());
    expect(after.nextCheckAt!.getTime()).toBeGreaterThan(after.lastCheckedAt!.getTime());
    expect(await audits(view.id)).toHaveLength(1); // only the manual check's unverified → mail_ready

    // The MX breaks. Two checks read the same (clean) baseline; the first one's write moves the
    // candidate, so the second's guard no longer matches: it re-reads under the lock, sees the
    // candidate, and this second agreeing check degrades the domain, audited.
    await publish([sandbox.mx(view.name, 10, "mx.other-provider.com")]);
    const stale = await loadCheckTarget(view.id, null);
    const first = await checkAndApply(view.id, { trigger: "schedule" });
    expect(first.applied).toMatchObject({ state: "mail_ready", candidateState: "degraded" });
    const second = await applyCheckResult(view.id, await runDomainCheck(stale), { trigger: "schedule", baseline: stale.baseline });
    expect(second).toMatchObject({ from: "mail_ready", state: "degraded", changed: true });
    expect((await domainRow(view.id)).state).toBe("degraded");
    expect((await audits(view.id)).map((a) => (a.details as { to: string }).to)).toEqual(["mail_ready", "degraded"]);
  });
});

describe("DKIM rotation and acceptance", () => {
  it("a rotated key stays pending (the signing key keeps the domain mail_ready) until its record is published", async () => {
    const { caller, view } = await newDomain();
    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    await caller.checkNow({ domainId: view.id });
    await caller.rotateDkim({ domainId: view.id });
    const unpublished = await caller.checkNow({ domainId: view.id });
    const dkim = unpublished.result.records.filter((r) => r.group === "dkim");
    expect(dkim.map((r) => [r.keyStatus, r.status])).toEqual([["active", "ok"], ["pending", "missing"]]);
    expect(unpublished.applied).toMatchObject({ state: "mail_ready", activatedSelectors: [] });
    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    const published = await caller.checkNow({ domainId: view.id });
    expect(published.applied.activatedSelectors).toEqual([dkim[1]!.selector]);
    expect((await domainRow(view.id)).dkimKeys.map((k) => k.status)).toEqual(["active", "active"]);
  });

  it("accepts mail only for a mail_ready domain of an active tenant", async () => {
    const { caller, tenant, view } = await newDomain();
    expect(await isDomainAccepted(view.name)).toBe(false);
    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    await caller.checkNow({ domainId: view.id });
    expect(await isDomainAccepted(view.name)).toBe(true);
    expect(await isDomainAccepted(`nothing-${view.name}`)).toBe(false);
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "suspended" } });
    expect(await isDomainAccepted(view.name)).toBe(false);
  });
});

describe("resolvers that disagree or fail", () => {
  it("records seen by one resolver and not the other are pending, and the domain stays unverified", async () => {
    const { caller, view } = await newDomain();
    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    useResolvers(`${sandboxAt()},127.0.0.1:${empty.port}`);
    const { result, applied } = await caller.checkNow({ domainId: view.id });
    expect(result.resolvers).toEqual([sandboxAt(), `127.0.0.1:${empty.port}`]);
    expect(new Set(result.records.map((r) => r.status))).toEqual(new Set(["pending"]));
    expect(result.records[0]!.problems[0]).toMatchObject({ code: "seenOnSomeResolvers" });
    expect(applied).toMatchObject({ state: "unverified", changed: false });
    expect((await domainRow(view.id)).dkimKeys[0]).toMatchObject({ status: "pending" });
  });

  it("a dead resolver makes every record unknown, never wrong, and leaves the state alone", async () => {
    const { caller, view } = await newDomain();
    await caller.publishToSandbox({ domainId: view.id });
    await server.reload();
    await caller.checkNow({ domainId: view.id });
    const before = await domainRow(view.id);
    useResolvers("127.0.0.1:9", 300); // nothing listens on the discard port
    for (let i = 0; i < 2; i++) {
      const { result, applied } = await checkAndApply(view.id, { trigger: "schedule" });
      expect(new Set(result.records.map((r) => r.status))).toEqual(new Set(["unknown"]));
      expect(result.records.flatMap((r) => r.problems.map((p) => p.code))).not.toContain("mxMissing");
      expect(applied).toMatchObject({ state: "mail_ready", changed: false, candidateState: null });
    }
    expect(await domainRow(view.id)).toMatchObject({ state: "mail_ready", mxFailingSince: before.mxFailingSince, candidateState: null });
    expect(await audits(view.id)).toHaveLength(1);
  });
});

describe("publishing to the sandbox", () => {
  it("is refused when the sandbox is off, writing nothing", async () => {
    const { caller, view } = await newDomain();
    process.env.DNS_SANDBOX = "off";
    resetEnvCache();
    try {
      const before = await db.sandboxRecord.count();
      expect(await refusal(caller.publishToSandbox({ domainId: view.id }))).toMatchObject({ code: "PRECONDITION_FAILED", message: SANDBOX_OFF_MESSAGE.en });
      expect((await caller.records({ domainId: view.id })).sandbox).toBe(false);
      expect(await db.sandboxRecord.count()).toBe(before);
      expect(await db.auditEvent.count({ where: { action: "domain.sandbox_publish", targetId: view.id } })).toBe(0);
    } finally {
      process.env.DNS_SANDBOX = "on";
      resetEnvCache();
    }
  });
});
