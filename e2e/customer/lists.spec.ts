import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs, zh } from "../fixtures/session";
import { createListsCustomer, listsOf } from "../fixtures/lists";

const t = zh.lists;
const POLICIES = ["anyone", "members_and_senders", "senders_only", "organisation"] as const;

/** The drawer whose title is `title` (the create drawer, or a list's detail drawer titled by its address). */
const drawer = (page: Page, title: string) => page.locator(".ant-drawer-open").filter({ has: page.locator(".ant-drawer-title", { hasText: title }) });

/** The n-th small add form of a members/senders section: 0 = mailbox picker, 1 = outside address. */
const addForm = (section: Locator, n: 0 | 1) => section.locator("form").nth(n);

/** A message under a field of `scope` (while antd animates an old message out, both are in the page). */
const fieldError = (scope: Locator, text: string) => scope.locator(".ant-form-item-explain-error", { hasText: text });

async function addOutside(section: Locator, address: string) {
  const form = addForm(section, 1);
  await form.getByRole("textbox").fill(address);
  await form.getByRole("button", { name: t.detail.add }).click();
}

/** Closes a drawer by its ✕ once the toasts are gone: a toast at the top centre lies over the ✕ of a wide drawer. */
async function closeDrawer(page: Page, target: Locator) {
  await expect(page.locator(".ant-message-notice")).toHaveCount(0);
  await target.locator(".ant-drawer-close").click();
  await expect(target).toHaveCount(0);
}

async function createList(page: Page, localPart: string, name: string, policy: (typeof POLICIES)[number]) {
  await page.getByRole("button", { name: t.newList }).click();
  const create = drawer(page, t.form.createTitle);
  await create.getByLabel(t.form.localPart).fill(localPart);
  await create.getByLabel(t.form.name, { exact: true }).fill(name);
  await create.getByRole("radio", { name: t.policies[policy] }).check();
  await expect(create.getByRole("radio", { name: t.policies[policy] })).toBeChecked();
  if (policy === "senders_only") await page.screenshot({ path: "test-results/screenshots/lists-create.png" });
  await create.getByRole("button", { name: t.form.create }).click();
}

test("a list with each sender policy, its members and named senders; bad addresses refused next to the field", async ({ page }) => {
  // Four lists, each created in one drawer and filled in another: 45–60 s on a loaded 2-core CI box.
  test.setTimeout(120_000);
  const customer = await createListsCustomer();
  await signInAs(page, customer.account);
  await page.getByRole("menuitem", { name: zh.nav.mailingLists }).click();
  await expect(page).toHaveURL(/\/console\/lists$/);
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await expect(page.getByText(t.table.empty)).toBeVisible();

  // A reserved address is refused under the field, and nothing is created.
  await createList(page, "postmaster", "系统", "anyone");
  const create = drawer(page, t.form.createTitle);
  await expect(fieldError(create, "系统保留名称")).toBeVisible();
  await create.getByRole("button", { name: t.form.cancel }).click();

  for (const policy of POLICIES) {
    const address = `${policy.replaceAll("_", "-")}@${customer.domain}`;
    await createList(page, policy.replaceAll("_", "-"), `列表 ${t.policies[policy]}`, policy);
    const detail = drawer(page, address);
    await expect(detail).toBeVisible();
    const members = detail.getByTestId("entries-member");
    const senders = detail.getByTestId("entries-sender");
    await addOutside(members, `partner.${policy.replaceAll("_", "-")}@outside.example`);
    await expect(members.getByRole("cell", { name: `partner.${policy.replaceAll("_", "-")}@outside.example` })).toBeVisible();
    // Named senders are shown only for the two policies that use them.
    await expect(senders).toHaveCount(policy === "members_and_senders" || policy === "senders_only" ? 1 : 0);

    if (policy === "members_and_senders") {
      // A tenant mailbox picked with the searchable select.
      await addForm(members, 0).locator(".ant-select").click();
      await page.keyboard.type("zhang");
      await page.locator(".ant-select-item-option").filter({ hasText: customer.mailbox.address }).click();
      await addForm(members, 0).getByRole("button", { name: t.detail.add }).click();
      await expect(members.getByRole("cell", { name: `${customer.mailbox.displayName} <${customer.mailbox.address}>` })).toBeVisible();

      // A bad outside address: the server's reason under the field, nothing added.
      await addOutside(members, "partner.outside.example");
      await expect(fieldError(addForm(members, 1), "请填写一个只含一个 @ 的地址，例如 name@example.com")).toBeVisible();
      // The same address twice: refused as a duplicate.
      await addOutside(members, "PARTNER.members-and-senders@outside.example");
      await expect(fieldError(addForm(members, 1), "已经是该邮件列表的成员")).toBeVisible();

      await addOutside(senders, "boss@press.example");
      await expect(senders.getByRole("cell", { name: "boss@press.example" })).toBeVisible();
      await page.screenshot({ path: "test-results/screenshots/lists-detail.png", fullPage: true });
    }
    if (policy === "senders_only") {
      await addOutside(senders, "editor@press.example");
      await expect(senders.getByRole("cell", { name: "editor@press.example" })).toBeVisible();
    }
    await closeDrawer(page, detail);
  }

  await expect(page.locator(".ant-drawer-content-wrapper:visible")).toHaveCount(0); // closed and gone, not sliding away
  const table = page.locator(".ant-table").first();
  for (const policy of POLICIES) {
    const row = table.getByRole("row").filter({ hasText: `${policy.replaceAll("_", "-")}@${customer.domain}` });
    await expect(row).toContainText(t.policies[policy]);
    await expect(row.getByRole("cell").nth(3)).toHaveText(policy === "members_and_senders" ? "2" : "1");
  }
  await page.screenshot({ path: "test-results/screenshots/lists-table.png", fullPage: true });

  // Deleting dissolves the list only.
  const anyone = table.getByRole("row").filter({ hasText: `anyone@${customer.domain}` });
  await anyone.getByRole("button", { name: t.table.delete }).click();
  await page.locator(".ant-popconfirm .ant-btn-primary").click();
  await expect(anyone).toHaveCount(0);

  expect(await listsOf(customer.tenantId)).toEqual([
    { address: `members-and-senders@${customer.domain}`, policy: "members_and_senders", members: 2, senders: 1 },
    { address: `organisation@${customer.domain}`, policy: "organisation", members: 1, senders: 0 },
    { address: `senders-only@${customer.domain}`, policy: "senders_only", members: 1, senders: 1 },
  ]);
});
