"use client";

import { useTranslations } from "next-intl";
import { Alert, Button } from "antd";
import { ExperimentOutlined } from "@ant-design/icons";

/** Sandbox mode only: what the sandbox is, and the button that fills it with this domain's records. */
export function SandboxCard({ publishing, onPublish }: { publishing: boolean; onPublish: () => void }) {
  const t = useTranslations("domains.sandbox");
  return (
    <Alert
      type="info"
      showIcon
      icon={<ExperimentOutlined />}
      title={t("title")}
      description={t("body")}
      action={
        <Button onClick={onPublish} loading={publishing}>
          {t("publish")}
        </Button>
      }
    />
  );
}
