import { expect, test, type Locator, type Page } from "@playwright/test";
import { en, zh } from "../fixtures/session";
import { query } from "../fixtures/db";
import { checkNow, fill, openDomains, publishUntilGreen, step, STEPS, uniqueDomain } from "../fixtures/domains";
import { pickOption } from "../fixtures/antd";

const t = zh.domains;

/** The add form's name field and the form item around it, where the server's message lands. */
function nameField(page: Page): { input: Locator; item: Locator } {
  const form = page.getByRole("form", { name: t.add.title });
  const input = form.getByLabel(t.add.name, { exact: true });
  // `has` is matched inside each item, so the label is looked up from the page, not the form.
  return { input, item: form.locator(".ant-form-item").filter({ has: page.getByLabel(t.add.name, { exact: true }) }) };
}

test("bad domain names are refused next to the field and nothing is added", async ({ page }) => {
  await openDomains(page);
  const { input, item } = nameField(page);
  await expect(page.getByText(fill(t.count, { used: 0, limit: 5 }))).toBeVisible();

  await input.fill("my domain.com");
  await page.getByRole("button", { name: t.add.submit }).click();
  // The server's refusal, in the page's language (zh-CN).
  await expect(item.locator(".ant-form-item-explain-error")).toHaveText("域名不能包含空格");
  await page.screenshot({ path: "test-results/screenshots/domains-bad-input.png", fullPage: true });

  await input.fill("com.cn");
  await expect(item.locator(".ant-form-item-explain-error")).toHaveCount(0); // editing clears the old message
  await page.getByRole("button", { name: t.add.submit }).click();
  await expect(item.locator(".ant-form-item-explain-error")).toContainText("公共后缀");
  await expect(page.getByText(t.list.empty)).toBeVisible();
  await expect(page.getByText(fill(t.count, { used: 0, limit: 5 }))).toBeVisible();

  // In English, an internationalised name: shown in Unicode with its ASCII form below.
  await page.getByRole("button", { name: en.common.languageNames.en }).click();
  await expect(page.getByRole("heading", { name: en.domains.title })).toBeVisible();
  const idn = `测试${Date.now().toString(36)}.中国`;
  await page.getByLabel(en.domains.add.name, { exact: true }).fill(idn);
  await page.getByRole("button", { name: en.domains.add.submit }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: idn }) }); // not the alias row naming it
  await expect(row).toContainText(/xn--[a-z0-9-]+\.xn--fiqs8s/);
  await expect(row.getByTestId("domain-state")).toHaveText(en.domains.states.unverified);
  await expect(page.getByText(fill(en.domains.count, { used: 1, limit: 5 }))).toBeVisible();

  // An alias domain of it; the primary then cannot be removed first, and the page says why.
  const alias = uniqueDomain();
  await page.getByLabel(en.domains.add.name, { exact: true }).fill(alias);
  await pickOption(page, page.getByLabel(en.domains.add.aliasOf, { exact: true }), idn);
  await page.getByRole("button", { name: en.domains.add.submit }).click();
  await expect(page.getByRole("row").filter({ hasText: alias })).toContainText(idn);
  await row.getByRole("button", { name: en.domains.list.remove }).click();
  await page.getByRole("button", { name: "OK" }).click();
  await expect(page.getByText(fill(en.domains.list.removeFailed, { name: idn }))).toContainText("has alias domains");
  await expect(row).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/domains-list-en.png", fullPage: true });
  await row.getByRole("link", { name: en.domains.list.open }).click();
  await expect(page.getByRole("heading", { name: idn })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/domains-wizard-en.png", fullPage: true });
});

