"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Col, Form, InputNumber, Modal, Row, Skeleton, Tag, Typography } from "antd";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { PlanRow } from "@/server/billing/plans/plan.types";
import type { SlaTargetsView } from "@/server/sla/targets/sla-target.types";
import { useSlaOpsForm } from "../sla/use-sla-ops";
import { formBounds, kindOf, TARGET_ORDER, toTargetForm, toTargets, type TargetField, type TargetFormValues } from "./sla-target-values";
import { UnitInput } from "./unit-input";

const ALLOWANCE_UNITS = { s: 1, min: 60 } as const;

/**
 * A plan's 14 SLA promises in readable units (percent, minutes or seconds, seconds), within the
 * server's bounds; the server checks them whole (a mean above its maximum is refused under the
 * field). Says whether the plan has figures of its own or promises the contract's.
 */
export function SlaTargetsModal({ plan, onClose }: { plan: PlanRow; onClose: () => void }) {
  const t = useTranslations("opsSla.targets");
  const te = useTranslations("opsSla");
  const { trpc, form, onError, succeeded } = useSlaOpsForm<TargetFormValues>();
  const current = useQuery({ ...trpc.sla.admin.targets.queryOptions({ planId: plan.id }), staleTime: 0 });
  const error = shownError(current.error);
  const save = useMutation(
    trpc.sla.admin.updateTargets.mutationOptions({
      onSuccess: () => succeeded(t("saved", { name: plan.name }), onClose),
      onError,
    }),
  );

  return (
    <Modal
      open
      title={t("title", { name: plan.name })}
      okText={t("save")}
      cancelText={t("cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: !current.data }}
      destroyOnHidden
      width={760}
    >
      {error && <Alert type="error" showIcon title={te("errors.loadFailed")} description={readableMessage(error, te)} />}
      {!current.data && !error && <Skeleton active />}
      {current.data && (
        <TargetsForm view={current.data} form={form} onSave={(values) => save.mutate({ planId: plan.id, targets: toTargets(values) })} />
      )}
    </Modal>
  );
}

function TargetsForm({ view, form, onSave }: { view: SlaTargetsView; form: ReturnType<typeof useSlaOpsForm<TargetFormValues>>["form"]; onSave: (values: TargetFormValues) => void }) {
  const t = useTranslations("opsSla.targets");
  const { shortDateTime } = useDisplayFormat();

  const input = (field: TargetField) => {
    const kind = kindOf(field);
    if (kind === "allowance") return <UnitInput<keyof typeof ALLOWANCE_UNITS> factors={ALLOWANCE_UNITS} labels={{ s: t("units.s"), min: t("units.min") }} unitLabel={t("unit")} defaultUnit="min" />;
    return <InputNumber<number> style={{ width: "100%" }} suffix={kind === "percent" ? "%" : t("units.s")} />;
  };

  return (
    <Form<TargetFormValues> name="slaTargets" form={form} layout="vertical" initialValues={toTargetForm(view.targets)} onFinish={onSave}>
      <Typography.Paragraph>
        {view.custom ? <Tag color="blue">{t("custom")}</Tag> : <Tag>{t("contract")}</Tag>}
        <Typography.Text type="secondary">{view.custom && view.updatedAt ? t("customHelp", { time: shortDateTime(view.updatedAt) }) : t("contractHelp")}</Typography.Text>
      </Typography.Paragraph>
      <Row gutter={16}>
        {TARGET_ORDER.map((field) => {
          const { min, max } = formBounds(field);
          const unit = t(`rangeUnit.${kindOf(field)}`);
          return (
            <Col xs={24} md={12} key={field}>
              <Form.Item
                name={field}
                label={t(`fields.${field}`)}
                rules={[
                  { required: true, message: t("required") },
                  { type: "number", min, max, message: t("range", { min, max, unit }) },
                ]}
              >
                {input(field)}
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </Form>
  );
}
