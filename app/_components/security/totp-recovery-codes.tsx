"use client";

import { useTranslations } from "next-intl";
import { Alert, App, Button, Space, Typography } from "antd";
import { CopyOutlined, DownloadOutlined } from "@ant-design/icons";

/** The ten recovery codes, shown once right after they are made, with copy and download. */
export function TotpRecoveryCodes({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  const t = useTranslations("accountSecurity.totp");
  const { message } = App.useApp();
  const text = codes.join("\n") + "\n";

  async function copy() {
    await navigator.clipboard.writeText(text);
    message.success(t("codesCopied"));
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: "recovery-codes.txt" });
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div data-testid="recovery-codes">
      <Alert type="warning" showIcon title={t("codesTitle")} description={t("codesBody")} style={{ marginBottom: 12 }} />
      <pre style={{ columns: 2, fontSize: 16, lineHeight: 1.8, padding: 12, background: "rgba(0,0,0,0.03)", borderRadius: 6 }}>{text}</pre>
      <Space wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t("copy")}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t("download")}
        </Button>
        <Button type="primary" onClick={onDone}>
          {doneLabel ?? t("codesSaved")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t("codesOnce")}
      </Typography.Paragraph>
    </div>
  );
}
