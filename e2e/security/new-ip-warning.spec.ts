import { expect, test } from "@playwright/test";
import { query } from "../fixtures/db";
import { signInAs, zh } from "../fixtures/session";
import { createAdminWithKnownNetwork, KNOWN_IP } from "../fixtures/security-login-log";

// Issue 11: a sign-in from a network the account never used is flagged in the login log and
// warned about on the home page. The e2e server trusts one proxy hop (scripts/e2e-server.sh),
// so the browser's X-Forwarded-For is the address the portal sees.
const NEW_IP = "203.0.113.50";
test.use({ extraHTTPHeaders: { "X-Forwarded-For": NEW_IP } });

test("a tenant admin signing in from a new network sees the warning on the console and the sign-in in the login log", async ({ page }) => {
  const admin = await createAdminWithKnownNetwork();
  await signInAs(page, admin);

  const warning = page.getByTestId("new-network-warning");
  await expect(warning).toContainText("203.0.113.0/24");
  await expect(warning).toContainText(zh.consoleHome.newNetworkBody);
  await expect(warning.getByRole("link", { name: zh.consoleHome.securityAction })).toHaveAttribute("href", "/console/me/security");
  await page.screenshot({ path: "test-results/screenshots/new-ip-warning.png", fullPage: true });

  const [row] = await query<{ newNetwork: number; ip: string; channel: string }>(
    "SELECT newNetwork, ip, channel FROM LoginEvent WHERE userId = ? AND result = 'success' ORDER BY id DESC LIMIT 1",
    [admin.userId],
  );
  expect(row).toMatchObject({ newNetwork: 1, ip: NEW_IP, channel: "web" });

  // The login log lists it, marked; "new networks only" leaves out the earlier known-network sign-in.
  await page.goto("/console/login-log");
  const t = zh.loginLog;
  await page.getByLabel(t.filters.account).fill(admin.email);
  await page.getByRole("checkbox", { name: t.filters.newNetworkOnly }).check();
  await page.getByRole("form", { name: t.filters.search }).getByRole("button", { name: t.filters.search }).click();
  const newRow = page.getByRole("row").filter({ hasText: NEW_IP });
  await expect(newRow).toContainText(admin.email);
  await expect(newRow.getByTestId("new-network-tag")).toBeVisible();
  await expect(newRow).toContainText(t.result.success);
  await expect(page.getByRole("row").filter({ hasText: KNOWN_IP })).toHaveCount(0);
  await expect(page.getByTestId("login-log-chart")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/login-log.png", fullPage: true });
});
