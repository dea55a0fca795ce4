import { expect, test, type Page } from "@playwright/test";
import { addDomainAndOpen, domainRow, fill, openDomains, openStep, publishUntilGreen, STEPS, step, stepPanel, uniqueDomain } from "../fixtures/domains";
import { zh } from "../fixtures/session";

const t = zh.domains;

const aliasCard = (page: Page) => page.getByTestId("alias-domains");

test("a customer adds an alias domain from its primary's page, and the alias verifies its own records", async ({ page }) => {
  test.setTimeout(120_000);
  await openDomains(page);
  const primary = uniqueDomain("prim");
  const alias = uniqueDomain("alias");
  await addDomainAndOpen(page, primary);

  // The primary's page lists its alias domains (none yet) and offers to add one.
  const card = aliasCard(page);
  await expect(card).toContainText(t.aliases.empty);
  const form = card.getByRole("form", { name: fill(t.add.aliasTitle, { name: primary }) });
  await expect(form.getByLabel(t.add.aliasOf)).toHaveCount(0); // no choice of primary here
  await expect(card).toContainText(fill(t.count, { used: 1, limit: 5 }));

  // Bad input is refused on the field and adds nothing.
  await form.getByLabel(t.add.name, { exact: true }).fill("my alias.com");
  await form.getByRole("button", { name: t.add.submitAlias }).click();
  await expect(form.locator(".ant-form-item-explain-error")).not.toHaveCount(0);
  await expect(card).toContainText(t.aliases.empty);
  await expect(card).toContainText(fill(t.count, { used: 1, limit: 5 }));

  await form.getByLabel(t.add.name, { exact: true }).fill(alias);
  await form.getByRole("button", { name: t.add.submitAlias }).click();
  await expect(page.getByText(fill(t.add.added, { name: alias }))).toBeVisible();
  const aliasRow = card.getByTestId("alias-row").filter({ hasText: alias });
  await expect(aliasRow.getByTestId("domain-state")).toHaveText(t.states.unverified);
  await expect(card).toContainText(fill(t.count, { used: 2, limit: 5 }));
  await page.screenshot({ path: "test-results/screenshots/domains-primary-aliases.png", fullPage: true });

  // The alias's page says what an alias is and lists every record it needs, DKIM of its own included.
  await aliasRow.getByRole("link", { name: alias }).click();
  await expect(page.getByRole("heading", { name: alias })).toBeVisible();
  const explained = page.getByTestId("alias-explained");
  await expect(explained).toContainText(fill(t.aliases.receives, { alias, primary }));
  await expect(page.getByTestId("alias-domains")).toHaveCount(0); // an alias has no aliases of its own
  // Not checked yet, or already found missing by the background re-verification (every few seconds on the e2e server).
  for (const group of STEPS) await expect(step(page, group)).toHaveAttribute("data-status", /^(none|missing)$/);
  await expect(stepPanel(page, "dkim").getByRole("row").filter({ hasText: "._domainkey" })).toHaveCount(1);
  await page.screenshot({ path: "test-results/screenshots/domains-alias-wizard.png", fullPage: true });

  // Published to the sandbox and checked: every step of the alias turns green on its own records.
  await publishUntilGreen(page);
  for (const group of STEPS) await openStep(page, group); // green steps start folded
  // Every record's badge, not just the steps': 6 steps, 10 records (2 MX, 4 CNAMEs).
  await expect(page.locator("[data-testid=check-status][data-status=ok]")).toHaveCount(16);
  await expect(page.locator("[data-testid=check-status]:not([data-status=ok])")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/domains-alias-ok.png", fullPage: true });

  // Back on the primary (the alert links to it): the alias is mail-ready, the primary still unverified.
  await explained.getByRole("link", { name: primary }).click();
  await expect(page.getByRole("heading", { name: primary })).toBeVisible();
  await expect(aliasCard(page).getByTestId("alias-row").filter({ hasText: alias }).getByTestId("domain-state")).toHaveText(t.states.mail_ready);

  // The list shows the alias under its primary.
  await page.getByRole("link", { name: t.wizard.back }).click();
  const primaryRow = domainRow(page, primary);
  const aliasListRow = domainRow(page, alias);
  await expect(primaryRow).toHaveClass(/ant-table-row-level-0/);
  await expect(aliasListRow).toHaveClass(/ant-table-row-level-1/);
  await expect(aliasListRow).toContainText(primary);
  await expect(aliasListRow.getByTestId("domain-state")).toHaveText(t.states.mail_ready);
  await page.screenshot({ path: "test-results/screenshots/domains-list-tree.png", fullPage: true });
});
