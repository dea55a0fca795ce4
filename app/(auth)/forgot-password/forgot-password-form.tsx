"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Result, Typography } from "antd";
import { MailOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";

type Fields = { email: string };

/**
 * The address of a portal account; the answer is the same whether it has one or not, so the
 * page says "if it belongs to an account". Too many requests get the server's refusal.
 */
export function ForgotPasswordForm() {
  const t = useTranslations("passwords");
  const trpc = useTRPC();
  const [form] = Form.useForm<Fields>();
  const showErrors = useTrpcFormErrors(form);
  const [error, setError] = useState<string | null>(null);
  const request = useMutation(trpc.security.passwordReset.request.mutationOptions({ onMutate: () => setError(null), onError: (e) => setError(showErrors(e)) }));
  const back = (
    <Link href="/signin">
      <Button>{t("backToSignIn")}</Button>
    </Link>
  );

  if (request.isSuccess) return <Result status="success" title={t("sentTitle")} subTitle={t("sent", { email: request.variables.email })} extra={back} />;
  return (
    <Card style={{ width: "100%", maxWidth: 420 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("forgotTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("forgotIntro")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" requiredMark={false} disabled={request.isPending} onFinish={({ email }) => request.mutate({ email })}>
        <Form.Item
          name="email"
          label={t("email")}
          rules={[
            { required: true, whitespace: true, message: t("emailRequired") },
            { type: "email", message: t("emailInvalid") },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={request.isPending}>
          {t("sendLink")}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
        {t("forgotMailboxNote")}
      </Typography.Paragraph>
      <Link href="/signin">{t("backToSignIn")}</Link>
    </Card>
  );
}
