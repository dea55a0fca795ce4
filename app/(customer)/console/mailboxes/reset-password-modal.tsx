"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Alert, Form, Modal } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { MailboxView } from "@/server/tenants/mailboxes/mailbox-view";
import { PasswordField } from "./password-field";
import { useMailboxesForm } from "./use-mailboxes-form";

/** 重置密码: a new password the user must change at the next sign-in. */
export function ResetPasswordModal({ mailbox, onClose }: { mailbox: MailboxView; onClose: () => void }) {
  const t = useTranslations("mailboxes");
  const trpc = useTRPC();
  const { form, message, refresh, placeErrors } = useMailboxesForm<{ password: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const reset = useMutation(
    trpc.tenants.mailboxes.resetPassword.mutationOptions({
      onSuccess: () => {
        message.success(t("reset.done", { address: mailbox.address }));
        refresh();
        onClose();
      },
      onError: (error) => setFormError(placeErrors(error)),
    }),
  );
  const title = t("reset.title", { address: mailbox.address });
  return (
    <Modal open title={title} okText={t("reset.submit")} cancelText={t("form.cancel")} onCancel={onClose} onOk={() => form.submit()} confirmLoading={reset.isPending}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="reset-password" aria-label={title} onFinish={({ password }) => reset.mutate({ mailboxId: mailbox.id, password })}>
        <PasswordField form={form} />
      </Form>
    </Modal>
  );
}
