import { expect, test } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { query } from "../fixtures/db";
import { createMailbox, createSelfServiceTenant } from "../fixtures/self-service";
import { signInAs, zh } from "../fixtures/session";

const t = zh.opsAlerts;
const uid = (p: string) => `${p}${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;

/** A mailbox suspended by the abuse limit, with the alert recordOutboundSpam writes. */
async function suspendedMailbox(localPart: string) {
  const tenant = await createSelfServiceTenant();
  const box = await createMailbox(tenant, localPart, "Initial#2026");
  await query("UPDATE Mailbox SET sendingSuspendedAt = NOW(3), sendingSuspendedReason = 'Outbound spam: 5 messages scored as spam within an hour (limit 5)' WHERE id = ?", [box.id]);
  await query("INSERT INTO OutboundSpamHit (mailboxId, score, at) VALUES (?, 20, NOW(3)), (?, 18, NOW(3))", [box.id, box.id]);
  const alertId = uid("e2ealert");
  await query("INSERT INTO OperatorAlert (id, kind, tenantId, mailboxId, message, details, createdAt) VALUES (?, 'outbound_spam_suspended', ?, ?, ?, ?, NOW(3))", [
    alertId,
    tenant.tenantId,
    box.id,
    `Sending suspended for ${box.address}: 5 outbound messages scored as spam within an hour (limit 5)`,
    JSON.stringify({ address: box.address, hits: 5, limit: 5, lastScore: 18.5, symbols: ["BAYES_SPAM", "GTUBE"] }),
  ]);
  return { tenant, box, alertId };
}

test("an operator sees a suspended mailbox's alert first, lifts the suspension and acknowledges another alert", async ({ page }) => {
  const a = await suspendedMailbox("spammer");
  const b = await suspendedMailbox("hijacked");
  await signInAs(page, demoAccount(null));
  await page.getByRole("menuitem", { name: zh.nav.alerts }).click();
  await expect(page).toHaveURL(/\/ops\/alerts$/);
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();

  const rowA = page.getByRole("row").filter({ hasText: a.box.address });
  await expect(rowA).toContainText(t.state.open);
  await expect(rowA).toContainText(t.kinds.outbound_spam_suspended);
  await expect(rowA).toContainText(a.tenant.tenantName);
  await expect(rowA).toContainText(t.sendingSuspended);
  await expect(rowA).toContainText("BAYES_SPAM");
  await page.screenshot({ path: "test-results/screenshots/ops-alerts.png", fullPage: true });

  // Lift: sending is back, the hits are forgotten, and the alert is handled with it.
  await rowA.getByRole("button", { name: t.lift }).click();
  await page.getByRole("tooltip").getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(`已恢复 ${a.box.address} 的发信`)).toBeVisible();
  await expect(rowA).toHaveCount(0); // the unacknowledged view no longer lists it
  const [box] = await query<{ sendingSuspendedAt: Date | null }>("SELECT sendingSuspendedAt FROM Mailbox WHERE id = ?", [a.box.id]);
  expect(box!.sendingSuspendedAt).toBeNull();
  expect(await query("SELECT id FROM OutboundSpamHit WHERE mailboxId = ?", [a.box.id])).toHaveLength(0);

  // Acknowledge only: the alert is handled, the mailbox stays suspended.
  const rowB = page.getByRole("row").filter({ hasText: b.box.address });
  await rowB.getByRole("button", { name: t.acknowledge }).click();
  await expect(page.getByText(t.acknowledged)).toBeVisible();
  await expect(rowB).toHaveCount(0);
  const [alert] = await query<{ acknowledgedBy: string | null }>("SELECT acknowledgedBy FROM OperatorAlert WHERE id = ?", [b.alertId]);
  expect(alert!.acknowledgedBy).toBe("ops@mailstead.local");

  // "All" shows both, acknowledged, after the open ones; b's mailbox is still suspended.
  await page.getByText(t.show.all, { exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: a.box.address })).toContainText(t.state.acknowledged);
  await expect(page.getByRole("row").filter({ hasText: a.box.address })).toContainText(t.sendingRestored);
  await expect(page.getByRole("row").filter({ hasText: b.box.address })).toContainText(t.sendingSuspended);
  await page.screenshot({ path: "test-results/screenshots/ops-alerts-all.png", fullPage: true });
});
