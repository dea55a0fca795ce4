"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Form, Input, Select } from "antd";
import { useMutationForm } from "@/app/_components/use-mutation-form";
import type { ResellerDetail, ResellerStatus } from "@/server/resellers/ops/reseller.types";
import { CardEditor, cardValuesOf } from "../_shared/card-editor";
import { CardFields, cardInput, type CardValues } from "../_shared/card-fields";
import { ResellerCardPreview } from "../_shared/reseller-card-preview";

type Values = CardValues & { name: string; status: ResellerStatus; parentId: string | null };

/** The operator edits a reseller's card, status and parent (one level only: the server says why not). */
export function ProfileTab({ reseller }: { reseller: ResellerDetail }) {
  const t = useTranslations("resellersOps");
  const { trpc, form, whole, wholeError, succeeded } = useMutationForm<Values>();
  const tops = useQuery(trpc.resellers.ops.list.queryOptions({}));
  const watched = Form.useWatch([], form) as Values | undefined;
  const update = useMutation(
    trpc.resellers.ops.update.mutationOptions({ ...wholeError, onSuccess: () => succeeded(t("saved"), trpc.resellers.ops.pathKey()) }),
  );
  const parents = (tops.data ?? []).filter((p) => p.parentId === null && p.id !== reseller.id);

  return (
    <CardEditor
      whole={whole}
      preview={<ResellerCardPreview card={{ ...reseller, ...(watched ?? {}) }} />}
      form={
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ ...reseller, ...cardValuesOf(reseller), parentId: reseller.parentId }}
          onFinish={(v) => update.mutate({ resellerId: reseller.id, ...cardInput(v), name: v.name.trim(), status: v.status, parentId: v.parentId ?? null })}
        >
          <Form.Item name="name" label={t("fields.name")} rules={[{ required: true, whitespace: true, message: t("fields.nameRequired") }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="status" label={t("columns.status")}>
            <Select options={(["active", "suspended"] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
          </Form.Item>
          <Form.Item name="parentId" label={t("fields.parent")} extra={t("fields.parentHelp")}>
            <Select allowClear placeholder={t("fields.noParent")} options={parents.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <CardFields />
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t("save")}
          </Button>
        </Form>
      }
    />
  );
}
