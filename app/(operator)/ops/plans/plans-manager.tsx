"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { PlanRow } from "@/server/billing/plans/plan.types";
import { PlansTable, type PlanAction } from "./plans-table";
import { PlanFormModal } from "./plan-form-modal";
import { PriceHistoryDrawer } from "./price-history-drawer";
import { SlaTargetsModal } from "./sla-targets-modal";

/** The plans page body: the catalogue with New / Edit / Price history / SLA targets / Withdraw-Restore. */
export function PlansManager() {
  const t = useTranslations("plans");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  // undefined: no form open; null: the "New plan" form; a plan: its edit form.
  const [editing, setEditing] = useState<PlanRow | null | undefined>(undefined);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [targetsOf, setTargetsOf] = useState<PlanRow | null>(null);

  const list = useQuery(trpc.billing.plans.list.queryOptions());
  const listError = shownError(list.error);
  const toggle = useMutation(
    trpc.billing.plans.update.mutationOptions({
      onSuccess: (plan) => {
        message.success(t(plan.active ? "restored" : "withdrawn", { name: plan.name }));
        void queryClient.invalidateQueries({ queryKey: trpc.billing.plans.pathKey() });
      },
      onError: (error) => {
        const shown = shownError(error);
        message.error(shown ? readableMessage(shown, t) : t("errors.saveFailed"));
      },
    }),
  );

  function act(action: PlanAction, plan: PlanRow) {
    if (action === "edit") setEditing(plan);
    else if (action === "history") setHistoryOf(plan.id);
    else if (action === "targets") setTargetsOf(plan);
    else toggle.mutate({ id: plan.id, active: !plan.active });
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t("subtitle")}</Typography.Text>
      <Card
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t("new")}
          </Button>
        }
      >
        {listError && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(listError, t)} />}
        <PlansTable
          plans={list.data ?? []}
          loading={list.isFetching}
          togglingId={toggle.isPending ? (toggle.variables?.id ?? null) : null}
          onAction={act}
        />
      </Card>
      {editing !== undefined && <PlanFormModal plan={editing} onClose={() => setEditing(undefined)} />}
      <PriceHistoryDrawer planId={historyOf} onClose={() => setHistoryOf(null)} />
      {targetsOf && <SlaTargetsModal plan={targetsOf} onClose={() => setTargetsOf(null)} />}
    </Flex>
  );
}
