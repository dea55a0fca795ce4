import { expect, test, type Page } from "@playwright/test";
import { demoAccount, type DemoOrg } from "@/prisma/seed/demo-accounts";
import { signInAs, zh } from "../fixtures/session";
import { createMailbox, createSelfServiceTenant } from "../fixtures/self-service";

// Every page carries a Content-Security-Policy whose script nonce is fresh per response (proxy.ts).
// A page that still ran a script without it, or an inline style or image the policy forbids,
// shows up as a "Content Security Policy" message in the browser console: none may appear, on a
// few pages of each portal, and the pages must still work (render their heading, respond to input).

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (msg.text().includes("Content Security Policy")) violations.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => {
    if (error.message.includes("Content Security Policy")) violations.push(`${page.url()}: ${error.message}`);
  });
  return violations;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const csp = response!.headers()["content-security-policy"] ?? "";
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(response!.headers()["x-frame-options"], path).toBe("DENY");
  // Next's inline bootstrap script ran (it runs only with the nonce); not "networkidle": pages poll.
  await page.waitForLoadState("load");
  await page.waitForFunction(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f));
  await expect(page.locator("body")).not.toBeEmpty();
  return csp;
}

test("signed-out pages run under the CSP with a fresh nonce each time", async ({ page }) => {
  const violations = watchCsp(page);
  const first = await visit(page, "/signin");
  const second = await visit(page, "/signin");
  expect(first).not.toBe(second);
  // The sign-in form is a client component: it reacts to input only once its scripts ran.
  await page.getByLabel(zh.auth.email).fill("nobody@example.com");
  await expect(page.getByLabel(zh.auth.email)).toHaveValue("nobody@example.com");
  await visit(page, "/signin?as=mailbox");
  await visit(page, "/status");
  expect(violations).toEqual([]);
});

const PORTALS: [string, DemoOrg | null, string[]][] = [
  ["tenant admin", "directTenant", ["/console", "/console/mailboxes", "/console/domains", "/console/audit"]],
  ["reseller", "reseller", ["/reseller", "/reseller/clients"]],
  ["operator", null, ["/ops", "/ops/resellers", "/ops/plans"]],
];

for (const [who, org, paths] of PORTALS) {
  test(`the ${who}'s pages run under the CSP`, async ({ page }) => {
    const violations = watchCsp(page);
    await signInAs(page, demoAccount(org));
    for (const path of paths) await visit(page, path);
    expect(violations).toEqual([]);
  });
}

test("the mailbox user's page runs under the CSP", async ({ page }) => {
  const violations = watchCsp(page);
  const tenant = await createSelfServiceTenant();
  const mailbox = await createMailbox(tenant, "csp.check", "Initial#2026");
  await page.goto("/signin?as=mailbox");
  await page.getByLabel(zh.auth.address, { exact: true }).fill(mailbox.address);
  await page.getByLabel(zh.auth.password, { exact: true }).fill(mailbox.password);
  await page.getByRole("button", { name: zh.auth.submit }).click();
  await expect(page).toHaveURL(/\/mailbox/);
  await visit(page, "/mailbox");
  expect(violations).toEqual([]);
});
