import { chromium } from "playwright";
const [,, email, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "zh-CN" });
page.setDefaultTimeout(240000);
const base = process.env.BASE ?? "http://127.0.0.1:3300";
await page.goto(base + "/signin");
await page.getByLabel("邮箱").first().fill(email);
await page.getByLabel("密码").first().fill("Mailstead#2026");
await page.getByRole("button", { name: "登录" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 60000 });
for (const p of paths) {
  await page.goto(base + p, { timeout: 120000 });
  await page.waitForTimeout(Number(process.env.WAIT ?? 4000));
  const name = p.replace(/[^a-z0-9]+/gi, "_");
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log(p, "->", page.url(), await page.title());
}
await browser.close();
