"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Form, Input, Modal } from "antd";
import { useMutationForm } from "@/app/_components/use-mutation-form";

type Values = { code: string; password?: string };

/**
 * Confirms a change to the second factor with a current code: "regenerate" new recovery codes
 * (handed to onCodes), or "disable" it (which also asks for the password).
 */
export function TotpCodeModal({ action, onClose, onCodes }: { action: "regenerate" | "disable"; onClose: () => void; onCodes?: (codes: string[]) => void }) {
  const t = useTranslations("accountSecurity.totp");
  const { trpc, form, succeeded, onError } = useMutationForm<Values>();
  const regenerate = useMutation(
    trpc.security.totp.regenerateRecoveryCodes.mutationOptions({
      onSuccess: (r) => {
        succeeded(t("regenerated"), trpc.security.totp.pathKey());
        onCodes?.(r.recoveryCodes);
        onClose();
      },
      onError,
    }),
  );
  const disable = useMutation(
    trpc.security.totp.disable.mutationOptions({
      onSuccess: () => {
        succeeded(t("disabled"), trpc.security.totp.pathKey());
        onClose();
      },
      onError,
    }),
  );
  const pending = regenerate.isPending || disable.isPending;

  function submit(v: Values) {
    if (action === "regenerate") regenerate.mutate({ code: v.code });
    else disable.mutate({ code: v.code, password: v.password ?? "" });
  }

  return (
    <Modal
      open
      title={action === "regenerate" ? t("regenerateTitle") : t("disableTitle")}
      okText={action === "regenerate" ? t("regenerate") : t("disable")}
      okButtonProps={{ danger: action === "disable" }}
      cancelText={t("cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form<Values> name={`totp-${action}`} form={form} layout="vertical" onFinish={submit}>
        {action === "disable" && (
          <Form.Item name="password" label={t("password")} rules={[{ required: true, message: t("passwordRequired") }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        )}
        <Form.Item name="code" label={t("codeOrRecovery")} rules={[{ required: true, message: t("codeRequired") }]}>
          <Input autoComplete="one-time-code" maxLength={12} style={{ maxWidth: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
