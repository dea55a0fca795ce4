import { expect, test } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { query } from "../fixtures/db";
import { en, signInAs, zh } from "../fixtures/session";

const t = zh.monitoring;
const SHOTS = "test-results/screenshots";
// scripts/e2e-server.sh sets these for the product it starts.
const TOKEN = "e2e-metrics-token-0123456789";
const ENGINE_METRICS = "http://127.0.0.1:9475/metrics";
const WORKERS_METRICS = "http://127.0.0.1:9476/metrics";
const SNAPSHOT = /\/api\/trpc\/[^?]*operations\.monitoring\.snapshot/;

test("an operator watches the platform on /ops/monitoring: dependencies, queues, mail, probes, backup, refreshed by itself", async ({ page }) => {
  const now = new Date();
  await query("INSERT INTO ProbeSample (probe, target, location, ok, latencyMs, at) VALUES ('e2e', 'e2e-monitoring', 'e2e', 1, 1500, ?), ('spam', 'e2e-monitoring', 'e2e', 1, NULL, ?)", [now, now]);
  await signInAs(page, demoAccount(null));
  await page.getByRole("menuitem", { name: zh.nav.monitoring }).click();
  await expect(page).toHaveURL(/\/ops\/monitoring$/);
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();

  const health = page.locator(".ant-card").filter({ hasText: t.sections.health });
  await expect(health.getByRole("row").filter({ hasText: t.health.names.mariadb })).toContainText(t.health.up.split(" ·")[0]!);
  await expect(health.getByRole("row").filter({ hasText: t.health.names.redis })).toContainText(t.health.up.split(" ·")[0]!);
  // The e2e product runs its own engine (scripts/e2e-server.sh): its MX listener greets.
  await expect(health.getByRole("row").filter({ hasText: t.health.names.mx })).toContainText(t.health.up.split(" ·")[0]!);
  await expect(health).toContainText(t.health.portalOk);

  await expect(page.getByRole("figure", { name: t.queues.chart })).toBeVisible();
  await expect(page.getByRole("figure", { name: t.queues.chart })).toContainText("outbound-delivery");
  await expect(page.getByRole("figure", { name: t.hours.chart })).toBeVisible();
  const probes = page.locator(".ant-card").filter({ hasText: t.sections.probes });
  await expect(probes).toContainText(t.probes.latencyP95);
  await expect(probes.getByRole("row").filter({ hasText: t.probes.names.e2e })).toContainText("%");
  await expect(page.locator(".ant-card").filter({ hasText: t.sections.backup })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ops-monitoring.png`, fullPage: true });

  // Auto-refresh: the page asks again by itself within ~15 s.
  await page.waitForResponse((r) => SNAPSHOT.test(r.url()) && r.ok(), { timeout: 25_000 });

  // Phone width: the page itself never scrolls sideways (tables and charts scroll in their cards).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  // Charts redraw at the new width a moment after the resize: poll rather than measure at once.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SHOTS}/ops-monitoring-phone.png`, fullPage: true });

  // The same page in English.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://127.0.0.1:3100" }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: en.monitoring.title })).toBeVisible();
  await expect(page.locator(".ant-card").filter({ hasText: en.monitoring.sections.health })).toContainText(en.monitoring.health.names.mariadb);
  await page.screenshot({ path: `${SHOTS}/ops-monitoring-en.png`, fullPage: true });
});

test("Prometheus reads the portal, the mail engine and the workers with the token, and nobody else does", async ({ request, page }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status()).toBe(401);
  // A page request first, so the portal's own counter has a /ops sample.
  await page.goto("/ops/monitoring");
  const res = await request.get("/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
  const text = await res.text();
  // Counted in scripts/portal-server.ts, written out by the route handler: one registry per process.
  expect(text).toMatch(/^mailstead_http_requests_total\{method="GET",status="\dxx",route="\/ops"\} [1-9]\d*$/m);
  expect(text).toContain("# TYPE mailstead_queue_jobs gauge");
  expect(text).toContain('mailstead_dependency_up{group="checks",dependency="mariadb"} 1');

  for (const url of [ENGINE_METRICS, WORKERS_METRICS]) expect((await request.get(url)).status()).toBe(401);
  const engine = await (await request.get(ENGINE_METRICS, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  expect(engine).toMatch(/^mailstead_smtp_messages_accepted_total\{listener="mx"\} \d+$/m);
  const workers = await (await request.get(WORKERS_METRICS, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  expect(workers).toMatch(/^mailstead_jobs_total\{queue="outbound-delivery",result="failed"\} \d+$/m);
});
