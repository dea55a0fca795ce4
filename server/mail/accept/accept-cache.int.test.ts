import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { createScratchDatabase } from "@/server/test/scratch-db";
import { createList, createMailbox, createMailTenant, type MailTenant } from "../mail-test-fixtures";
import { accepted, rcpt, targets, useCacheSeconds } from "./accept-test-helpers";
import { clearAcceptCaches } from "./clear-accept-caches";

let t: MailTenant;
const realDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  t = await createMailTenant();
});

afterAll(() => useCacheSeconds(5));

const disable = (id: string) => db.mailbox.update({ where: { id }, data: { status: "disabled" } });

describe("the accept caches", () => {
  it("serve a mailbox from memory for MAIL_CACHE_SECONDS: a change shows once the entry expires", async () => {
    useCacheSeconds(1);
    const box = await createMailbox(t);
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    await disable(box.id);
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await rcpt(box.address)).toMatchObject({ code: 550, enhanced: "5.2.1" });
  });

  it("are emptied by clearAcceptCaches", async () => {
    useCacheSeconds(600);
    const box = await createMailbox(t);
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    await disable(box.id);
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    clearAcceptCaches();
    expect(await rcpt(box.address)).toMatchObject({ code: 550, enhanced: "5.2.1" });
  });

  it("remember unknown addresses and domain states too, for the same time", async () => {
    useCacheSeconds(600);
    const localPart = `late-${Date.now()}`;
    expect(await rcpt(`${localPart}@${t.domain.name}`)).toMatchObject({ code: 550, enhanced: "5.1.1" });
    await createMailbox(t, { localPart });
    expect(await rcpt(`${localPart}@${t.domain.name}`)).toMatchObject({ code: 550, enhanced: "5.1.1" });
    await db.tenant.update({ where: { id: t.tenant.id }, data: { status: "suspended" } });
    expect(await rcpt(`${localPart}@${t.domain.name}`)).toMatchObject({ code: 550, enhanced: "5.1.1" });
    clearAcceptCaches();
    expect(await rcpt(`${localPart}@${t.domain.name}`)).toMatchObject({ code: 550, enhanced: "5.2.1" });
    await db.tenant.update({ where: { id: t.tenant.id }, data: { status: "active" } });
  });

  it("read quota usage as it was when cached (a few seconds stale at most)", async () => {
    useCacheSeconds(600);
    const box = await createMailbox(t, { quotaMb: 1 });
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    await db.mailbox.update({ where: { id: box.id }, data: { usedBytes: BigInt(1024 * 1024) } });
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    clearAcceptCaches();
    expect(await rcpt(box.address)).toMatchObject({ code: 552, enhanced: "5.2.2" });
  });

  it("cache nothing with MAIL_CACHE_SECONDS=0", async () => {
    useCacheSeconds(0);
    const box = await createMailbox(t);
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    await disable(box.id);
    expect(await rcpt(box.address)).toMatchObject({ code: 550, enhanced: "5.2.1" });
  });

  it("resolve a cached mailbox and list without the database; an uncached one gets 451 4.3.0 when the database fails", async () => {
    useCacheSeconds(600);
    const box = await createMailbox(t);
    const list = await createList(t, { members: [box, "far@outside.example"] });
    const fresh = await createMailbox(t);
    expect(accepted(await rcpt(box.address)).local).toHaveLength(1);
    expect(targets(await rcpt(list.address))).toEqual({ local: [box.address], remote: ["far@outside.example"] });

    // Take the tables away from this process: from now on every query fails at once (an empty
    // database), so a cached answer that needed one query would come back as the 451 below.
    const empty = await createScratchDatabase();
    await disconnectDb();
    process.env.DATABASE_URL = empty.url;
    resetEnvCache();
    try {
      const started = performance.now();
      const rounds = 10_000;
      for (let i = 0; i < rounds; i++) accepted(await rcpt(box.address));
      const perCall = (performance.now() - started) / rounds;
      console.info(`cached mailbox RCPT: ${(perCall * 1000).toFixed(1)} µs per call`);
      expect(perCall).toBeLessThan(1);
      expect(targets(await rcpt(list.address))).toEqual({ local: [box.address], remote: ["far@outside.example"] });
      expect(await rcpt(fresh.address)).toEqual({ code: 451, enhanced: "4.3.0", text: "Temporary lookup failure; try again later" });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = realDatabaseUrl;
      resetEnvCache();
      await empty.drop();
    }
    expect(accepted(await rcpt(fresh.address)).local).toHaveLength(1);
  });
});
