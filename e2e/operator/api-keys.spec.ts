import { expect, test, type Page } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { signInAs, zh } from "../fixtures/session";

const t = zh.apiKeys;
const uid = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Creates a key in the dialog and returns its secret as the one-time dialog shows it. */
async function createKey(page: Page, name: string, extraScopes: string[]) {
  await page.getByRole("button", { name: t.create }).click();
  const dialog = page.getByRole("dialog", { name: t.form.createTitle });
  await dialog.getByLabel(t.form.name).fill(name);
  for (const s of extraScopes) await dialog.getByRole("checkbox", { name: new RegExp(s) }).check();
  await dialog.getByRole("button", { name: t.form.submit }).click();
  const secretDialog = page.getByRole("dialog", { name: t.secret.title });
  await expect(secretDialog.getByText(t.secret.warning)).toBeVisible();
  const secret = (await secretDialog.getByTestId("api-key-secret").innerText()).trim();
  expect(secret).toMatch(/^msk_live_[0-9a-f]{8}_[\w-]{43}$/);
  await secretDialog.getByRole("button", { name: t.secret.copied }).click();
  await expect(secretDialog).toBeHidden();
  // Shown once: the page no longer holds it anywhere.
  await expect(page.getByText(secret)).toHaveCount(0);
  return secret;
}

test("an operator creates a key, sees its secret once, uses it against /api/v1 and revokes it", async ({ page, request }) => {
  await signInAs(page, demoAccount(null));
  await page.getByRole("menuitem", { name: zh.nav.apiKeys }).click();
  await expect(page).toHaveURL(/\/ops\/api-keys$/);
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();

  const name = `WHMCS ${uid()}`;
  const secret = await createKey(page, name, ["tenants:lifecycle"]);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(secret.slice(0, 17));
  await expect(row).toContainText(t.state.active);
  await expect(row).toContainText("tenants:lifecycle");
  await page.screenshot({ path: "test-results/screenshots/ops-api-keys.png", fullPage: true });

  const auth = { authorization: `Bearer ${secret}` };
  const list = await request.get("/api/v1/tenants?pageSize=5", { headers: auth });
  expect(list.status()).toBe(200);
  const page1 = (await list.json()) as { items: { id: string; name: string }[]; total: number };
  expect(page1.total).toBeGreaterThan(0);
  expect(page1.items.length).toBeGreaterThan(0);
  const usage = await request.get(`/api/v1/tenants/${page1.items[0]!.id}/usage`, { headers: auth });
  expect(usage.status()).toBe(200);
  // A write through the proxy, cross-site headers and all: the bearer key passes the CSRF check,
  // the missing permission (tenants:write was not ticked) is what refuses it.
  const write = await request.post("/api/v1/tenants", {
    headers: { ...auth, "idempotency-key": uid(), origin: "https://billing.example", "sec-fetch-site": "cross-site" },
    data: { companyName: "e2e", adminName: "e2e", adminEmail: `e2e-${uid()}@x.test` },
  });
  expect(write.status()).toBe(403);
  expect(((await write.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);

  // The table's "last used" now shows a time instead of "never".
  await page.reload();
  await expect(row).not.toContainText(t.never);

  await row.getByRole("button", { name: t.revoke }).click();
  await page.getByRole("tooltip").getByRole("button", { name: t.revoke }).click();
  await expect(row).toContainText(t.state.revoked);
  const after = await request.get("/api/v1/tenants", { headers: auth });
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
});

test("a reseller's key reaches its own clients only", async ({ page, request }) => {
  await signInAs(page, demoAccount("reseller"));
  await page.goto("/reseller/api-keys");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  const secret = await createKey(page, `ERP ${uid()}`, []);
  const list = await request.get("/api/v1/tenants?pageSize=200", { headers: { authorization: `Bearer ${secret}` } });
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { items: { name: string; resellerId: string | null }[] };
  expect(body.items.map((i) => i.name)).toContain("星河贸易有限公司");
  expect(body.items.every((i) => i.resellerId !== null)).toBe(true);
});
