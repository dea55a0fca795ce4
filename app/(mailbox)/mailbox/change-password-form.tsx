"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { passwordProblems } from "@/server/tenants/passwords/password-rule";

type Fields = { currentPassword: string; newPassword: string; confirm: string };

/** Current + new password (twice). The strength rule is the server's own, checked here as typed too. */
export function ChangePasswordForm({ address }: { address: string }) {
  const t = useTranslations("selfService");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
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
        extra={t("rule")}
        rules={[
          { required: true, message: t("newRequired") },
          { validator: (_, v: string | undefined) => (!v || passwordProblems(v, address).length === 0 ? Promise.resolve() : Promise.reject(new Error(t("tooWeak")))) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
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
