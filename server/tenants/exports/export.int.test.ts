import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { createConsoleTenant, seedMailboxes, type ConsoleTenant } from "../tenant-test-fixtures";
import { upload, useTempDataDir } from "../imports/import-test-fixtures";
import { importTemplate } from "../imports/download-import-files";
import { parseImportFile } from "../imports/parse-import-file";
import { downloadExport } from "./download-export";

// The exports: the session's tenant's mailboxes and lists, as CSV that Excel opens (UTF-8 with
// a BOM), the mailbox file in the import's own columns so it imports again.

let t: ConsoleTenant;
beforeAll(async () => {
  await useTempDataDir();
  t = await createConsoleTenant({ seats: 10 });
  const sales = await db.department.create({ data: { tenantId: t.tenant.id, name: "销售部" } });
  const east = await db.department.create({ data: { tenantId: t.tenant.id, name: "华东区", parentId: sales.id } });
  const [a] = await seedMailboxes(t, 2, east.id);
  await db.mailbox.update({ where: { id: a! }, data: { displayName: "张三", mobile: "13800138000", status: "disabled" } });
  const aAddress = (await db.mailbox.findUniqueOrThrow({ where: { id: a! } })).address;
  await db.mailAddress.create({ data: { address: `zs@${t.domain.name}`, tenantId: t.tenant.id, domainId: t.domain.id, kind: "alias", mailboxId: a! } });
  const list = await db.mailingList.create({ data: { tenantId: t.tenant.id, domainId: t.domain.id, address: `all@${t.domain.name}`, name: "全体员工", policy: "organisation" } });
  await db.mailingListEntry.createMany({
    data: [
      { listId: list.id, role: "member", address: aAddress, mailboxId: a! },
      { listId: list.id, role: "member", address: "partner@outside.example" },
      { listId: list.id, role: "sender", address: "boss@outside.example" },
    ],
  });
});

// Read the bytes: Response.text() drops a BOM, and the BOM is what Excel needs.
const rowsOf = async (res: Response) => {
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes, { bom: true }) as string[][];
};

describe("the import template", () => {
  it("is the documented header in UTF-8 with a BOM, and reads back as every column", async () => {
    const bytes = Buffer.from(await importTemplate().arrayBuffer());
    expect(bytes.toString("utf8")).toBe("\uFEFF邮箱地址/address,姓名/display name,部门/department,容量(MB)/quota,手机/mobile,初始密码/password\n");
    const filled = Buffer.concat([bytes, Buffer.from("a@x.com,,,,,\n")]);
    expect(parseImportFile(filled)).toMatchObject({ ok: true, header: { width: 6, columns: { address: 0, displayName: 1, department: 2, quotaMb: 3, mobile: 4, password: 5 } } });
  });
});

describe("exports", () => {
  it("writes the mailboxes with department path, aliases, status and quota, in the import's columns", async () => {
    const res = await downloadExport(t.admin, "mailboxes", "zh-CN");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="mailboxes-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    const [header, ...rows] = await rowsOf(res);
    expect(header).toEqual(["邮箱地址/address", "姓名/display name", "部门/department", "容量(MB)/quota", "手机/mobile", "别名/aliases", "状态/status", "已用(MB)/used (MB)"]);
    expect(rows).toHaveLength(2);
    const zhang = rows.find((r) => r[1] === "张三")!;
    expect(zhang.slice(1)).toEqual(["张三", "销售部/华东区", "1024", "13800138000", `zs@${t.domain.name}`, "已停用", "0.0"]);
  });

  it("imports its own export again: every row exists, nothing to create", async () => {
    const text = await (await downloadExport(t.admin, "mailboxes", "en")).text();
    const again = await upload(t, Buffer.from(text, "utf8"), "export.csv");
    expect(again).toMatchObject({ errorRows: 0, willCreate: 0, willSkip: 2, canApply: true });
  });

  it("writes the lists with policy, members and named senders", async () => {
    const [header, ...rows] = await rowsOf(await downloadExport(t.admin, "lists", "en"));
    expect(header).toEqual(["List address", "Name", "Description", "Who may send", "Members", "Member addresses", "Named senders"]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(1, 5)).toEqual(["全体员工", "", "anyone in the organisation", "2"]);
    expect(rows[0]![5]!.split(";")).toContain("partner@outside.example");
    expect(rows[0]![6]).toBe("boss@outside.example");
  });

  it("another tenant exports only its own (empty) data", async () => {
    const other = await createConsoleTenant({ name: "Other" });
    const [, ...mailboxes] = await rowsOf(await downloadExport(other.admin, "mailboxes", "en"));
    const [, ...lists] = await rowsOf(await downloadExport(other.admin, "lists", "en"));
    expect([mailboxes, lists]).toEqual([[], []]);
  });
});
