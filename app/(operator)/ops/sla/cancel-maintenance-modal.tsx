"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Form, Modal, Typography } from "antd";
import { ReasonField } from "@/app/_components/reason-field";
import type { MaintenanceView } from "@/server/sla/maintenance/maintenance.types";
import { spanText } from "./platform-time";
import { useSlaOpsForm } from "./use-sla-ops";

type Values = { reason: string };

/** Cancels a window that has not begun, with a reason for the operation log; its announcement is taken down. */
export function CancelMaintenanceModal({ window, onClose }: { window: MaintenanceView; onClose: () => void }) {
  const t = useTranslations("opsSla.maintenance");
  const { trpc, form, onError, succeeded } = useSlaOpsForm<Values>();
  const when = spanText(window.startsAt, window.endsAt, "");
  const cancel = useMutation(
    trpc.sla.admin.cancelMaintenance.mutationOptions({
      onSuccess: () => succeeded(t("cancelled", { window: when }), onClose),
      onError,
    }),
  );

  return (
    <Modal
      open
      title={t("cancelTitle", { window: when })}
      okText={t("cancelSubmit")}
      okButtonProps={{ danger: true }}
      cancelText={t("close")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={cancel.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("cancelHelp")}</Typography.Paragraph>
      <Form<Values> name="cancelMaintenance" form={form} layout="vertical" initialValues={{ reason: "" }} onFinish={(v) => cancel.mutate({ id: window.id, reason: v.reason.trim() })}>
        <ReasonField t={t} />
      </Form>
    </Modal>
  );
}
