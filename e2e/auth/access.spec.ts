import { expect, test } from "@playwright/test";
import superjson from "superjson";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo-accounts";
import { signInAs, zh } from "../fixtures/session";

const byRole = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

// Each role signed in, opening each other role's home: a real 403 page, and its API calls
// are refused with FORBIDDEN.
const cases = [
  { who: "tenant_admin", others: ["/ops", "/reseller", "/ops/audit"] },
  { who: "reseller", others: ["/ops", "/console", "/console/audit"] },
  { who: "operator", others: ["/console", "/reseller"] },
];

for (const { who, others } of cases) {
  test(`${who} gets 403 on other roles' pages`, async ({ page }) => {
    const account = byRole(who);
    await signInAs(page, account);
    for (const path of others) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: zh.errors.forbiddenTitle })).toBeVisible();
      await expect(page.getByRole("link", { name: zh.errors.backHome })).toHaveAttribute("href", account.home);
    }
  });
}

test("a tenant admin's call to an operator procedure is FORBIDDEN", async ({ page }) => {
  await signInAs(page, byRole("tenant_admin"));
  const input = encodeURIComponent(JSON.stringify({ 0: superjson.serialize({ page: 1, pageSize: 10 }) }));
  const res = await page.request.get(`/api/trpc/audit.list?batch=1&input=${input}`);
  expect(res.status()).toBe(403);
  const body = await res.json();
  expect(body[0].error.json.data.code).toBe("FORBIDDEN");
});

test("an anonymous API call is UNAUTHORIZED", async ({ request }) => {
  const res = await request.get("/api/trpc/me.get");
  expect(res.status()).toBe(401);
});

test("an unknown page is a translated 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: zh.errors.notFoundTitle })).toBeVisible();
});

test("health reports MariaDB and Redis", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", checks: { mariadb: { ok: true }, redis: { ok: true } } });
});
