"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Form, Input, Modal, Select } from "antd";
import { useMutationForm } from "@/app/_components/use-mutation-form";
import type { ResellerOption } from "@/server/resellers/clients/client-row.types";

type Values = { companyName: string; adminName: string; adminEmail: string; timeZone: string; owner: string };

const DEFAULT_ZONE = "Asia/Shanghai";
/** Every zone the browser knows, the seeds' own first; the server checks the choice again. */
function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [DEFAULT_ZONE];
  return [DEFAULT_ZONE, ...all.filter((z) => z !== DEFAULT_ZONE)];
}

/**
 * "New client": the company and its administrator, who gets the invitation e-mail. One request id
 * per opening, so a double click or a retry after a timeout opens one client and sends one e-mail.
 * A parent reseller may place the client directly under one of its sub-resellers.
 */
export function CreateClientModal({ resellers, onClose }: { resellers: ResellerOption[]; onClose: () => void }) {
  const t = useTranslations("resellerClients.create");
  const { trpc, form, message, requestId, invalidate, onError } = useMutationForm<Values>();
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z })), []);
  const subs = resellers.filter((r) => !r.isSelf);

  const create = useMutation(
    trpc.resellers.clients.create.mutationOptions({
      onSuccess: (created) => {
        const text = t(created.invitationSent || !created.created ? "done" : "doneNoMail", { name: created.name, email: created.adminEmail });
        if (created.invitationSent || !created.created) message.success(text);
        else message.warning(text);
        invalidate(trpc.resellers.clients.pathKey());
        onClose();
      },
      // The owner field is named subResellerId on the server.
      onError,
    }),
  );

  function submit(v: Values) {
    create.mutate({
      companyName: v.companyName,
      adminName: v.adminName,
      adminEmail: v.adminEmail,
      timeZone: v.timeZone,
      subResellerId: v.owner === "self" ? null : v.owner,
      idempotencyKey: requestId,
    });
  }

  return (
    <Modal open title={t("title")} okText={t("submit")} cancelText={t("cancel")} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden>
      <Form<Values> name="createClient" form={form} layout="vertical" initialValues={{ timeZone: DEFAULT_ZONE, owner: "self" }} onFinish={submit}>
        <Form.Item name="companyName" label={t("companyName")} rules={[{ required: true, whitespace: true, message: t("companyNameRequired") }]}>
          <Input maxLength={120} autoComplete="organization" />
        </Form.Item>
        <Form.Item name="adminName" label={t("adminName")} rules={[{ required: true, whitespace: true, message: t("adminNameRequired") }]}>
          <Input maxLength={80} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="adminEmail"
          label={t("adminEmail")}
          extra={t("adminEmailHelp")}
          rules={[
            { required: true, whitespace: true, message: t("adminEmailRequired") },
            { type: "email", message: t("adminEmailInvalid") },
          ]}
        >
          <Input maxLength={254} autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item name="timeZone" label={t("timeZone")} extra={t("timeZoneHelp")}>
          <Select showSearch options={zones} />
        </Form.Item>
        {subs.length > 0 && (
          <Form.Item name="owner" label={t("owner")}>
            <Select options={[{ value: "self", label: t("ownerSelf") }, ...subs.map((r) => ({ value: r.resellerId, label: r.name }))]} />
          </Form.Item>
        )}
        {/* Server errors about the owner land here. */}
        <Form.Item name="subResellerId" hidden>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
