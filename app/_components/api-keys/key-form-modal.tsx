"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Form, Input, InputNumber, Modal } from "antd";
import { useMutationForm } from "@/app/_components/use-mutation-form";
import type { ApiKeyRow, CreatedApiKey } from "@/server/provisioning/api-keys/api-key.types";
import { scopesFor, type ApiScope } from "@/server/provisioning/api-keys/scopes";
import { ScopeCheckboxes } from "./scope-checkboxes";
import { useApiKeysRouter, type KeysPortal } from "./use-api-keys";

type Values = { name: string; scopes: ApiScope[]; expiresInDays?: number | null };

/**
 * Create a key (then its secret is shown once, by the caller) or edit one's name and
 * permissions. The server's field errors land under their fields.
 */
export function KeyFormModal({ portal, editing, onCreated, onClose }: { portal: KeysPortal; editing: ApiKeyRow | null; onCreated: (k: CreatedApiKey) => void; onClose: () => void }) {
  const t = useTranslations("apiKeys");
  const keys = useApiKeysRouter(portal);
  const { form, onError, succeeded } = useMutationForm<Values>();
  const create = useMutation(keys.create.mutationOptions({ onSuccess: (k) => (succeeded(t("created", { name: k.name }), keys.list.queryKey()), onCreated(k)), onError }));
  const update = useMutation(
    keys.update.mutationOptions({ onSuccess: (k) => (succeeded(t("updated", { name: k.name }), keys.list.queryKey()), onClose()), onError }),
  );

  const submit = (v: Values) =>
    editing
      ? update.mutate({ apiKeyId: editing.id, name: v.name, scopes: v.scopes })
      : create.mutate({ name: v.name, scopes: v.scopes, expiresInDays: v.expiresInDays ?? null });

  return (
    <Modal
      open
      title={t(editing ? "form.editTitle" : "form.createTitle")}
      okText={t(editing ? "form.save" : "form.submit")}
      cancelText={t("form.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values> name="apiKey" form={form} layout="vertical" initialValues={editing ? { name: editing.name, scopes: editing.scopes } : { scopes: ["tenants:read", "usage:read"] }} onFinish={submit}>
        <Form.Item name="name" label={t("form.name")} extra={t("form.nameHelp")} rules={[{ required: true, whitespace: true, message: t("form.nameRequired") }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="scopes" label={t("form.scopes")} rules={[{ required: true, type: "array", min: 1, message: t("form.scopesRequired") }]}>
          <ScopeCheckboxes scopes={scopesFor(editing?.ownerKind ?? portal)} />
        </Form.Item>
        {!editing && (
          <Form.Item name="expiresInDays" label={t("form.expiresInDays")} extra={t("form.expiresHelp")}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
