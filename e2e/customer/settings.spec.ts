import { expect, test } from "@playwright/test";
import { query } from "../fixtures/db";
import { signInAs, zh } from "../fixtures/session";
import { createSelfServiceTenant } from "../fixtures/self-service";

const t = zh.welcome;

test("an admin edits the welcome letter with placeholders and a live preview, is refused an unknown placeholder, saves and switches it off", async ({ page }) => {
  test.setTimeout(90_000);
  const tenant = await createSelfServiceTenant();
  await signInAs(page, tenant.admin);
  await page.goto("/console/settings");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await expect(page.getByText(t.defaultInUse)).toBeVisible();
  const preview = page.getByTestId("welcome-preview");
  await expect(preview.getByTestId("preview-subject")).toHaveText(`欢迎使用 ${tenant.tenantName} 企业邮箱`);
  await expect(preview.getByTestId("preview-body")).toContainText(`已为您开通企业邮箱：zhang.wei@${tenant.domain}`);
  await page.screenshot({ path: "test-results/screenshots/settings-welcome-default.png", fullPage: true });

  // A placeholder button inserts at the caret of the subject; the preview follows as typed.
  const subject = page.getByLabel(t.subject, { exact: true });
  await subject.fill("你好，");
  await subject.click();
  await subject.press("End");
  await page.getByRole("button", { name: "{{displayName}}" }).click();
  await expect(subject).toHaveValue("你好，{{displayName}}");
  await expect(preview.getByTestId("preview-subject")).toHaveText("你好，张伟");

  // An unknown placeholder is refused, by name, before anything is saved.
  const body = page.getByLabel(t.body, { exact: true });
  // The letter's own form: the page also has the spam policy card, with its own 保存.
  const save = page.locator("form").filter({ has: body }).getByRole("button", { name: t.save });
  await body.fill("您的密码：{{password}}\n地址：{{address}}");
  await save.click();
  await expect(page.getByText(/未知的占位符 \{\{password\}\}/)).toBeVisible();
  expect(await query("SELECT tenantId FROM WelcomeTemplate WHERE tenantId = ?", [tenant.tenantId])).toHaveLength(0);
  await page.screenshot({ path: "test-results/screenshots/settings-welcome-refused.png", fullPage: true });

  await body.fill("{{displayName}}，欢迎！\n地址：{{address}}\nSMTP：{{smtpHost}}");
  await expect(preview.getByTestId("preview-body")).toContainText(`地址：zhang.wei@${tenant.domain}`);
  await save.click();
  await expect(page.getByText(t.saved)).toBeVisible();
  await expect(page.getByText(t.defaultInUse)).toHaveCount(0);
  const [row] = await query<{ subject: string; enabled: number }>("SELECT subject, enabled FROM WelcomeTemplate WHERE tenantId = ?", [tenant.tenantId]);
  expect(row).toMatchObject({ subject: "你好，{{displayName}}", enabled: 1 });

  await page.getByRole("switch", { name: t.enabled }).click();
  await expect(page.getByText(t.disabledNote)).toBeVisible();
  await save.click();
  await expect.poll(async () => (await query<{ enabled: number }>("SELECT enabled FROM WelcomeTemplate WHERE tenantId = ?", [tenant.tenantId]))[0]?.enabled).toBe(0);
  await page.reload();
  await expect(page.getByRole("switch", { name: t.enabled })).not.toBeChecked();
  await page.screenshot({ path: "test-results/screenshots/settings-welcome.png", fullPage: true });
});