test("a customer adds a domain, publishes its records to the sandbox and watches every step turn green; a broken MX warns on the home page", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openDomains(page);
  const name = uniqueDomain();
  const { input } = nameField(page);
  await input.fill(`  ${name.toUpperCase()}. `); // trimmed, lower-cased, final dot dropped
  await page.getByRole("button", { name: t.add.submit }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("domain-state")).toHaveText(t.states.unverified);
  await expect(page.getByText(fill(t.count, { used: 1, limit: 5 }))).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/domains-list.png", fullPage: true });

  // The wizard: every step is "not checked" until the first check (the e2e server's background
  // re-verification may already have made it), and a check finds nothing.
  await row.getByRole("link", { name: name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  for (const group of STEPS) await expect(step(page, group)).toHaveAttribute("data-status", /^(none|missing)$/);
  await expect(page.getByText(t.sandbox.body)).toBeVisible();
  await checkNow(page);
  for (const group of STEPS) await expect(step(page, group)).toHaveAttribute("data-status", "missing");
  await expect(page.getByTestId("diagnosis").first()).toContainText(name);
  // DKIM: the whole value and its 255-character strings, each with a copy button.
  const dkimStrings = page.getByTestId("txt-strings");
  await expect(dkimStrings).toHaveCount(1);
  await expect(dkimStrings.locator(".ant-typography-copy")).toHaveCount(2);
  await page.screenshot({ path: "test-results/screenshots/domains-wizard-missing.png", fullPage: true });

  // Copy the ownership record's host: what a DNS panel wants, relative to the domain.
  const ownership = page.locator(".ant-collapse-item").filter({ has: step(page, "ownership") });
  await ownership.getByRole("button", { name: `${t.wizard.copy} ${t.wizard.host}` }).first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^_[a-z0-9-]+$/);

  await publishUntilGreen(page);
  await expect(page.getByTestId("domain-state")).toHaveText(t.states.mail_ready);
  await expect(page.getByTestId("next-state")).toHaveText(t.wizard.nextState.mail_ready);
  await page.screenshot({ path: "test-results/screenshots/domains-wizard-ok.png", fullPage: true });

  // Break the MX in the sandbox and touch nothing: the background re-verification (every few
  // seconds on the e2e server: scripts/e2e-server.sh) proves it missing twice in a row (flap
  // damping) and degrades the domain; the audit says the schedule did it.
  await query("DELETE FROM SandboxRecord WHERE name = ? AND type = 'MX'", [name]);
  await expect.poll(async () => (await query<{ state: string }>("SELECT state FROM Domain WHERE name = ?", [name]))[0]?.state, { timeout: 60_000 }).toBe("degraded");
  const [change] = await query<{ details: string | { to: string; trigger: string } }>(
    "SELECT details FROM AuditEvent WHERE action = 'domain.state_change' AND JSON_VALUE(details, '$.domain') = ? ORDER BY id DESC LIMIT 1",
    [name],
  );
  const details = typeof change!.details === "string" ? JSON.parse(change!.details) : change!.details;
  expect(details).toMatchObject({ from: "mail_ready", to: "degraded", trigger: "schedule", failingSteps: ["mx"] });
  await page.reload();
  await expect(page.getByTestId("domain-state")).toHaveText(t.states.degraded);
  await expect(step(page, "mx")).toHaveAttribute("data-status", "missing");
  await page.screenshot({ path: "test-results/screenshots/domains-wizard-degraded.png", fullPage: true });
  await page.getByRole("menuitem", { name: zh.nav.home }).click();
  const warning = page.getByTestId("mx-warning");
  await expect(warning).toContainText(t.warning.title);
  await page.screenshot({ path: "test-results/screenshots/domains-home-warning.png", fullPage: true });
  await warning.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(step(page, "mx")).toHaveAttribute("data-status", "missing");

  // Remove it: gone from the list.
  await page.getByRole("link", { name: t.wizard.back }).click();
  await row.getByRole("button", { name: t.list.remove }).click();
  await page.getByRole("button", { name: /OK|确\s?定/ }).click();
  await expect(page.getByText(fill(t.list.removed, { name }))).toBeVisible();
  await expect(row).toHaveCount(0);
});
