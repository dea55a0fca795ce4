"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { App } from "antd";
import type { CreditQueueRow } from "@/server/sla/reports/list-credits";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { useSlaOpsForm } from "./use-sla-ops";

/** Approve as proposed, after a confirmation naming the tenant and the amount. Approving twice credits once (server). */
export function useApproveCredit() {
  const t = useTranslations("opsSla.credits");
  const { modal } = App.useApp();
  const { money } = useDisplayFormat();
  const { trpc, message, onError, refreshSla } = useSlaOpsForm();
  const approve = useMutation(trpc.sla.ops.decideCredit.mutationOptions({ onError }));

  function confirm(credit: CreditQueueRow) {
    const amount = money(credit.proposedAmount, credit.currency);
    modal.confirm({
      title: t("approveConfirm", { tenant: credit.tenantName, amount }),
      content: t("approveHelp"),
      okText: t("approve"),
      cancelText: t("cancel"),
      onOk: async () => {
        const result = await approve.mutateAsync({ creditId: credit.id, decision: "approve" }).catch(() => null);
        if (!result) return;
        if (result.created) message.success(t("approved", { tenant: credit.tenantName, amount: money(result.credit.amount ?? 0, credit.currency) }));
        else message.info(t("alreadyDecided"));
        refreshSla();
      },
    });
  }

  return { confirm, pending: approve.isPending };
}
