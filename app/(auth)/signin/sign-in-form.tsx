"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { getSession, signIn } from "next-auth/react";
import { Alert, Button, Card, Form, Input, Tabs, Typography } from "antd";
import { LockOutlined, MailOutlined } from "@ant-design/icons";
import type { SessionUser } from "@/server/auth/session-user";
import { landingPath } from "@/app/_lib/landing-path";

type Fields = { email: string; password: string };
/** Who is signing in: an account (admin, reseller, operator) or a mailbox user (self-service). */
export type SignInKind = "account" | "mailbox";
// The next-auth credentials provider of each kind (server/auth/options.ts).
const PROVIDER: Record<SignInKind, string> = { account: "credentials", mailbox: "mailbox" };

/**
 * E-mail + password, for an account or a mailbox user (tabs: the same address can be both, so
 * the page cannot guess). Every failed attempt shows the same message whatever went wrong, so
 * the page never tells which addresses have an account.
 */
export function SignInForm({ callbackUrl, failed, initialKind = "account" }: { callbackUrl: string | null; failed: boolean; initialKind?: SignInKind }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [form] = Form.useForm<Fields>();
  const [kind, setKind] = useState<SignInKind>(initialKind);
  const badCredentials = kind === "mailbox" ? t("badMailboxCredentials") : t("badCredentials");
  const [error, setError] = useState<string | null>(failed ? badCredentials : null);
  const [busy, setBusy] = useState(false);

  async function submit({ email, password }: Fields) {
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(PROVIDER[kind], { redirect: false, email: email.trim(), password });
      if (!result?.ok) {
        // 401 CredentialsSignin is a refusal; anything else (5xx, network) is a failure to try.
        setError(result?.error === "CredentialsSignin" || result?.status === 401 ? badCredentials : t("failed"));
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
      <Tabs
        activeKey={kind}
        onChange={(key) => {
          setKind(key as SignInKind);
          setError(null);
        }}
        items={[
          { key: "account", label: t("asAdmin") },
          { key: "mailbox", label: t("asMailbox") },
        ]}
      />
      <Typography.Paragraph type="secondary">{kind === "mailbox" ? t("mailboxSubtitle") : t("subtitle")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={busy}>
        <Form.Item
          name="email"
          label={kind === "mailbox" ? t("address") : t("email")}
          rules={[
            { required: true, whitespace: true, message: kind === "mailbox" ? t("addressRequired") : t("emailRequired") },
            { type: "email", message: t("emailInvalid") },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" placeholder={kind === "mailbox" ? t("addressPlaceholder") : t("emailPlaceholder")} autoFocus />
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
