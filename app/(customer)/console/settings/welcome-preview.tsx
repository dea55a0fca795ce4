"use client";

import { useTranslations } from "next-intl";
import { Card, Descriptions } from "antd";
import { renderLetter, type LetterValues } from "@/server/tenants/welcome/welcome-template-rules";

/** The letter as the sample mailbox would get it, re-rendered on every keystroke (pure renderer). */
export function WelcomePreview({ subject, body, sample, tooLong }: { subject: string; body: string; sample: LetterValues; tooLong: boolean }) {
  const t = useTranslations("welcome");
  const letter = renderLetter({ subject, body: tooLong ? body.slice(0, 20_000) : body }, sample);
  return (
    <Card title={t("preview")} data-testid="welcome-preview">
      <p style={{ marginTop: 0 }}>{t("previewHint", { address: sample.address })}</p>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: "to", label: t("previewTo"), children: `${sample.displayName} <${sample.address}>` },
          { key: "subject", label: t("previewSubject"), children: <strong data-testid="preview-subject">{letter.subject}</strong> },
        ]}
      />
      <pre data-testid="preview-body" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word", fontFamily: "inherit", marginTop: 16, marginBottom: 0 }}>
        {letter.text}
      </pre>
    </Card>
  );
}
