import { stringify } from "csv-stringify/sync";
import type { ListPolicy } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import type { Locale } from "@/server/shared/locale";
import { BOM } from "../imports/download-import-files";

// The tenant's mailing lists as CSV: one line per list, members and named senders joined by ";"
// (a list of hundreds stays one line that Excel shows in one cell).

const POLICY: Record<Locale, Record<ListPolicy, string>> = {
  "zh-CN": { anyone: "任何人", members_and_senders: "成员及指定发件人", senders_only: "仅指定发件人", organisation: "本企业内任何人" },
  en: { anyone: "anyone", members_and_senders: "members and named senders", senders_only: "named senders only", organisation: "anyone in the organisation" },
};

const HEADER: Record<Locale, string[]> = {
  "zh-CN": ["列表地址", "名称", "描述", "发信权限", "成员数", "成员", "指定发件人"],
  en: ["List address", "Name", "Description", "Who may send", "Members", "Member addresses", "Named senders"],
};

export async function exportListsCsv(tenantId: string, locale: Locale): Promise<string> {
  const lists = await db.mailingList.findMany({
    where: { tenantId },
    orderBy: { address: "asc" },
    select: { address: true, name: true, description: true, policy: true, entries: { select: { role: true, address: true }, orderBy: { address: "asc" } } },
  });
  const lines = lists.map((l) => {
    const members = l.entries.filter((e) => e.role === "member").map((e) => e.address);
    const senders = l.entries.filter((e) => e.role === "sender").map((e) => e.address);
    return [l.address, l.name, l.description ?? "", POLICY[locale][l.policy], String(members.length), members.join(";"), senders.join(";")];
  });
  return BOM + stringify([HEADER[locale], ...lines]);
}
