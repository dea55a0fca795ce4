"use client";

import { useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Result, Spin, Typography } from "antd";
import { LockOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { shownError } from "@/app/_components/audit/trpc-error";
import { RuleChecklist } from "@/app/_components/security/change-password-card";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { passwordProblemsFor } from "@/server/auth/passwords/password-policy-rule";
import { toLocale } from "@/server/shared/locale";

type Fields = { password: string; confirm: string };

/** The server's refusal of the link (unknown, used, expired), or the token field's for a malformed one. */
const linkProblem = (error: unknown) => {
  const shown = shownError(error);
  return shown?.fieldErrors.token?.[0] ?? shown?.message;
};

/**
 * Checks the link, then asks for the new password twice, with the account's rule ticked as it is
 * typed. An unknown, used or expired link gets a page that says which, and the way to ask again.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwords");
  const locale = toLocale(useLocale());
  const trpc = useTRPC();
  const [form] = Form.useForm<Fields>();
  const showErrors = useTrpcFormErrors(form);
  const typed = Form.useWatch("password", form) ?? "";
  // Checked once: after the password is set the link is used, and a refetch would call it invalid.
  const check = useQuery({ ...trpc.security.passwordReset.check.queryOptions({ token }), retry: false, staleTime: Infinity, refetchOnWindowFocus: false });
  const [error, setError] = useState<string | null>(null);
  const complete = useMutation(trpc.security.passwordReset.complete.mutationOptions({ onMutate: () => setError(null), onError: (e) => setError(showErrors(e)) }));

  if (complete.isSuccess) {
    const signIn = (
      <Link href="/signin">
        <Button type="primary">{t("backToSignIn")}</Button>
      </Link>
    );
    return <Result status="success" title={t("resetDoneTitle")} subTitle={t("resetDone", { email: complete.data.email })} extra={signIn} />;
  }
  if (check.isPending) return <Spin size="large" />;
  if (check.error) {
    const again = (
      <Link href="/forgot-password">
        <Button type="primary">{t("askAgain")}</Button>
      </Link>
    );
    return <Result status="warning" title={t("linkProblemTitle")} subTitle={<span data-testid="reset-link-problem">{linkProblem(check.error)}</span>} extra={again} />;
  }
  const view = check.data;
  const until = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(view.expiresAt);
  return (
    <Card style={{ width: "100%", maxWidth: 460 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("resetTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("resetFor", { email: view.email, until })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" requiredMark={false} disabled={complete.isPending} onFinish={({ password }) => complete.mutate({ token, password })}>
        <Form.Item
          name="password"
          label={t("newPassword")}
          extra={<span data-testid="password-rule">{view.rule.description[locale]}</span>}
          rules={[
            { required: true, message: t("newRequired") },
            { validator: (_, v: string | undefined) => (!v || passwordProblemsFor(view.rule.policy, v, view.rule.accountName).length === 0 ? Promise.resolve() : Promise.reject(new Error(t("brokenRules")))) },
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" autoFocus />
        </Form.Item>
        <RuleChecklist policy={view.rule.policy} accountName={view.rule.accountName} value={typed} />
        <Form.Item
          name="confirm"
          label={t("confirmPassword")}
          dependencies={["password"]}
          rules={[
            { required: true, message: t("confirmRequired") },
            ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue("password") ? Promise.resolve() : Promise.reject(new Error(t("mismatch")))) }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={complete.isPending}>
          {t("resetSubmit")}
        </Button>
      </Form>
    </Card>
  );
}
