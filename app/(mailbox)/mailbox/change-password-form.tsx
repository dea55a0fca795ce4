"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { passwordProblemsFor } from "@/server/auth/passwords/password-policy-rule";
import { RuleChecklist } from "@/app/_components/security/change-password-card";
import { toLocale } from "@/server/shared/locale";

type Fields = { currentPassword: string; newPassword: string; confirm: string };

/**
 * Current + new password (twice). The strength rule is the tenant's policy, which the server
 * enforces; the same pure rule runs here as the user types, with a tick per rule.
 */
export function ChangePasswordForm({ address }: { address: string }) {
  const t = useTranslations("selfService");
  const locale = toLocale(useLocale());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const typed = Form.useWatch("newPassword", form) ?? "";
  const rule = useQuery(trpc.security.passwords.mailboxRule.queryOptions());
  const showErrors = useTrpcFormErrors(form);
  const change = useMutation(
    trpc.tenants.selfService.changePassword.mutationOptions({
      onSuccess: () => {
        message.success(t("changed"));
        form.resetFields();
        void queryClient.invalidateQueries({ queryKey: trpc.tenants.selfService.get.queryKey() });
      },
      onError: (err) => {
        const rest = showErrors(err);
        if (rest) message.error(rest);
      },
    }),
  );

  return (
    <Form<Fields> form={form} layout="vertical" requiredMark={false} disabled={change.isPending} onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}>
      <Form.Item name="currentPassword" label={t("currentPassword")} rules={[{ required: true, message: t("currentRequired") }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t("newPassword")}
        extra={rule.data ? rule.data.description[locale] : t("rule")}
        rules={[
          { required: true, message: t("newRequired") },
          {
            validator: (_, v: string | undefined) =>
              !v || !rule.data || passwordProblemsFor(rule.data.policy, v, address).length === 0 ? Promise.resolve() : Promise.reject(new Error(t("tooWeak"))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {rule.data && <RuleChecklist policy={rule.data.policy} accountName={address} value={typed} />}
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
  );
}
