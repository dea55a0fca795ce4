"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { getSession, signIn } from "next-auth/react";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { LockOutlined, MailOutlined } from "@ant-design/icons";
import type { SessionUser } from "@/server/auth/session-user";
import { landingPath } from "@/app/_lib/landing-path";

type Fields = { email: string; password: string };

/**
 * E-mail + password. Every failed attempt shows the same message whatever went wrong, so the
 * page never tells which e-mail addresses have an account.
 */
export function SignInForm({ callbackUrl, failed }: { callbackUrl: string | null; failed: boolean }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(failed ? t("badCredentials") : null);
  const [busy, setBusy] = useState(false);

  async function submit({ email, password }: Fields) {
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", { redirect: false, email: email.trim(), password });
      if (!result?.ok) {
        // 401 CredentialsSignin is a refusal; anything else (5xx, network) is a failure to try.
        setError(result?.error === "CredentialsSignin" || result?.status === 401 ? t("badCredentials") : t("failed"));
        form.setFieldValue("password", "");
        setBusy(false);
        return;
      }
      const user = (await getSession())?.user as SessionUser | undefined;
      if (!user?.role) throw new Error("signed in but the session has no role");
      router.replace(landingPath(user.role, callbackUrl, window.location.origin));
    } catch {
      setError(t("failed"));
      setBusy(false);
    }
  }

  return (
    <Card style={{ width: "100%", maxWidth: 400 }}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {t("title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("subtitle")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={busy}>
        <Form.Item
          name="email"
          label={t("email")}
          rules={[
            { required: true, whitespace: true, message: t("emailRequired") },
            { type: "email", message: t("emailInvalid") },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" placeholder={t("emailPlaceholder")} autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t("password")} rules={[{ required: true, message: t("passwordRequired") }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t("submit")}
        </Button>
      </Form>
    </Card>
  );
}
