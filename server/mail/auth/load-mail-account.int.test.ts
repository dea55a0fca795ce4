import { describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { addTenantDomain, createAlias, createMailbox, createMailTenant } from "../mail-test-fixtures";
import { loadMailAccount } from "./load-mail-account";

describe("loadMailAccount", () => {
  it("sends as its own address, its aliases, and their forms on the domain's alias domains", async () => {
    const t = await createMailTenant({ dailySendLimit: 700 });
    const aliasDomain = await addTenantDomain(t.tenant.id, t.domain.id);
    const other = await addTenantDomain(t.tenant.id);
    const m = await createMailbox(t, { localPart: "zhang" });
    await createAlias(m, `sales@${t.domain.name}`);
    await createAlias(m, `zs@${other.name}`, other.id);

    const loaded = await loadMailAccount(m.address);
    expect(loaded?.account.sendAs.sort()).toEqual(
      [`zhang@${t.domain.name}`, `sales@${t.domain.name}`, `zs@${other.name}`, `zhang@${aliasDomain.name}`, `sales@${aliasDomain.name}`].sort(),
    );
    expect(loaded?.account).toMatchObject({ mailboxId: m.id, tenantId: t.tenant.id, timeZone: "Asia/Shanghai", dailySendLimit: 700 });
    expect(loaded).toMatchObject({ usable: true, mustChangePassword: false });
  });

  it("is unusable when the mailbox is disabled or the tenant suspended, and null when unknown", async () => {
    const t = await createMailTenant();
    const disabled = await createMailbox(t, { status: "disabled" });
    expect((await loadMailAccount(disabled.address))?.usable).toBe(false);

    const m = await createMailbox(t);
    await db.tenant.update({ where: { id: t.tenant.id }, data: { status: "suspended" } });
    expect((await loadMailAccount(m.address))?.usable).toBe(false);
    expect(await loadMailAccount(`nobody@${t.domain.name}`)).toBeNull();
  });
});
