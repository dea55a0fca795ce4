"use client";

import { useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Form, Input, Result, Spin, Typography } from "antd";
import { LockOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { shownError } from "@/app/_components/audit/trpc-error";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { toLocale } from "@/server/shared/locale";

type Fields = { password: string; confirm: string };

/**
 * Checks the link, then asks for a password twice. The server applies the product's password
 * rule and says what is wrong under the field; a used, replaced or expired link gets a page
 * that says so, with the way to sign in.
 */
export function InviteForm({ token }: { token: string }) {
  const t = useTranslations("invite");
  const locale = toLocale(useLocale());
  const trpc = useTRPC();
  const [form] = Form.useForm<Fields>();
  const showErrors = useTrpcFormErrors(form);
  // Checked once: after the password is set the link is used, and a refetch would call it invalid.
  const check = useQuery({ ...trpc.invitations.check.queryOptions({ token }), retry: false, staleTime: Infinity, refetchOnWindowFocus: false });
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const accept = useMutation(trpc.invitations.accept.mutationOptions({ onMutate: () => setAcceptError(null), onError: (error) => setAcceptError(showErrors(error)) }));

  const signInLink = (
    <Link href="/signin">
      <Button type="primary">{t("goSignIn")}</Button>
    </Link>
  );

  if (accept.isSuccess) return <Result status="success" title={t("doneTitle")} subTitle={t("done", { email: accept.data.email })} extra={signInLink} />;
  if (check.isPending) return <Spin size="large" />;
  if (check.error) {
    const shown = shownError(check.error);
    return <Result status="warning" title={t("notValidTitle")} subTitle={shown?.code === "NOT_FOUND" || shown?.code === "BAD_REQUEST" ? t("notValid") : shown?.message} extra={signInLink} />;
  }
  const invitation = check.data;
  if (invitation.expired) return <Result status="warning" title={t("expiredTitle")} subTitle={t("expired")} extra={signInLink} />;

  return (
    <Card style={{ width: "100%", maxWidth: 440 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("intro", { name: invitation.name })}</Typography.Paragraph>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }} items={[
        { key: "org", label: t("organisation"), children: <span data-testid="invite-organisation">{invitation.organisation}</span> },
        { key: "email", label: t("email"), children: <span data-testid="invite-email">{invitation.email}</span> },
      ]} />
      {acceptError && <Alert type="error" showIcon title={acceptError} style={{ marginBottom: 16 }} />}
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={accept.isPending}
        onFinish={(values) => accept.mutate({ token, ...values })}
      >
        <Form.Item name="password" label={t("password")} extra={invitation.passwordRule[locale]} rules={[{ required: true, message: t("passwordRequired") }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("confirm")}
          dependencies={["password"]}
          rules={[
            { required: true, message: t("confirmRequired") },
            ({ getFieldValue }) => ({ validator: (_, value) => (!value || value === getFieldValue("password") ? Promise.resolve() : Promise.reject(new Error(t("notMatching")))) }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={accept.isPending}>
          {t("submit")}
        </Button>
      </Form>
    </Card>
  );
}
