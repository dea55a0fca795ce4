"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { getSession, signIn } from "next-auth/react";
import { Alert, Button, Card, Form, Input, Tabs, Typography } from "antd";
import { LockOutlined, MailOutlined, SafetyOutlined } from "@ant-design/icons";
import type { SessionUser } from "@/server/auth/session-user";
import { landingPath } from "@/app/_lib/landing-path";
import { ForgotPasswordLink } from "./forgot-password-link";

type Fields = { email: string; password: string };
type CodeFields = { totp: string };
/** Who is signing in: an account (admin, reseller, operator) or a mailbox user (self-service). */
export type SignInKind = "account" | "mailbox";
// The next-auth credentials provider of each kind (server/auth/options.ts).
const PROVIDER: Record<SignInKind, string> = { account: "credentials", mailbox: "mailbox" };

/**
 * E-mail + password, for an account or a mailbox user (tabs: the same address can be both, so
 * the page cannot guess), then, for an account with a second factor, a second step asking for
 * its code. A wrong password and an unknown address show the same message, so the page never
 * tells which addresses have an account; the sign-in gate's other refusals (server/auth/gate:
 * locked, IP rules, rate limit) come only after what they say is no secret to the person.
 */
export function SignInForm({ callbackUrl, failed, initialKind = "account" }: { callbackUrl: string | null; failed: boolean; initialKind?: SignInKind }) {
  const t = useTranslations("auth");
  const format = useFormatter();
  const router = useRouter();
  const [form] = Form.useForm<Fields>();
  const [codeForm] = Form.useForm<CodeFields>();
  const [kind, setKind] = useState<SignInKind>(initialKind);
  const badCredentials = kind === "mailbox" ? t("badMailboxCredentials") : t("badCredentials");
  const [error, setError] = useState<string | null>(failed ? badCredentials : null);
  const [busy, setBusy] = useState(false);
  // Set once the password was right and a second factor is asked: the second step resends both.
  const [pending, setPending] = useState<Fields | null>(null);

  /** The message for next-auth's `result.error` (server/auth/gate/authorize.ts), or null for an unexpected one. */
  function refusalText(code: string | null | undefined): string | null {
    if (code === "CredentialsSignin") return badCredentials;
    if (code === "locked" || code?.startsWith("locked:")) {
      const until = code.startsWith("locked:") ? new Date(code.slice("locked:".length)) : null;
      return until && !Number.isNaN(until.getTime())
        ? t("locked", { until: format.dateTime(until, { dateStyle: "medium", timeStyle: "short" }) })
        : t("lockedNoTime");
    }
    if (code === "ip_denied") return t("ipDenied");
    if (code === "rate_limited") return t("rateLimited");
    if (code === "second_factor_failed") return t("secondFactorFailed");
    return null;
  }

  async function attempt(fields: Fields, totp?: string) {
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(PROVIDER[kind], { redirect: false, email: fields.email.trim(), password: fields.password, ...(totp ? { totp } : {}) });
      if (!result?.ok || result.error) {
        if (result?.error === "second_factor_required") {
          setPending(fields);
        } else if (pending && result?.error === "second_factor_failed") {
          setError(refusalText(result.error));
          codeForm.setFieldValue("totp", "");
        } else {
          // A 5xx, the network, or an error the gate does not name: a failure to try again.
          setError(refusalText(result?.error) ?? t("failed"));
          // The code form is mounted (and so may be reset) only while a code is asked for.
          if (pending) codeForm.resetFields();
          setPending(null);
          form.setFieldValue("password", "");
        }
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

  const alert = error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />;

  if (pending) {
    return (
      <Card style={{ width: "100%", maxWidth: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t("secondFactorTitle")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("secondFactorHint", { email: pending.email.trim() })}</Typography.Paragraph>
        {alert}
        <Form<CodeFields> form={codeForm} layout="vertical" requiredMark={false} onFinish={({ totp }) => attempt(pending, totp.replace(/\s/g, ""))} disabled={busy}>
          <Form.Item name="totp" label={t("code")} rules={[{ required: true, whitespace: true, message: t("codeRequired") }]}>
            <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="text" maxLength={64} placeholder="123456" autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("verify")}
          </Button>
          <Button
            type="link"
            block
            style={{ marginTop: 8 }}
            onClick={() => {
              codeForm.resetFields();
              setPending(null);
              setError(null);
              form.setFieldValue("password", "");
            }}
          >
            {t("back")}
          </Button>
        </Form>
      </Card>
    );
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
      {alert}
      <Form<Fields> form={form} layout="vertical" requiredMark={false} onFinish={(fields) => attempt(fields)} disabled={busy}>
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
      <ForgotPasswordLink />
    </Card>
  );
}
