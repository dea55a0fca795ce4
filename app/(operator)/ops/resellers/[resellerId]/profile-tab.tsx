"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Form, Input, Row, Select } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { ResellerDetail, ResellerStatus } from "@/server/resellers/ops/reseller.types";
import { CardFields, cardInput, type CardValues } from "../_shared/card-fields";
import { ResellerCardPreview } from "../_shared/reseller-card-preview";

type Values = CardValues & { name: string; status: ResellerStatus; parentId: string | null };

/** The operator edits a reseller's card, status and parent (one level only: the server says why not). */
export function ProfileTab({ reseller }: { reseller: ResellerDetail }) {
  const t = useTranslations("resellersOps");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useTrpcFormErrors(form);
  const [whole, setWhole] = useState<string | null>(null);
  const tops = useQuery(trpc.resellers.ops.list.queryOptions({}));
  const watched = Form.useWatch([], form) as Values | undefined;
  const update = useMutation(
    trpc.resellers.ops.update.mutationOptions({
      onMutate: () => setWhole(null),
      onSuccess: () => {
        message.success(t("saved"));
        void queryClient.invalidateQueries({ queryKey: trpc.resellers.ops.pathKey() });
      },
      onError: (e) => setWhole(showErrors(e)),
    }),
  );
  const parents = (tops.data ?? []).filter((p) => p.parentId === null && p.id !== reseller.id);

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card>
          {whole && <Alert type="error" showIcon title={whole} style={{ marginBottom: 16 }} />}
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ ...reseller, contactName: reseller.contactName ?? "", contactPhone: reseller.contactPhone ?? "", contactEmail: reseller.contactEmail ?? "", serviceHours: reseller.serviceHours ?? "", parentId: reseller.parentId }}
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
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <ResellerCardPreview card={{ ...reseller, ...(watched ?? {}) }} />
      </Col>
    </Row>
  );
}
