import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import iconv from "iconv-lite";
import { TEMPLATE_HEADER } from "@/server/tenants/imports/import-columns";
import { signInAs, zh } from "../fixtures/session";
import { createImportsCustomer, mailboxesOf } from "../fixtures/imports";

const t = zh.imports;

/** A message with its {arguments} filled in. */
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

const csv = (rows: string[][]) => [TEMPLATE_HEADER, ...rows].map((r) => r.join(",")).join("\r\n") + "\r\n";

async function uploadFile(page: Page, name: string, body: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: body });
}

test("an admin imports a CSV with two bad rows, fixes them, applies it and downloads the result", async ({ page }) => {
  test.setTimeout(90_000);
  const customer = await createImportsCustomer();
  const d = customer.domain;
  await signInAs(page, customer.account);
  await page.goto("/console/imports");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();

  // Four rows, two of them bad: a space in the local part, and a quota over the plan's 2048 MB.
  const bad = csv([
    [`zhang.san@${d}`, "张三", "销售部/华东区", "1024", "13800138000", ""],
    [`li si@${d}`, "李四", "销售部/华南区", "", "", ""],
    [`wang.wu@${d}`, "王五", "研发部", "99999", "", ""],
    [`zhao.liu@${d}`, "赵六", "研发部", "", "", ""],
  ]);
  await uploadFile(page, "员工.csv", iconv.encode(bad, "gbk"));
  const detail = page.getByTestId("import-detail");
  await expect(detail.getByText(fill(t.detail.problemsTitle, { count: 2 }))).toBeVisible();
  const problems = detail.getByRole("table");
  await expect(problems.getByRole("row").filter({ hasText: "只能使用字母、数字" })).toContainText("3");
  await expect(problems.getByRole("row").filter({ hasText: "容量 99999 MB 超过套餐上限（2048 MB）" })).toContainText("4");
  await expect(detail.getByRole("button", { name: t.detail.apply })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/imports-bad-rows.png", fullPage: true });
  expect(await mailboxesOf(customer.tenantId)).toEqual([]);

  // Fixed, saved by Excel as GBK again, uploaded again: every row is valid.
  const fixed = bad.replace(`li si@${d}`, `li.si@${d}`).replace("99999", "2048");
  await uploadFile(page, "员工-修改.csv", iconv.encode(fixed, "gbk"));
  await expect(detail.getByText(t.detail.ready)).toBeVisible();
  await expect(detail).toContainText("GB18030");
  // The initial password is required for rows without one.
  await detail.getByRole("button", { name: t.detail.apply }).click();
  await expect(detail.getByText(t.detail.initialPasswordHelp).first()).toBeVisible();
  await detail.getByLabel(t.detail.initialPassword).fill("Welcome#2026");
  await detail.getByRole("button", { name: t.detail.apply }).click();

  await expect(detail.getByText(t.detail.done)).toBeVisible({ timeout: 30_000 });
  await expect(detail.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await page.waitForTimeout(500); // the bar's fill animation, for the screenshot only
  await page.screenshot({ path: "test-results/screenshots/imports-done.png", fullPage: true });
  expect(await mailboxesOf(customer.tenantId)).toEqual([`li.si@${d}`, `wang.wu@${d}`, `zhang.san@${d}`, `zhao.liu@${d}`]);

  const [download] = await Promise.all([page.waitForEvent("download"), detail.getByRole("link", { name: t.detail.result }).click()]);
  const result = await readFile((await download.path())!, "utf8");
  expect(result.startsWith("\uFEFF行号,邮箱地址,结果,说明")).toBe(true);
  expect(result.match(/已创建/g)).toHaveLength(4);

  // The history lists both: the bad file as having errors, the fixed one done.
  await expect(page.getByRole("row").filter({ hasText: "员工-修改.csv" })).toContainText(t.history.states.done);
  await expect(page.getByRole("row").filter({ hasText: /^员工\.csv/ })).toContainText(t.history.states.invalid);
});

test("the upload route refuses a 50 MB file with the limit in the message, and a caller without a session", async ({ page, playwright }) => {
  const customer = await createImportsCustomer();
  await signInAs(page, customer.account);
  const big = await page.request.post("/api/tenants/imports?name=big.csv", { data: Buffer.alloc(50 * 1024 * 1024, 0x61), headers: { "content-type": "text/csv" } });
  expect(big.status()).toBe(413);
  expect(((await big.json()) as { error: string }).error).toContain("每次导入最多 10 MB");
  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  expect((await anonymous.post("/api/tenants/imports", { data: "邮箱地址\na@b.c\n" })).status()).toBe(401);
  await anonymous.dispose();
  expect(await mailboxesOf(customer.tenantId)).toEqual([]);
});
