"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, Card, Flex, Space, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { ImportDetail } from "./import-detail";
import { ImportHistory } from "./import-history";
import { UploadCard } from "./upload-card";

/** Upload → the checked rows → apply with progress → result; the history below; exports on top. */
export function ImportsPage() {
  const t = useTranslations("imports");
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t("subtitle")}</Typography.Text>
      <Card title={t("export.title")} size="small">
        <Space wrap>
          <Button icon={<DownloadOutlined />} href="/api/tenants/exports/mailboxes">
            {t("export.mailboxes")}
          </Button>
          <Button icon={<DownloadOutlined />} href="/api/tenants/exports/lists">
            {t("export.lists")}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t("export.help")}
        </Typography.Paragraph>
      </Card>
      <UploadCard onUploaded={setOpenId} />
      {openId && <ImportDetail importId={openId} onClose={() => setOpenId(null)} />}
      <ImportHistory onOpen={setOpenId} />
    </Flex>
  );
}
