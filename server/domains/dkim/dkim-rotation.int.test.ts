import { createPrivateKey, createPublicKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { callerFor, createDomainTenant, operatorActor, operatorUser, refusal, uniqueName } from "../domain-test-fixtures";
import { activateDkimKey } from "./activate-dkim-key";
import { activeDkimKey } from "./decrypt-dkim-key";
import { rotateDkimKey } from "./rotate-dkim-key";

let now = new Date("2026-11-26T10:00:00Z");
let restoreClock: () => void;
beforeAll(() => {
  restoreClock = setClock(() => now);
});
afterAll(() => restoreClock());
const later = (ms: number) => (now = new Date(now.getTime() + ms));

const keyOf = async (domainId: string, selector: string) => db.dkimKey.findUniqueOrThrow({ where: { domainId_selector: { domainId, selector } } });

/** The PEM activeDkimKey returns belongs to the public key published for that selector. */
async function assertSigner(domainId: string, selector: string) {
  const signer = await activeDkimKey(domainId);
  expect(signer?.selector).toBe(selector);
  const derived = createPublicKey(createPrivateKey(signer!.privateKeyPem)).export({ type: "spki", format: "der" }).toString("base64");
  expect(derived).toBe((await keyOf(domainId, selector)).publicKey);
}

describe("DKIM rotation", () => {
  it("goes pending → active → rotated → both active, newest signs → old retired by an operator", async () => {
    const { admin, tenant } = await createDomainTenant("Rotator");
    const domain = await callerFor(admin).add({ name: uniqueName("rot") });
    const first = domain.dkimKeys[0]!;

    // Nothing signs until a key verifies; a second pending key is refused meanwhile.
    expect(await activeDkimKey(domain.id)).toBeNull();
    expect(await refusal(callerFor(admin).rotateDkim({ domainId: domain.id }))).toMatchObject({
      code: "CONFLICT",
      message: `The DKIM key ms202611 of ${domain.unicodeName} is still waiting for its DNS record: publish it and let it verify before making another`,
    });

    later(60_000);
    expect(await activateDkimKey(first.id)).toEqual({ id: first.id, selector: "ms202611", activated: true });
    expect(await activateDkimKey(first.id)).toEqual({ id: first.id, selector: "ms202611", activated: false }); // a re-check: no change
    expect(await db.auditEvent.count({ where: { action: "dkim.activate", targetId: first.id, tenantId: tenant.id } })).toBe(1);
    await assertSigner(domain.id, "ms202611");

    later(60_000);
    const rotated = await callerFor(admin).rotateDkim({ domainId: domain.id });
    const second = rotated.dkimKeys.find((k) => k.selector === "ms202611-2")!;
    expect(second).toMatchObject({ status: "pending", signing: false });
    expect(rotated.dkimKeys.find((k) => k.id === first.id)).toMatchObject({ status: "active", signing: true });
    expect(second.publicKey).not.toBe(first.publicKey);
    expect(await db.auditEvent.count({ where: { action: "dkim.rotate", targetId: second.id, tenantId: tenant.id } })).toBe(1);
    expect((await refusal(callerFor(admin).rotateDkim({ domainId: domain.id }))).code).toBe("CONFLICT");
    await assertSigner(domain.id, "ms202611"); // still the old one until the new record verifies

    // The operator cannot retire a pending key, nor the one that signs.
    const ops = callerFor(operatorUser);
    expect((await refusal(ops.retireDkim({ keyId: second.id }))).message).toBe(
      "The DKIM key ms202611-2 has not been verified yet: only an older, active key can be retired",
    );
    expect((await refusal(ops.retireDkim({ keyId: first.id }))).message).toBe(
      `The DKIM key ms202611 signs ${domain.unicodeName}'s mail: retire it only after a newer key has verified and taken over`,
    );

    later(60_000);
    await activateDkimKey(second.id);
    await assertSigner(domain.id, "ms202611-2");
    const both = await callerFor(admin).get({ domainId: domain.id });
    expect(both.dkimKeys.map((k) => [k.selector, k.status, k.signing])).toEqual([
      ["ms202611", "active", false], // still valid for verification
      ["ms202611-2", "active", true],
    ]);

    expect((await refusal(ops.retireDkim({ keyId: second.id }))).code).toBe("PRECONDITION_FAILED");
    expect(await ops.retireDkim({ keyId: first.id })).toEqual({ id: first.id, selector: "ms202611", domainId: domain.id });
    expect(await keyOf(domain.id, "ms202611")).toMatchObject({ status: "retired", retiredAt: now });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dkim.retire", targetId: first.id } });
    expect(audit).toMatchObject({ tenantId: tenant.id, actorRole: "operator" });
    expect((await refusal(ops.retireDkim({ keyId: first.id }))).message).toBe("The DKIM key ms202611 is already retired");
    await expect(activateDkimKey(first.id)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await assertSigner(domain.id, "ms202611-2");

    // A rotation in a later month takes that month's selector; retired selectors are never reused.
    now = new Date("2026-12-02T00:00:00Z");
    const december = await callerFor(admin).rotateDkim({ domainId: domain.id });
    expect(december.dkimKeys.map((k) => k.selector)).toEqual(["ms202611", "ms202611-2", "ms202612"]);
  });

  it("is scoped: another tenant's domain is NOT_FOUND; an operator may rotate any tenant's", async () => {
    const a = await createDomainTenant("Scoped A");
    const b = await createDomainTenant("Scoped B");
    const domain = await callerFor(a.admin).add({ name: uniqueName("scope") });
    await activateDkimKey(domain.dkimKeys[0]!.id);
    const before = await db.dkimKey.count();
    expect(await refusal(callerFor(b.admin).rotateDkim({ domainId: domain.id }))).toMatchObject({ code: "NOT_FOUND", message: "Domain not found" });
    expect(await db.dkimKey.count()).toBe(before);
    const rotated = await rotateDkimKey(operatorActor, null, { domainId: domain.id });
    expect(rotated.dkimKeys).toHaveLength(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dkim.rotate", details: { path: "$.domainId", equals: domain.id } } });
    expect(audit).toMatchObject({ tenantId: a.tenant.id, actorRole: "operator" });
  });

  it("creates exactly one pending key when rotated 5 times at once", async () => {
    const { admin } = await createDomainTenant("Parallel rotator");
    const domain = await callerFor(admin).add({ name: uniqueName("par") });
    await activateDkimKey(domain.dkimKeys[0]!.id);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => callerFor(admin).rotateDkim({ domainId: domain.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.dkimKey.count({ where: { domainId: domain.id, status: "pending" } })).toBe(1);
  });

  it("refuses unknown keys", async () => {
    await expect(activateDkimKey("no-such-key")).rejects.toMatchObject({ code: "NOT_FOUND", message: "DKIM key not found" });
    expect(await refusal(callerFor(operatorUser).retireDkim({ keyId: "no-such-key" }))).toMatchObject({ code: "NOT_FOUND", message: "DKIM key not found" });
    expect((await refusal(callerFor(operatorUser).retireDkim({ keyId: " " }))).fieldErrors).toEqual({ keyId: ["Choose a DKIM key"] });
  });
});
