import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { createMailbox, createMailTenant, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { checkMailLogRequest, ZMailLogRequest, type TMailLogRequest } from "./mail-log-filters";
import { MAIL_LOG_PAGE_SIZE, MAIL_LOG_SCAN_ROWS, mailLogStatements, readMailLogPage } from "./mail-log-page";
import { MAIL_LOG_INDEX } from "./mail-log-plan";
import { insertLines, minutesAgo, type LineSpec } from "./mail-log-test-fixtures";
import { myMessages } from "./my-messages";
import { searchMailLog } from "./search-mail-log";

// The delivery log's search against real rows: each filter, keyset paging, the retention edge,
// the scan bound of filters without an index, and the plan MariaDB picks for each shape.

const NOW = new Date("2026-11-26T12:00:00.000Z");
let restoreClock: () => void;
let owner: MailTenant;
let other: MailTenant;
let alice: { id: string; address: string };
let bob: { id: string; address: string };
let ownerLines: Awaited<ReturnType<typeof insertLines>>;

const statuses = ["delivered", "queued", "bounced", "deferred"] as const;

beforeAll(async () => {
  restoreClock = setClock(NOW);
  owner = await createMailTenant({ name: "Owner" });
  other = await createMailTenant({ name: "Other" });
  alice = await createMailbox(owner, { localPart: "alice" });
  bob = await createMailbox(owner, { localPart: "bob" });
  // 130 lines of the owner, one a minute; alice sends the even ones, bob receives the odd ones.
  const specs: LineSpec[] = Array.from({ length: 130 }, (_, i) => ({
    tenantId: owner.tenant.id,
    mailboxId: i % 2 === 0 ? alice.id : bob.id,
    direction: i % 2 === 0 ? "outbound" : "inbound",
    sender: i % 2 === 0 ? alice.address : `partner${i % 3}@outside.example`,
    recipient: i % 2 === 0 ? `client${i % 5}@outside.example` : bob.address,
    subject: i === 77 ? "合同 100% 确认" : i % 10 === 0 ? `Weekly report ${i}` : `季度报告 第${i}期`,
    status: statuses[i % 4],
    receivedAt: minutesAgo(NOW, i + 1),
  }));
  // Past retention (31 days): never shown.
  specs.push({ tenantId: owner.tenant.id, mailboxId: alice.id, sender: alice.address, subject: "Weekly report old", receivedAt: minutesAgo(NOW, 31 * 24 * 60) });
  ownerLines = await insertLines(specs);
  // The other tenant's lines share senders and subjects with the owner's.
  await insertLines(Array.from({ length: 20 }, (_, i) => ({ tenantId: other.tenant.id, sender: alice.address, subject: `Weekly report ${i}`, receivedAt: minutesAgo(NOW, i + 1) })));
});
afterAll(() => restoreClock());

const parse = (r: TMailLogRequest) => ZMailLogRequest.parse(r);
const search = (r: TMailLogRequest) => searchMailLog(owner.tenant.id, parse(r));

/** Every page of a search, following nextCursor. */
async function allPages(r: TMailLogRequest, read = search) {
  const pages = [await read(r)];
  while (pages.at(-1)!.nextCursor) pages.push(await read({ ...r, cursor: pages.at(-1)!.nextCursor! }));
  return pages;
}

/** The owner's lines within retention that `keep` selects, newest first, as subjects + times. */
const expected = (keep: (l: (typeof ownerLines)[number]) => boolean) =>
  ownerLines
    .filter((l) => l.receivedAt.getTime() > NOW.getTime() - 30 * 24 * 3600_000 && keep(l))
    .map((l) => `${l.receivedAt.toISOString()} ${l.subject}`);
const shown = (pages: Awaited<ReturnType<typeof search>>[]) => pages.flatMap((p) => p.rows.map((r) => `${r.receivedAt.toISOString()} ${r.subject}`));

describe("searchMailLog", () => {
  it("pages the tenant's lines newest first, 50 at a time, without repeats or gaps", async () => {
    const pages = await allPages({});
    expect(pages.map((p) => p.rows.length)).toEqual([MAIL_LOG_PAGE_SIZE, MAIL_LOG_PAGE_SIZE, 30]);
    expect(shown(pages)).toEqual(expected(() => true));
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(pages[0]!.timeZone).toBe("Asia/Shanghai");
    expect(pages[0]!.from).toEqual(new Date(NOW.getTime() - 30 * 24 * 3600_000));
  });

  it("gives each line's fields and its history for the drawer", async () => {
    const row = (await search({ subject: "100%" })).rows[0]!;
    expect(row).toMatchObject({ direction: "inbound", recipient: bob.address, status: "queued", reason: "queued (test)" });
    expect(row.history.map((h) => h.status)).toEqual(["received", "queued"]);
    expect(row.history[0]!.at).toEqual(row.receivedAt);
  });

  it.each<[string, () => TMailLogRequest, (l: (typeof ownerLines)[number]) => boolean]>([
    ["sender", () => ({ sender: alice.address }), (l) => l.sender === alice.address],
    ["sender in upper case", () => ({ sender: alice.address.toUpperCase() }), (l) => l.sender === alice.address],
    ["recipient", () => ({ recipient: "client3@outside.example" }), (l) => l.recipient === "client3@outside.example"],
    ["status", () => ({ status: "bounced" }), (l) => l.status === "bounced"],
    ["direction", () => ({ type: "inbound" }), (l) => l.direction === "inbound"],
    ["subject contains", () => ({ subject: "weekly" }), (l) => l.subject.startsWith("Weekly")],
    ["subject with % taken literally", () => ({ subject: "100%" }), (l) => l.subject.includes("100%")],
    ["sender and status", () => ({ sender: alice.address, status: "delivered" }), (l) => l.sender === alice.address && l.status === "delivered"],
    ["recipient and direction", () => ({ recipient: bob.address, type: "outbound" }), () => false],
    [
      "date range",
      () => ({ from: minutesAgo(NOW, 40).toISOString(), to: minutesAgo(NOW, 10).toISOString() }),
      (l) => l.receivedAt >= minutesAgo(NOW, 40) && l.receivedAt <= minutesAgo(NOW, 10),
    ],
  ])("filters by %s", async (_name, request, keep) => {
    expect(shown(await allPages(request()))).toEqual(expected(keep));
  });

  it("clamps the start to the retention edge and finds nothing in a range before it", async () => {
    const old = { from: minutesAgo(NOW, 32 * 24 * 60).toISOString(), to: minutesAgo(NOW, 30 * 24 * 60 + 1).toISOString() };
    const page = await search(old);
    expect(page.rows).toEqual([]);
    expect(page.nextCursor).toBeNull();
    expect(shown(await allPages({ subject: "old" }))).toEqual([]);
  });

  it("never shows another tenant's lines, whatever the filters", async () => {
    const theirs = await allPages({ sender: alice.address }, (r) => searchMailLog(other.tenant.id, parse(r)));
    expect(theirs.flatMap((p) => p.rows)).toHaveLength(20);
    const ownerIds = new Set(ownerLines.map((l) => l.messageId));
    expect(theirs.flatMap((p) => p.rows).some((r) => ownerIds.has(r.messageId))).toBe(false);
  });
});

describe("myMessages", () => {
  const mine = (m: { id: string }) => (r: TMailLogRequest) => myMessages(owner.tenant.id, m.id, parse(r));

  it("reads only the lines of the user's own mailbox, sent and received", async () => {
    expect(shown(await allPages({}, mine(bob)))).toEqual(expected((l) => l.mailboxId === bob.id));
    expect(shown(await allPages({ status: "delivered" }, mine(alice)))).toEqual(expected((l) => l.mailboxId === alice.id && l.status === "delivered"));
  });

  it("finds nothing for a mailbox of another tenant named with this tenant", async () => {
    expect((await myMessages(other.tenant.id, alice.id, parse({}))).rows).toEqual([]);
  });
});

describe("a filter without an index", () => {
  const total = MAIL_LOG_SCAN_ROWS * 5 + 200;
  let busy: string;
  beforeAll(async () => {
    busy = (await createMailTenant({ name: "Busy" })).tenant.id;
    // One line a second; one rare subject near the oldest end, past five chunks.
    await insertLines(Array.from({ length: total }, (_, i) => ({ tenantId: busy, subject: i === total - 10 ? "罕见的主题" : "日常通知", receivedAt: new Date(NOW.getTime() - (i + 1) * 1000) })));
  });
  const range = { from: new Date(NOW.getTime() - 24 * 3600_000), to: null };

  it(`reads ${MAIL_LOG_SCAN_ROWS} lines a chunk; out of budget, it says how far back it searched and goes on from there`, async () => {
    const pages = [];
    let cursor: string | undefined;
    do {
      // No time budget: exactly one chunk per page.
      const page = await readMailLogPage({ tenantId: busy }, checkMailLogRequest(parse({ subject: "罕见", cursor })), range, { scanBudgetMs: 0 });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.rows.length)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(pages.map((p) => p.searchedUntil?.getTime())).toEqual([1, 2, 3, 4, 5].map((k) => NOW.getTime() - k * MAIL_LOG_SCAN_ROWS * 1000).concat([undefined as never]));
    expect(pages.at(-1)!.rows[0]!.subject).toBe("罕见的主题");
  });

  it("within its time budget reads on through several chunks, and finds the line exactly once", async () => {
    const rows = (await allPages({ subject: "罕见" }, (r) => searchMailLog(busy, parse(r)))).flatMap((p) => p.rows);
    expect(rows.map((r) => r.subject)).toEqual(["罕见的主题"]);
  });

  it("fills a page from several chunks when matches are sparse", async () => {
    // 1 line in 100 is outbound: a page of 50 needs five chunks.
    const t = (await createMailTenant({ name: "Sparse" })).tenant.id;
    await insertLines(Array.from({ length: 5_100 }, (_, i) => ({ tenantId: t, direction: i % 100 === 0 ? "outbound" : "inbound", receivedAt: new Date(NOW.getTime() - (i + 1) * 1000) })));
    const pages = await allPages({ type: "outbound" }, (r) => searchMailLog(t, parse(r)));
    expect(pages.flatMap((p) => p.rows)).toHaveLength(51);
    expect(new Set(pages.flatMap((p) => p.rows.map((r) => r.key))).size).toBe(51);
  });
});

describe("the query plan of each filter shape", () => {
  type ExplainRow = { key: string | null; Extra: string | null; type: string };
  const shapes: [string, TMailLogRequest, boolean][] = [
    ["no filter", {}, false],
    ["sender", { sender: "a@b.example" }, false],
    ["recipient", { recipient: "a@b.example" }, false],
    ["status", { status: "bounced" }, false],
    ["direction", { type: "inbound" }, false],
    ["subject", { subject: "报告" }, false],
    ["sender + subject", { sender: "a@b.example", subject: "x" }, false],
    ["date range + cursor", { from: minutesAgo(NOW, 60).toISOString(), cursor: `${NOW.getTime()}_99` }, false],
    ["mailbox user", {}, true],
    ["mailbox user + status", { status: "queued" }, true],
  ];
  it.each(shapes)("%s walks its index in order, without a sort", async (_name, request, ofMailbox) => {
    const filters = checkMailLogRequest(parse(request));
    const scope = ofMailbox ? { tenantId: owner.tenant.id, mailboxId: alice.id } : { tenantId: owner.tenant.id };
    const s = mailLogStatements(scope, filters, { from: new Date(filters.from ?? minutesAgo(NOW, 30 * 24 * 60)), to: null });
    const statements = [s.page(null), ...(s.scanBound ? [s.scanBound, s.page({ receivedAt: minutesAgo(NOW, 5), id: 1n })] : [])];
    for (const sql of statements) {
      const plan = await db.$queryRaw<ExplainRow[]>(Prisma.sql`EXPLAIN ${sql}`);
      expect(plan).toHaveLength(1);
      expect(plan[0]!.key).toBe(MAIL_LOG_INDEX[s.plan.index]);
      expect(plan[0]!.type).toBe("range");
      expect(plan[0]!.Extra ?? "").not.toMatch(/filesort|temporary/i);
    }
    // The scan bound reads the index alone.
    if (s.scanBound) expect((await db.$queryRaw<ExplainRow[]>(Prisma.sql`EXPLAIN ${s.scanBound}`))[0]!.Extra).toMatch(/Using index/);
  });
});
