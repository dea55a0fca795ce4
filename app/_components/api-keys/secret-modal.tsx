"use client";

import { useTranslations } from "next-intl";
import { Alert, Button, Modal, Space, Typography } from "antd";

/**
 * The new key, shown once: only its hash is stored, so closing this loses it for good. The
 * dialog closes only through its button (no mask click), so a stray click cannot lose it.
 */
export function SecretModal({ secret, onClose }: { secret: string; onClose: () => void }) {
  const t = useTranslations("apiKeys.secret");
  return (
    <Modal
      open
      title={t("title")}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("copied")}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Alert type="warning" showIcon title={t("warning")} />
        <Typography.Text strong>{t("label")}</Typography.Text>
        <Typography.Paragraph copyable={{ text: secret }} code data-testid="api-key-secret" style={{ wordBreak: "break-all" }}>
          {secret}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t("usage")}</Typography.Text>
      </Space>
    </Modal>
  );
}
