"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Space, Spin, Typography } from "antd";
import { CheckCircleFilled, CloseCircleOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { CHECKLIST_RULES, passwordMessageFor, passwordProblemsFor, type PasswordRulePolicy } from "@/server/auth/passwords/password-policy-rule";
import { toLocale } from "@/server/shared/locale";

type Fields = { currentPassword: string; newPassword: string; confirm: string };

/** Each rule of the policy, ticked once the typed password keeps it (the server's own function). */
export function RuleChecklist({ policy, accountName, value }: { policy: PasswordRulePolicy; accountName: string; value: string }) {
  const t = useTranslations("passwords");
  const locale = toLocale(useLocale());
  const problems = new Set(passwordProblemsFor(policy, value, accountName));
  return (
    <div aria-label={t("ruleChecklist")} data-testid="password-checklist" style={{ marginBottom: 16 }}>
      {CHECKLIST_RULES.map((rule) => {
        const broken = value !== "" && problems.has(rule);
        const kept = value !== "" && !broken;
        return (
          <div key={rule} data-rule={rule} data-state={kept ? "kept" : broken ? "broken" : "empty"}>
            <Space size={6}>
              {broken ? <CloseCircleOutlined style={{ color: "#cf1322" }} /> : <CheckCircleFilled style={{ color: kept ? "#389e0d" : "#bfbfbf" }} />}
              <Typography.Text type={broken ? "danger" : kept ? undefined : "secondary"}>{passwordMessageFor(policy, rule)[locale]}</Typography.Text>
            </Space>
          </div>
        );
      })}
    </div>
  );
}

/**
 * A signed-in person changes their own password: the rule of their policy next to the field,
 * ticked as they type, and the server's refusals under the fields (history is only known there).
 * Portal accounts use security.passwords.changeOwn; mailbox users their self-service change.
 */
export function ChangePasswordCard({ account = "user", onChanged, title }: { account?: "user" | "mailbox"; onChanged?: () => void; title?: string }) {
  const t = useTranslations("passwords");
  const locale = toLocale(useLocale());
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const showErrors = useTrpcFormErrors(form);
  const [whole, setWhole] = useState<string | null>(null);
  const typed = Form.useWatch("newPassword", form) ?? "";
  const rule = useQuery(account === "mailbox" ? trpc.security.passwords.mailboxRule.queryOptions() : trpc.security.passwords.rule.queryOptions());
  const handlers = {
    onMutate: () => setWhole(null),
    onSuccess: () => {
      message.success(t("changed"));
      form.resetFields();
      void rule.refetch();
      onChanged?.();
    },
    onError: (error: unknown) => setWhole(showErrors(error)),
  };
  const own = useMutation(trpc.security.passwords.changeOwn.mutationOptions(handlers));
  const mailbox = useMutation(trpc.tenants.selfService.changePassword.mutationOptions(handlers));
  const change = account === "mailbox" ? mailbox : own;

  const view = rule.data;
  const age = view?.age;
  const at = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(d);
  return (
    <Card title={title ?? t("cardTitle")} data-testid="change-password-card">
      {!view ? (
        <Spin />
      ) : (
        <>
          {age?.expiresAt ? (
            <Alert
              type={age.state === "ok" ? "info" : "warning"}
              showIcon
              style={{ marginBottom: 16 }}
              title={age.state === "expired" ? t("expiredOn", { date: at(age.expiresAt) }) : t("expiresOn", { date: at(age.expiresAt), days: age.daysLeft ?? 0 })}
            />
          ) : (
            <Typography.Paragraph type="secondary">{t("neverExpires")}</Typography.Paragraph>
          )}
          {whole && <Alert type="error" showIcon title={whole} style={{ marginBottom: 16 }} />}
          <Form<Fields>
            form={form}
            layout="vertical"
            requiredMark={false}
            disabled={change.isPending}
            style={{ maxWidth: 480 }}
            onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
          >
            <Form.Item name="currentPassword" label={t("currentPassword")} rules={[{ required: true, message: t("currentRequired") }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label={t("newPassword")}
              extra={<span data-testid="password-rule">{view.description[locale]}</span>}
              rules={[
                { required: true, message: t("newRequired") },
                { validator: (_, v: string | undefined) => (!v || passwordProblemsFor(view.policy, v, view.accountName).length === 0 ? Promise.resolve() : Promise.reject(new Error(t("brokenRules")))) },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <RuleChecklist policy={view.policy} accountName={view.accountName} value={typed} />
            <Form.Item
              name="confirm"
              label={t("confirmPassword")}
              dependencies={["newPassword"]}
              rules={[
                { required: true, message: t("confirmRequired") },
                ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error(t("mismatch")))) }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t("submit")}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
