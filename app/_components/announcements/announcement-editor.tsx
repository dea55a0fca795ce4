"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslations } from "next-intl";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { AUDIENCES, LEVELS, type ManagedAnnouncement, type Scope, type TAnnouncementInput } from "@/server/announcements/announcement.types";
import { ClientTenantsPicker, DepartmentsPicker, PlatformTenantsPicker, ResellerPicker } from "./audience-pickers";
import { RichTextEditor } from "./rich-text-editor";
import { useManageApi } from "./use-manage-api";

type When = "draft" | "now" | "scheduled";
type Values = {
  title: string;
  level: TAnnouncementInput["level"];
  audience: TAnnouncementInput["audience"];
  audienceResellerId?: string;
  targetIds?: string[];
  body: string;
  when: When;
  publishAt?: Dayjs | null;
  takeDownAt?: Dayjs | null;
};

const TIME_FORMAT = "YYYY-MM-DD HH:mm:ss";

function initialValues(editing: ManagedAnnouncement | null): Values {
  if (!editing) return { title: "", level: "notice", audience: "all", targetIds: [], body: "", when: "now", publishAt: null, takeDownAt: null };
  return {
    title: editing.title,
    level: editing.level,
    audience: editing.audience as Values["audience"],
    audienceResellerId: editing.audienceReseller?.id,
    targetIds: editing.targets.map((t) => t.id),
    body: editing.body,
    when: editing.publishAt ? "scheduled" : "draft",
    publishAt: editing.publishAt ? dayjs(editing.publishAt) : null,
    takeDownAt: editing.takeDownAt ? dayjs(editing.takeDownAt) : null,
  };
}

/**
 * Writes or edits an announcement: title, level, audience (with its reseller, tenants or
 * departments), text, and when — a draft, now, or at a set time — with an optional take-down
 * time (times in the browser's zone, sent as instants). A current one keeps its level, audience
 * and publish time (the server refuses changing them). Server refusals land under their fields.
 * One request id per opening, so a double click creates once.
 */
export function AnnouncementEditor({ scope, editing, onClose }: { scope: Scope; editing: ManagedAnnouncement | null; onClose: () => void }) {
  const t = useTranslations("announcements");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useTrpcFormErrors(form);
  const { api, refresh } = useManageApi(scope);
  const [requestId] = useState(newRequestId);
  const live = editing?.state === "current";
  const audience = Form.useWatch("audience", form);
  const when = Form.useWatch("when", form);
  const options = {
    onSuccess: () => {
      message.success(t("actions.saved"));
      refresh();
      onClose();
    },
    onError: (error: unknown) => {
      const rest = showErrors(error);
      if (rest) message.error(rest);
    },
  };
  const create = useMutation(api.create.mutationOptions(options));
  const update = useMutation(api.update.mutationOptions(options));

  function submit(v: Values) {
    const base = {
      title: v.title,
      body: v.body ?? "",
      level: v.level,
      audience: v.audience,
      audienceResellerId: v.audience === "reseller_clients" ? (v.audienceResellerId ?? null) : null,
      targetIds: v.audience === "chosen_tenants" || v.audience === "departments" ? (v.targetIds ?? []) : [],
      publishNow: !live && v.when === "now",
      // A current one sends its stored publish time back unchanged (the server refuses a move).
      publishAt: live ? editing!.publishAt!.toISOString() : v.when === "scheduled" && v.publishAt ? v.publishAt.toISOString() : null,
      takeDownAt: v.takeDownAt ? v.takeDownAt.toISOString() : null,
    };
    if (editing) update.mutate({ ...base, id: editing.id });
    else create.mutate({ ...base, idempotencyKey: requestId });
  }

  const audiences = AUDIENCES[scope];
  return (
    <Modal
      open
      width={760}
      title={editing ? t("editor.editTitle") : t("editor.createTitle")}
      okText={t("editor.save")}
      cancelText={t("editor.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {live && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("editor.liveHint")} />}
      <Form<Values> name="announcementEditor" form={form} layout="vertical" initialValues={initialValues(editing)} onFinish={submit}>
        <Form.Item name="title" label={t("editor.title")} rules={[{ required: true, whitespace: true, max: 200, message: t("editor.titleRequired") }]}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="level" label={t("editor.level")}>
          <Radio.Group disabled={live} optionType="button" options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="audience" label={t("editor.audience")}>
          <Select disabled={live} options={audiences.map((a) => ({ value: a, label: a === "all" ? t(`audienceAllOf.${scope}`) : t(`audience.${a}`) }))} />
        </Form.Item>
        {audience === "reseller_clients" && (
          <Form.Item name="audienceResellerId" label={t("editor.audienceReseller")} rules={[{ required: true, message: t("editor.audienceResellerRequired") }]}>
            <ResellerPicker placeholder={t("editor.searchReseller")} known={editing?.audienceReseller ? { value: editing.audienceReseller.id, label: editing.audienceReseller.name } : null} />
          </Form.Item>
        )}
        {audience === "chosen_tenants" && (
          <Form.Item name="targetIds" label={t("editor.tenants")} rules={[{ required: true, type: "array", min: 1, message: t("editor.tenantsRequired") }]}>
            {scope === "platform" ? (
              <PlatformTenantsPicker placeholder={t("editor.searchTenants")} known={editing?.targets.map((x) => ({ value: x.id, label: x.name }))} />
            ) : (
              <ClientTenantsPicker placeholder={t("editor.searchTenants")} />
            )}
          </Form.Item>
        )}
        {audience === "departments" && (
          <Form.Item name="targetIds" label={t("editor.departments")} extra={t("editor.departmentsHelp")} rules={[{ required: true, type: "array", min: 1, message: t("editor.departmentsRequired") }]}>
            <DepartmentsPicker placeholder={t("editor.departments")} />
          </Form.Item>
        )}
        <Form.Item name="body" label={t("editor.body")} rules={[{ required: true, message: t("editor.bodyRequired") }]}>
          <RichTextEditor ariaLabel={t("editor.body")} />
        </Form.Item>
        {!live && (
          <Form.Item name="when" label={t("editor.when")}>
            <Radio.Group
              options={[
                { value: "draft", label: t("editor.draft") },
                { value: "now", label: t("editor.now") },
                { value: "scheduled", label: t("editor.scheduled") },
              ]}
            />
          </Form.Item>
        )}
        {!live && when === "scheduled" && (
          <Form.Item name="publishAt" label={t("editor.publishAt")} rules={[{ required: true, message: t("editor.publishAtRequired") }]}>
            <DatePicker showTime format={TIME_FORMAT} style={{ width: "100%" }} />
          </Form.Item>
        )}
        <Form.Item name="takeDownAt" label={t("editor.takeDownAt")} extra={t("editor.takeDownHelp")}>
          <DatePicker showTime format={TIME_FORMAT} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
