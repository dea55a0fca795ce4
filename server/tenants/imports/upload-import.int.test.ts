import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { consoleWriteCounts, createConsoleTenant, seedMailboxes, type ConsoleTenant } from "../tenant-test-fixtures";
import { csvFile, upload, useTempDataDir } from "./import-test-fixtures";
import { importsDir } from "./import-files";
import { MAX_IMPORT_ROWS } from "./parse-import-file";

// Uploading checks the whole file and every row before anything is applied. A file that cannot
// be read at all is refused whole; a readable one is kept with each row's problems.

let t: ConsoleTenant;
beforeAll(async () => {
  await useTempDataDir();
  t = await createConsoleTenant({ seats: 50 });
});

async function refused(bytes: Uint8Array) {
  const before = { ...(await consoleWriteCounts()), imports: await db.mailboxImport.count(), files: await readdir(importsDir()).catch(() => []) };
  const e = await upload(t, bytes).then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(DomainError);
  const after = { ...(await consoleWriteCounts()), imports: await db.mailboxImport.count(), files: await readdir(importsDir()).catch(() => []) };
  expect(after).toEqual(before);
  return { code: (e as DomainError).code, en: (e as DomainError).fieldErrors?.file?.join(" | ") ?? "", zh: (e as DomainError).fieldErrorsIn("zh-CN")?.file?.join(" | ") ?? "" };
}

describe("files refused whole, nothing written", () => {
  it.each([
    ["an empty file", new Uint8Array(0), "The file is empty"],
    ["only blank lines", Buffer.from("\n\n,,,\n"), "The file is empty"],
    ["a header without rows", Buffer.from("邮箱地址,姓名\n"), "has a header but no rows"],
    ["binary garbage", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), "not a CSV text file"],
    ["an xlsx (zip) file", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from("[Content_Types].xml")]), "not a CSV text file"],
    ["a wrong header", Buffer.from("name,telephone\n张三,138\n"), 'Unknown columns: "telephone"'],
    ["a header missing the address", Buffer.from("姓名,部门\n张三,销售部\n"), "Required column missing: 邮箱地址/address"],
    ["an unclosed quote", Buffer.from('address,name\na@x.com,"open\n'), "unclosed quote"],
    ["an 11 MB file", Buffer.alloc(11 * 1024 * 1024, 0x61), "at most 10 MB"],
  ])("%s", async (_what, bytes, message) => {
    const r = await refused(bytes);
    expect(r.code).toBe("BAD_INPUT");
    expect(r.en).toContain(message);
    expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it(`more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows`, async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`u${i}@${t.domain.name}`]);
    expect((await refused(csvFile(rows))).en).toContain("at most 20,000 per import");
  });
});

describe("a readable file: every row checked, nothing applied", () => {
  it("reads UTF-8 (with a BOM) and GBK alike", async () => {
    const rows = [[`zhang.san@${t.domain.name}`, "张三", "销售部/华东区", "1024", "13800138000", "Welcome#2026"]];
    const utf8 = await upload(t, csvFile(rows, { bom: true }));
    const gbk = await upload(t, csvFile(rows, { encoding: "gbk" }));
    expect([utf8.encoding, gbk.encoding]).toEqual(["utf-8", "gb18030"]);
    for (const r of [utf8, gbk]) expect(r).toMatchObject({ status: "validated", totalRows: 1, errorRows: 0, willCreate: 1, canApply: true, needsInitialPassword: false, problems: [] });
    expect(await db.mailbox.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });

  it("lists each bad row's problems by row number and column, duplicates included", async () => {
    // An alias is an address too: a mailbox cannot take it.
    const [mailboxId] = await seedMailboxes(t, 1);
    const takenAddress = `alias.taken@${t.domain.name}`;
    await db.mailAddress.create({ data: { address: takenAddress, tenantId: t.tenant.id, domainId: t.domain.id, kind: "alias", mailboxId } });
    const mailboxes = await db.mailbox.count();
    const d = t.domain.name;
    const r = await upload(t, csvFile([[`ok1@${d}`], [`bad one@${d}`], [`ok1@${d}`], [`x@elsewhere.com`, "", "", "99999"], [`ok2@${d}`], [takenAddress]]));
    expect(r).toMatchObject({ totalRows: 6, errorRows: 4, willCreate: 2, canApply: false, needsInitialPassword: true });
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, "address", "Use only letters, digits, dots (.), hyphens (-) and underscores (_)"],
      [4, "address", `ok1@${d} is already on row 2 of this file`],
      [5, "address", "elsewhere.com is not one of your domains: add it on the domains page first"],
      [5, "quotaMb", "Quota 99999 MB is more than your plan allows (2048 MB)"],
      [7, "address", `${takenAddress} is already in use`],
    ]);
    expect(await db.mailbox.count()).toBe(mailboxes);
  });

  it("checks the seats for the whole file", async () => {
    const small = await createConsoleTenant({ seats: 3 });
    await seedMailboxes(small, 1);
    const r = await upload(small, csvFile([1, 2, 3].map((i) => [`n${i}@${small.domain.name}`])));
    expect(r.canApply).toBe(false);
    expect(r.fileProblems).toEqual(["This file would create 3 mailboxes but only 2 of your 3 paid seats are free: add seats on the billing page or remove rows"]);
  });

  it("refuses a tenant without paid seats", async () => {
    const none = await createConsoleTenant({ seats: 0 });
    const e = await upload(none, csvFile([[`a@${none.domain.name}`]])).catch((error: DomainError) => error);
    expect(e).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("No seats are paid for yet") });
  });

  it("records one operation-log event per upload", async () => {
    const r = await upload(t, csvFile([[`audit1@${t.domain.name}`]]), "审计.csv");
    const events = await db.auditEvent.findMany({ where: { action: "import.upload", targetId: r.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ fileName: "审计.csv", rows: 1, errorRows: 0, willCreate: 1 });
  });
});
