import { expect, test } from "@playwright/test";
import { signInAs, zh } from "../fixtures/session";
import { createSelfServiceTenant } from "../fixtures/self-service";

const t = zh.consoleHome;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

test("the console home shows the plan with seat usage, the reminders, the earlier sign-in and the empty slots", async ({ page }) => {
  test.setTimeout(90_000);
  const tenant = await createSelfServiceTenant({ seats: 10, mailboxes: 9 });
  await signInAs(page, tenant.admin);
  await expect(page.getByRole("heading", { name: tenant.tenantName })).toBeVisible();

  const plan = page.getByTestId("plan-card");
  await expect(plan.getByText("E2E 标准版")).toBeVisible();
  await expect(plan.getByTestId("seat-usage")).toHaveText(fill(t.seatsUsed, { used: 9, paid: 10 }));
  await expect(plan.getByRole("progressbar", { name: t.seats })).toBeVisible();
  await expect(plan.getByText(t.notPaid)).toHaveCount(0); // a payment is in the ledger: a paid-through day shows

  const reminders = page.getByTestId("home-reminders");
  await expect(reminders.getByText(fill(t.seatsNearlyFull, { used: 9, paid: 10 }))).toBeVisible();
  await expect(reminders.getByText(/您的密码将在 (9|10) 天后/)).toBeVisible(); // set 80 days ago, valid 90: 9.99 days left
  await expect(reminders.getByText(t.noSecondFactor)).toBeVisible();
  await expect(reminders.getByRole("link", { name: t.seatsAction })).toHaveAttribute("href", "/console/billing");

  // The sign-in before this one came from 198.51.100.24, this one from the test's own address.
  await expect(page.getByTestId("login-ip-changed")).toContainText("198.51.100.24");
  await expect(page.getByTestId("login-ip-changed")).toContainText(t.loginHighlight);

  // Area 5 is there (what it lists depends on what other specs published); area 4 is the
  // platform's own card, since this customer buys directly.
  await expect(page.getByTestId("announcements")).toBeVisible();
  await expect(page.getByTestId("contact-card")).toContainText(zh.home.console.platformCard);
  await page.screenshot({ path: "test-results/screenshots/console-home.png", fullPage: true });
});
