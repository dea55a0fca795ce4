"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { ReasonField } from "@/app/_components/reason-field";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import type { IncidentRow } from "@/server/sla/incidents/list-incidents";
import { INCIDENT_CAUSES, INCIDENT_KINDS, type IncidentCause, type IncidentKind } from "@/server/sla/incidents/incident-rules";
import { platformIso, platformText, platformWall } from "./platform-time";
import { TenantSelect } from "./tenant-select";
import { useSlaOpsForm } from "./use-sla-ops";
import { WINDOW_FIELDS, WindowField, type WindowValue } from "./window-field";

// Editing, the start is fixed and the tenant is not on the form: a refusal about either lands on the field that caused it.
const EDIT_FIELDS = { startsAt: "endsAt", tenantId: "cause" } as const;

type Values = { kind: IncidentKind; cause: IncidentCause; tenantId?: string; summary: string; reason: string; window?: WindowValue; endsAt?: Dayjs | null };

/**
 * Records an incident (incident absent) or edits one: its end (empty: still open), its cause
 * (a cause other than the platform's needs a reason: it excludes the minutes from the SLA) and
 * its summary. `closing` opens the edit with the end set to now. Times are Beijing time.
 */
export function IncidentModal({ incident, closing = false, onClose }: { incident?: IncidentRow; closing?: boolean; onClose: () => void }) {
  const t = useTranslations("opsSla.incidents");
  const { trpc, form, onError, succeeded } = useSlaOpsForm<Values>(incident ? EDIT_FIELDS : WINDOW_FIELDS);
  const [requestId] = useState(newRequestId);
  const cause = Form.useWatch("cause", form) ?? incident?.cause ?? "platform";
  const record = useMutation(trpc.sla.admin.recordIncident.mutationOptions({ onSuccess: () => succeeded(t("recorded"), onClose), onError }));
  const update = useMutation(trpc.sla.admin.updateIncident.mutationOptions({ onSuccess: () => succeeded(t("saved"), onClose), onError }));

  function submit(v: Values) {
    const common = { cause: v.cause, summary: v.summary.trim(), reason: v.reason?.trim() ?? "" };
    if (incident) return update.mutate({ id: incident.id, ...common, endsAt: v.endsAt ? platformIso(v.endsAt) : null });
    const [start, end] = v.window!;
    record.mutate({ ...common, kind: v.kind, startsAt: platformIso(start!), endsAt: end ? platformIso(end) : null, ...(v.tenantId ? { tenantId: v.tenantId } : {}), idempotencyKey: requestId });
  }

  const initialValues: Partial<Values> = incident
    ? { cause: incident.cause, summary: incident.summary, reason: incident.reason ?? "", endsAt: closing ? platformWall(new Date()) : incident.endsAt ? platformWall(incident.endsAt) : null }
    : { kind: "outage", cause: "platform", reason: "", window: [null, null] };

  return (
    <Modal
      open
      title={incident ? t(closing ? "closeTitle" : "editTitle") : t("recordTitle")}
      okText={incident ? t("save") : t("record")}
      cancelText={t("cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending || update.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values> name={incident ? "editIncident" : "recordIncident"} form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        {incident ? (
          <>
            <Typography.Paragraph>
              {t(`kind.${incident.kind}`)} · {incident.tenantName ?? t("platformWide")} · {t("startedAt", { time: platformText(incident.startsAt) })}
            </Typography.Paragraph>
            <Form.Item name="endsAt" label={t("endsAt")} extra={t("endsAtHelp")}>
              <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" maxDate={dayjs().endOf("day")} style={{ width: "100%" }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="kind" label={t("kindLabel")} extra={t("kindHelp")} rules={[{ required: true }]}>
              <Select options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
            <WindowField label={t("window")} extra={t("windowHelp")} required={t("windowRequired")} openEnd />
          </>
        )}
        <Form.Item name="cause" label={t("causeLabel")} extra={t(`causeHelp.${cause}`)} rules={[{ required: true }]}>
          <Select options={INCIDENT_CAUSES.map((c) => ({ value: c, label: t(`cause.${c}`) }))} />
        </Form.Item>
        {!incident && (
          <Form.Item name="tenantId" label={t("tenant")} extra={t("tenantHelp")} rules={[{ required: cause === "customer", message: t("tenantRequired") }]}>
            <TenantSelect placeholder={t("tenantPlaceholder")} />
          </Form.Item>
        )}
        <Form.Item name="summary" label={t("summary")} extra={t("summaryHelp")} rules={[{ required: true, whitespace: true, min: 5, max: 500, message: t("summaryLength") }]}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <ReasonField t={t} required={cause !== "platform"} />
      </Form>
    </Modal>
  );
}
