"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Flex, Form, Row, Skeleton, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { CardFields, cardInput, type CardValues } from "@/app/(operator)/ops/resellers/_shared/card-fields";
import { ResellerCardPreview } from "@/app/(operator)/ops/resellers/_shared/reseller-card-preview";
import { StaffPanel } from "@/app/(operator)/ops/resellers/_shared/staff-panel";

/** The reseller maintains the card its clients see (with a live preview) and its staff accounts. */
export function ProfileEditor() {
  const t = useTranslations("resellerProfile");
  const tOps = useTranslations("resellersOps");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CardValues>();
  const showErrors = useTrpcFormErrors(form);
  const [whole, setWhole] = useState<string | null>(null);
  const me = useQuery(trpc.resellers.self.me.queryOptions());
  const watched = Form.useWatch([], form) as CardValues | undefined;
  const update = useMutation(
    trpc.resellers.self.updateCard.mutationOptions({
      onMutate: () => setWhole(null),
      onSuccess: () => {
        message.success(t("saved"));
        void queryClient.invalidateQueries({ queryKey: trpc.resellers.self.pathKey() });
      },
      onError: (e) => setWhole(showErrors(e)),
    }),
  );

  if (me.error) return <Alert type="error" showIcon title={refusalText(tOps)(me.error)} />;
  if (!me.data) return <Skeleton active />;
  const r = me.data;
  const suspended = r.effectiveStatus === "suspended";

  return (
    <Flex vertical gap={16}>
      {suspended && <Alert type="warning" showIcon title={t("suspended")} />}
      {r.parentName && <Typography.Text type="secondary">{t("parent", { name: r.parentName })}</Typography.Text>}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t("cardTitle")}>
            {whole && <Alert type="error" showIcon title={whole} style={{ marginBottom: 16 }} />}
            <Form<CardValues>
              form={form}
              layout="vertical"
              requiredMark={false}
              disabled={suspended}
              initialValues={{ contactName: r.contactName ?? "", contactPhone: r.contactPhone ?? "", contactEmail: r.contactEmail ?? "", logo: r.logo, serviceHours: r.serviceHours ?? "" }}
              onFinish={(v) => update.mutate(cardInput(v))}
            >
              <CardFields />
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                {t("save")}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <ResellerCardPreview card={{ name: r.name, ...(watched ?? r) }} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t("previewHelp")}
          </Typography.Paragraph>
        </Col>
      </Row>
      <StaffPanel owner={{ kind: "self", readOnly: suspended }} />
    </Flex>
  );
}
