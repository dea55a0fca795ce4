import { getTranslations } from "next-intl/server";
import { Card, Empty } from "antd";

/**
 * The announcements slot of seed 001's home. The [Resellers] issue fills it (platform and
 * reseller notices); until then it says plainly that there are none, rather than showing samples.
 */
export async function AnnouncementsCard() {
  const t = await getTranslations("consoleHome");
  return (
    <Card title={t("announcementsTitle")} data-testid="announcements">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("noAnnouncements")} />
    </Card>
  );
}
