"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Form, Skeleton, Typography } from "antd";
import { refusalText } from "@/app/_components/audit/trpc-error";
import { useMutationForm } from "@/app/_components/use-mutation-form";
import { CardEditor, cardValuesOf } from "@/app/(operator)/ops/resellers/_shared/card-editor";
import { CardFields, cardInput, type CardValues } from "@/app/(operator)/ops/resellers/_shared/card-fields";
import { ResellerCardPreview } from "@/app/(operator)/ops/resellers/_shared/reseller-card-preview";
import { StaffPanel } from "@/app/(operator)/ops/resellers/_shared/staff-panel";

/** The reseller maintains the card its clients see (with a live preview) and its staff accounts. */
export function ProfileEditor() {
  const t = useTranslations("resellerProfile");
  const tOps = useTranslations("resellersOps");
  const { trpc, form, whole, wholeError, succeeded } = useMutationForm<CardValues>();
  const me = useQuery(trpc.resellers.self.me.queryOptions());
  const watched = Form.useWatch([], form) as CardValues | undefined;
  const update = useMutation(
    trpc.resellers.self.updateCard.mutationOptions({ ...wholeError, onSuccess: () => succeeded(t("saved"), trpc.resellers.self.pathKey()) }),
  );

  if (me.error) return <Alert type="error" showIcon title={refusalText(tOps)(me.error)} />;
  if (!me.data) return <Skeleton active />;
  const r = me.data;
  const suspended = r.effectiveStatus === "suspended";

  return (
    <Flex vertical gap={16}>
      {suspended && <Alert type="warning" showIcon title={t("suspended")} />}
      {r.parentName && <Typography.Text type="secondary">{t("parent", { name: r.parentName })}</Typography.Text>}
      <CardEditor
        title={t("cardTitle")}
        whole={whole}
        form={
          <Form<CardValues> form={form} layout="vertical" requiredMark={false} disabled={suspended} initialValues={cardValuesOf(r)} onFinish={(v) => update.mutate(cardInput(v))}>
            <CardFields />
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t("save")}
            </Button>
          </Form>
        }
        preview={
          <>
            <ResellerCardPreview card={{ name: r.name, ...(watched ?? r) }} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t("previewHelp")}
            </Typography.Paragraph>
          </>
        }
      />
      <StaffPanel owner={{ kind: "self", readOnly: suspended }} />
    </Flex>
  );
}
