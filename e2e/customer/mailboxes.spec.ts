import { expect, test, type Page } from "@playwright/test";
import { signInAs, zh } from "../fixtures/session";
import { createConsoleCustomer, mailboxCount, seedConsoleMailboxes, type ConsoleCustomer } from "../fixtures/console";
import { query } from "../fixtures/db";

const t = zh.mailboxes;
/** A message with its {arguments} filled in. */
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

async function openMailboxes(page: Page, customer: ConsoleCustomer) {
  await signInAs(page, customer.account);
  await page.getByRole("menuitem", { name: zh.nav.mailboxes }).click();
  await expect(page).toHaveURL(/\/console\/mailboxes$/);
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
}

const drawer = (page: Page) => page.getByRole("form", { name: t.form.createTitle });

/** Opens 新建邮箱 and fills everything but the local part: name and a generated password. */
async function startMailbox(page: Page, localPart: string) {
  await page.getByRole("button", { name: t.table.create }).click();
  const form = drawer(page);
  await form.getByLabel(t.form.localPart).fill(localPart);
  await form.getByLabel(t.form.displayName).fill("张三");
  await page.getByRole("button", { name: t.form.generate }).click();
  return form;
}

const submitMailbox = (page: Page) => page.getByRole("button", { name: t.form.create, exact: true }).click();

test("creates a department and a mailbox in it; the seat bar follows", async ({ page }) => {
  const customer = await createConsoleCustomer(3);
  await openMailboxes(page, customer);
  await expect(page.getByTestId("seat-usage")).toHaveText(fill(t.seats.usage, { used: 0, paid: 3 }));

  await page.getByRole("button", { name: t.departments.create }).click();
  await page.getByRole("form", { name: t.departments.createTitle }).getByLabel(t.departments.name).fill("销售部");
  await page.getByRole("button", { name: t.departments.ok }).click();
  await expect(page.getByText(fill(t.departments.created, { name: "销售部" }))).toBeVisible();
  await page.locator(".ant-tree").getByText("销售部", { exact: true }).click();

  await startMailbox(page, "Zhang.San");
  await submitMailbox(page);
  const address = `zhang.san@${customer.domain.name}`;
  await expect(page.getByText(fill(t.form.created, { address }))).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: address })).toContainText("销售部");
  await expect(page.getByTestId("seat-usage")).toHaveText(fill(t.seats.usage, { used: 1, paid: 3 }));
  const [row] = await query<{ name: string; mustChangePassword: number }>(
    "SELECT d.name, m.mustChangePassword FROM Mailbox m JOIN Department d ON d.id = m.departmentId WHERE m.address = ?",
    [address],
  );
  expect(row).toEqual({ name: "销售部", mustChangePassword: 1 });
  await page.screenshot({ path: "test-results/screenshots/mailboxes.png", fullPage: true });
});

test("a bad local part is refused next to the field and nothing is created", async ({ page }) => {
  const customer = await createConsoleCustomer(3);
  await openMailboxes(page, customer);
  const form = await startMailbox(page, "zhang san");
  await submitMailbox(page);
  const addressItem = form.locator(".ant-form-item").filter({ has: page.getByLabel(t.form.localPart) }).first();
  await expect(addressItem).toContainText("只能使用字母、数字、点（.）、连字符（-）和下划线（_）");
  await form.getByLabel(t.form.localPart).fill("postmaster");
  await submitMailbox(page);
  await expect(addressItem).toContainText(`"postmaster" 是系统保留名称，不能使用`);
  expect(await mailboxCount(customer.tenantId)).toBe(0);
});

test("at the seat limit the refusal is shown and nothing is created", async ({ page }) => {
  const customer = await createConsoleCustomer(2);
  await seedConsoleMailboxes(customer, 2);
  await openMailboxes(page, customer);
  await expect(page.getByText(t.seats.full)).toBeVisible();
  await startMailbox(page, "one.more");
  await submitMailbox(page);
  await expect(page.locator(".ant-drawer").getByText("已购买的 2 个席位已全部使用（2 个邮箱）：请先在“费用中心”增加席位或删除邮箱")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/mailboxes-seat-limit.png" });
  expect(await mailboxCount(customer.tenantId)).toBe(2);
});

test("adds an alias to a mailbox in the edit drawer", async ({ page }) => {
  const customer = await createConsoleCustomer(3);
  const [address] = await seedConsoleMailboxes(customer, 1, "li");
  await openMailboxes(page, customer);
  await page.getByRole("row").filter({ hasText: address! }).getByRole("button", { name: t.table.edit }).click();
  const aliases = page.getByRole("region", { name: t.aliases.title });
  await expect(aliases.getByText(fill(t.aliases.count, { used: 0, limit: customer.plan.aliasesPerMailbox }))).toBeVisible();
  await aliases.getByLabel(`${t.aliases.title} ${t.form.localPart}`).fill("Sales");
  await aliases.getByRole("button", { name: t.aliases.add }).click();
  const alias = `sales@${customer.domain.name}`;
  await expect(aliases.getByText(alias)).toBeVisible();
  await expect(aliases.getByText(fill(t.aliases.count, { used: 1, limit: customer.plan.aliasesPerMailbox }))).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/mailboxes-aliases.png" });
  const rows = await query<{ kind: string }>("SELECT kind FROM MailAddress WHERE address = ?", [alias]);
  expect(rows).toEqual([{ kind: "alias" }]);
});
