import { db } from "@/server/shared/db";

type Reader = Pick<typeof db, "user" | "mailbox">;
export type AccountRef = { accountKind: "user" | "mailbox" | null; accountId: string | null };

const key = (kind: string, id: string) => `${kind}:${id}`;

/** The e-mail (portal users) or address (mailboxes) of each locked account, in two queries. */
export async function accountLabels(refs: AccountRef[], reader: Reader = db): Promise<(ref: AccountRef) => string | null> {
  const idsOf = (kind: "user" | "mailbox") => refs.filter((r) => r.accountKind === kind && r.accountId).map((r) => r.accountId!);
  const [users, mailboxes] = await Promise.all([
    reader.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, email: true } }),
    reader.mailbox.findMany({ where: { id: { in: idsOf("mailbox") } }, select: { id: true, address: true } }),
  ]);
  const names = new Map<string, string>([...users.map((u) => [key("user", u.id), u.email] as const), ...mailboxes.map((m) => [key("mailbox", m.id), m.address] as const)]);
  return (ref) => (ref.accountKind && ref.accountId ? (names.get(key(ref.accountKind, ref.accountId)) ?? null) : null);
}
