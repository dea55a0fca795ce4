"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Form, Input, Modal } from "antd";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import { toLocale } from "@/server/shared/locale";
import { platformIso } from "./platform-time";
import { useSlaOpsForm } from "./use-sla-ops";
import { WINDOW_FIELDS, WindowField, type WindowValue } from "./window-field";

type Values = { window: WindowValue; description: string };

/**
 * Schedules a window on Beijing time; the server creates its announcement. Announced with less
 * notice than the contract's, it is scheduled anyway and its minutes count: the server's warning
 * says so and is shown. One request id per opening, so a double click schedules once.
 */
export function ScheduleMaintenanceModal({ onClose }: { onClose: () => void }) {
  const t = useTranslations("opsSla.maintenance");
  const { trpc, form, message, onError, refreshSla } = useSlaOpsForm<Values>(WINDOW_FIELDS);
  const locale = toLocale(useLocale());
  const [requestId] = useState(newRequestId);
  const schedule = useMutation(
    trpc.sla.admin.scheduleMaintenance.mutationOptions({
      onSuccess: (result) => {
        if (result.warning) message.warning({ content: result.warning[locale], duration: 10 });
        else message.success(t("scheduled"));
        refreshSla();
        onClose();
      },
      onError,
    }),
  );

  function submit({ window: [start, end], description }: Values) {
    schedule.mutate({ startsAt: platformIso(start!), endsAt: platformIso(end!), description: description.trim(), idempotencyKey: requestId });
  }

  return (
    <Modal open title={t("scheduleTitle")} okText={t("schedule")} cancelText={t("close")} onOk={() => form.submit()} onCancel={onClose} confirmLoading={schedule.isPending} destroyOnHidden>
      <Form<Values> name="scheduleMaintenance" form={form} layout="vertical" onFinish={submit}>
        <WindowField label={t("window")} extra={t("windowHelp")} required={t("windowRequired")} />
        <Form.Item name="description" label={t("description")} extra={t("descriptionHelp")} rules={[{ required: true, whitespace: true, min: 5, max: 500, message: t("descriptionLength") }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
