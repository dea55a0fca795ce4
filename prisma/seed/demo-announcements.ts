import type { Db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import type { SeedLog } from "./seed-demo-data";

const TITLE = "欢迎使用 Mailstead 企业邮箱";
const BODY =
  "<p>平台公告会显示在这里：例行维护、新功能和重要通知。</p>" +
  "<p>维护窗口会<strong>提前至少 24 小时</strong>公告；如有疑问，请联系您的经销商或平台客服。</p>";

/** One current platform announcement for everyone, so the demo homes show area 5 in use. Returns true when created. */
export async function seedDemoAnnouncements(db: Db, log: SeedLog): Promise<boolean> {
  const exists = await db.announcement.findFirst({ where: { scope: "platform", title: TITLE }, select: { id: true } });
  if (exists) {
    log("exists  platform announcement");
    return false;
  }
  await db.announcement.create({ data: { scope: "platform", title: TITLE, body: BODY, level: "notice", audience: "all", publishAt: clock.now() } });
  log("created platform announcement");
  return true;
}
