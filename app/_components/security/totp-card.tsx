"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { TotpEnrol } from "./totp-enrol";
import { TotpRecoveryCodes } from "./totp-recovery-codes";
import { TotpCodeModal } from "./totp-code-modal";

type Step = { kind: "idle" } | { kind: "enrol" } | { kind: "codes"; codes: string[] } | { kind: "modal"; action: "regenerate" | "disable" };

/**
 * The caller's second factor: status, set-up (QR, key, confirmation), the recovery codes shown
 * once, new codes, turning it off (not while the policy requires it). `onFinished` replaces the
 * "I have saved them" step (the /second-factor page continues to the portal there).
 */
export function TotpCard({ onFinished, finishLabel }: { onFinished?: () => void; finishLabel?: string }) {
  const t = useTranslations("accountSecurity.totp");
  const format = useFormatter();
  const trpc = useTRPC();
  const status = useQuery(trpc.security.totp.status.queryOptions());
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const idle = () => setStep({ kind: "idle" });

  function body() {
    if (step.kind === "enrol") return <TotpEnrol onEnabled={(codes) => setStep({ kind: "codes", codes })} onCancel={onFinished ? undefined : idle} />;
    if (step.kind === "codes") return <TotpRecoveryCodes codes={step.codes} onDone={onFinished ?? idle} doneLabel={finishLabel} />;
    if (status.isPending) return <Skeleton active />;
    if (status.isError) return <Alert type="error" showIcon title={t("loadFailed")} description={status.error.message} />;
    const s = status.data;
    return (
      <>
        <Descriptions
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            {
              key: "state",
              label: t("state"),
              children: s.enabled ? <Tag color="green">{t("on")}</Tag> : <Tag color={s.required ? "red" : "default"}>{t("off")}</Tag>,
            },
            ...(s.enabledAt ? [{ key: "since", label: t("since"), children: format.dateTime(s.enabledAt, { dateStyle: "medium", timeStyle: "short" }) }] : []),
            ...(s.enabled ? [{ key: "left", label: t("codesLeft"), children: s.recoveryCodesLeft }] : []),
          ]}
        />
        {s.required && <Alert type={s.enabled ? "info" : "warning"} showIcon title={t("required")} style={{ marginBottom: 12 }} />}
        {s.enabled && s.recoveryCodesLeft <= 2 && <Alert type="warning" showIcon title={t("fewCodes")} style={{ marginBottom: 12 }} />}
        <Space wrap>
          {!s.enabled && (
            <Button type="primary" onClick={() => setStep({ kind: "enrol" })}>
              {t("enable")}
            </Button>
          )}
          {s.enabled && <Button onClick={() => setStep({ kind: "modal", action: "regenerate" })}>{t("regenerate")}</Button>}
          {s.enabled && !s.required && (
            <Button danger onClick={() => setStep({ kind: "modal", action: "disable" })}>
              {t("disable")}
            </Button>
          )}
        </Space>
        {step.kind === "modal" && <TotpCodeModal action={step.action} onClose={idle} onCodes={(codes) => setStep({ kind: "codes", codes })} />}
      </>
    );
  }

  return (
    <Card title={t("title")} data-testid="totp-card">
      <Typography.Paragraph type="secondary">{t("intro")}</Typography.Paragraph>
      {body()}
    </Card>
  );
}
