"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Alert, Form, Input, Modal } from "antd";
import type { TenantSummary } from "@/server/billing/ops/list-balances.types";
import type { LifecycleAction } from "./lifecycle-actions";
import { useBillingForm } from "./use-billing-form";

type Values = { reason: string };

/**
 * Suspend, lift a suspension, terminate or restore, always with a reason (it goes to the
 * operation log). The dialog says what the step does before the operator confirms it.
 */
export function LifecycleModal({ action, tenant, onClose }: { action: LifecycleAction; tenant: TenantSummary; onClose: () => void }) {
  const t = useTranslations("opsBilling.lifecycle");
  const { trpc, form, message, onError, refreshBilling } = useBillingForm<Values>();
  const handlers = {
    onSuccess: () => {
      message.success(t(`${action}.done`, { tenant: tenant.name }));
      refreshBilling();
      onClose();
    },
    onError,
  };
  const mutations = {
    suspend: useMutation(trpc.billing.lifecycle.suspend.mutationOptions(handlers)),
    unsuspend: useMutation(trpc.billing.lifecycle.unsuspend.mutationOptions(handlers)),
    terminate: useMutation(trpc.billing.lifecycle.terminate.mutationOptions(handlers)),
    restore: useMutation(trpc.billing.lifecycle.restore.mutationOptions(handlers)),
  };
  const mutation = mutations[action];
  const dangerous = action === "terminate" || action === "suspend";

  return (
    <Modal
      open
      title={t(`${action}.title`, { tenant: tenant.name })}
      okText={t(`${action}.submit`)}
      okButtonProps={{ danger: dangerous }}
      cancelText={t("cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Alert type={dangerous ? "warning" : "info"} showIcon title={t(`${action}.explain`)} style={{ marginBottom: 16 }} />
      <Form<Values> name="tenantLifecycle" form={form} layout="vertical" onFinish={(v) => mutation.mutate({ tenantId: tenant.tenantId, reason: v.reason.trim() })}>
        <Form.Item name="reason" label={t("reason")} extra={t("reasonHelp")} rules={[{ required: true, whitespace: true, message: t("reasonRequired") }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
