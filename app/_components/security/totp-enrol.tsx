"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Col, Form, Input, Row, Skeleton, Typography } from "antd";
import { useMutationForm } from "@/app/_components/use-mutation-form";

type Values = { code: string };

/**
 * Turning the second factor on: scan the QR code (or type the key), then prove it with a code.
 * Calls onEnabled with the recovery codes, which the caller shows once.
 */
export function TotpEnrol({ onEnabled, onCancel }: { onEnabled: (codes: string[]) => void; onCancel?: () => void }) {
  const t = useTranslations("accountSecurity.totp");
  const { trpc, form, onError, invalidate } = useMutationForm<Values>();
  const begin = useMutation(trpc.security.totp.beginEnrolment.mutationOptions({ onError }));
  const confirm = useMutation(
    trpc.security.totp.confirmEnrolment.mutationOptions({
      onSuccess: (r) => {
        invalidate(trpc.security.totp.pathKey());
        onEnabled(r.recoveryCodes);
      },
      onError,
    }),
  );
  const { mutate: start } = begin;
  useEffect(() => start(), [start]);

  if (begin.isError) return <Alert type="error" showIcon title={t("beginFailed")} description={begin.error.message} />;
  if (!begin.data) return <Skeleton active />;
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} md={10}>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made by the server */}
        <img src={begin.data.qrDataUrl} alt={t("qrAlt")} width={200} height={200} />
      </Col>
      <Col xs={24} md={14}>
        <Typography.Paragraph>{t("scan")}</Typography.Paragraph>
        <Typography.Paragraph>
          {t("manualKey")}
          {/* On its own line: the key's groups must not wrap apart from each other. */}
          <br />
          <Typography.Text code copyable data-testid="totp-manual-key" style={{ whiteSpace: "nowrap" }}>
            {begin.data.manualKey}
          </Typography.Text>
        </Typography.Paragraph>
        <Form<Values> name="totpConfirm" form={form} layout="vertical" onFinish={(v) => confirm.mutate({ code: v.code.trim() })}>
          <Form.Item name="code" label={t("code")} rules={[{ required: true, message: t("codeRequired") }, { pattern: /^\s*\d{6}\s*$/, message: t("codeSixDigits") }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={confirm.isPending}>
            {t("confirm")}
          </Button>
          {onCancel && (
            <Button style={{ marginLeft: 8 }} onClick={onCancel}>
              {t("cancel")}
            </Button>
          )}
        </Form>
      </Col>
    </Row>
  );
}
