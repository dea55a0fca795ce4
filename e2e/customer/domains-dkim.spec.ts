import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { addDomainAndOpen, checkNow, confirmButton, fill, openDomains, openStep, publishUntilGreen, step, stepPanel, uniqueDomain } from "../fixtures/domains";
import { signInAs, zh } from "../fixtures/session";

const t = zh.domains;

/** The customer's DKIM key card. */
const keyCard = (page: Page) => page.locator(".ant-card").filter({ has: page.getByText(t.dkimKeys.title, { exact: true }) });

/** The row of one selector (exactly: ms202611 must not match ms202611-2). */
const byCode = (scope: Locator, page: Page, selector: string) => scope.filter({ has: page.locator("code").getByText(selector, { exact: true }) });
const keyRow = (page: Page, selector: string) => byCode(keyCard(page).getByRole("row"), page, selector);

/** The DKIM step's record row publishing one selector. */
const dkimRecord = (page: Page, selector: string) => stepPanel(page, "dkim").getByRole("row").filter({ hasText: `${selector}._domainkey` });

/** The selectors shown in the key card, in table order. */
const selectors = (page: Page) => keyCard(page).getByTestId("dkim-key").locator("code").allTextContents();

test("a customer rotates a domain's DKIM key, publishes and verifies the new one; an operator retires the old one", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await openDomains(page);
  const name = uniqueDomain("dkim");
  await addDomainAndOpen(page, name);
  await publishUntilGreen(page);

  // One key, active and signing.
  await expect(keyCard(page).getByTestId("dkim-key")).toHaveCount(1);
  const [oldSelector] = await selectors(page);
  expect(oldSelector).toMatch(/^ms\d{6}(-\d+)?$/);
  await expect(keyRow(page, oldSelector!)).toContainText(t.dkimKeys.status.active);
  await expect(keyRow(page, oldSelector!)).toContainText(t.dkimKeys.signing);

  // Rotate: a new pending key under a new selector, whose TXT record joins the DKIM step.
  await keyCard(page).getByRole("button", { name: t.dkimKeys.rotate }).click();
  await expect(page.getByText(t.dkimKeys.rotated)).toBeVisible();
  await expect(keyCard(page).getByTestId("dkim-key")).toHaveCount(2);
  const newSelector = (await selectors(page)).find((s) => s !== oldSelector)!;
  await expect(keyRow(page, newSelector)).toContainText(t.dkimKeys.status.pending);
  await expect(keyRow(page, newSelector)).not.toContainText(t.dkimKeys.signing);
  await expect(keyRow(page, oldSelector!)).toContainText(t.dkimKeys.signing); // still signs until the new one verifies
  const newRecord = dkimRecord(page, newSelector);
  await expect(newRecord).toContainText("v=DKIM1; k=rsa; p=");
  // Not checked yet, or already found missing by the e2e server's background re-verification.
  await expect(newRecord.getByTestId("check-status")).toHaveAttribute("data-status", /^(none|missing)$/);
  await expect(newRecord.getByTestId("record-key-status")).toHaveText(t.dkimKeys.status.pending);
  await expect(dkimRecord(page, oldSelector!).getByTestId("check-status")).toHaveAttribute("data-status", "ok");

  // A second rotation while one is pending: the server's refusal, naming the pending selector.
  await keyCard(page).getByRole("button", { name: t.dkimKeys.rotate }).click();
  const refusal = page.locator(".ant-message-error").filter({ hasText: t.dkimKeys.rotateFailed });
  await expect(refusal).toContainText(newSelector);
  await expect(keyCard(page).getByTestId("dkim-key")).toHaveCount(2);

  // Checked before it is published: the new record is missing (said so), the domain stays ready.
  await checkNow(page);
  await expect(newRecord.getByTestId("check-status")).toHaveAttribute("data-status", "missing");
  await expect(newRecord.getByTestId("diagnosis")).toContainText(newSelector);
  await expect(page.getByTestId("domain-state").first()).toHaveText(t.states.mail_ready);
  await page.screenshot({ path: "test-results/screenshots/domains-dkim-pending.png", fullPage: true });

  // Published and checked: the new key is verified and signs; the old one stays active and published.
  await expect(async () => {
    await page.getByRole("button", { name: t.sandbox.publish }).click();
    await checkNow(page);
    await expect(step(page, "dkim")).toHaveAttribute("data-status", "ok", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await openStep(page, "dkim"); // green steps start folded
  await expect(newRecord.getByTestId("check-status")).toHaveAttribute("data-status", "ok");
  await expect(newRecord.getByTestId("record-key-status")).toHaveText(t.dkimKeys.status.active + t.dkimKeys.signing);
  await expect(dkimRecord(page, oldSelector!).getByTestId("record-key-status")).toHaveText(t.dkimKeys.status.active);
  await expect(keyRow(page, newSelector)).toContainText(t.dkimKeys.status.active);
  await expect(keyRow(page, newSelector)).toContainText(t.dkimKeys.signing);
  await expect(keyRow(page, oldSelector!)).toContainText(t.dkimKeys.status.active);
  await expect(keyRow(page, oldSelector!)).not.toContainText(t.dkimKeys.signing);
  await expect(dkimRecord(page, oldSelector!).getByTestId("check-status")).toHaveAttribute("data-status", "ok");
  await page.screenshot({ path: "test-results/screenshots/domains-dkim-rotated.png", fullPage: true });

  // An operator, in another browser, finds the domain and tries the signing key first: refused.
  const opsContext = await browser.newContext();
  const ops = await opsContext.newPage();
  await signInAs(ops, demoAccount(null));
  await ops.goto("/ops/domains");
  await ops.getByPlaceholder(t.ops.searchPlaceholder).fill(name);
  await ops.getByPlaceholder(t.ops.searchPlaceholder).press("Enter");
  const row = ops.getByRole("row").filter({ hasText: name });
  await expect(row.getByTestId("dkim-key")).toHaveCount(2);
  const opsKey = (selector: string) => row.getByTestId(`ops-dkim-${selector}`);
  await opsKey(newSelector).getByRole("button", { name: t.ops.retire }).click();
  await expect(ops.getByText(fill(t.ops.retireSigningConfirm, { selector: newSelector, domain: name }))).toBeVisible();
  await confirmButton(ops).click();
  await expect(ops.locator(".ant-message-error")).toContainText(fill(t.ops.retireFailed, { selector: newSelector }));
  await expect(ops.locator(".ant-message-error")).toContainText(name); // the server's reason names the domain
  await expect(ops.locator(".ant-popconfirm")).toBeHidden();
  await ops.screenshot({ path: "test-results/screenshots/ops-dkim-retire-refused.png", fullPage: true });

  // The old key retires.
  await opsKey(oldSelector!).getByRole("button", { name: t.ops.retire }).click();
  await expect(ops.getByText(fill(t.ops.retireConfirm, { selector: oldSelector!, domain: name }))).toBeVisible();
  await confirmButton(ops).click();
  await expect(ops.getByText(fill(t.ops.retired, { selector: oldSelector!, domain: name }))).toBeVisible();
  await expect(opsKey(oldSelector!)).toContainText(t.dkimKeys.status.retired);
  await expect(opsKey(oldSelector!).getByRole("button", { name: t.ops.retire })).toHaveCount(0);
  await ops.screenshot({ path: "test-results/screenshots/ops-dkim-retired.png", fullPage: true });
  await opsContext.close();

  // The customer's page: the old key is retired and its record no longer asked for; DKIM still green.
  await page.reload();
  await expect(keyRow(page, oldSelector!)).toContainText(t.dkimKeys.status.retired);
  await openStep(page, "dkim");
  await expect(dkimRecord(page, oldSelector!)).toHaveCount(0);
  await expect(dkimRecord(page, newSelector)).toHaveCount(1);
  await checkNow(page);
  await expect(step(page, "dkim")).toHaveAttribute("data-status", "ok");
  await expect(dkimRecord(page, newSelector).getByTestId("check-status")).toHaveAttribute("data-status", "ok");
  await page.screenshot({ path: "test-results/screenshots/domains-dkim-retired.png", fullPage: true });
});
