"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Segmented } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { CreditQueueRow } from "@/server/sla/reports/list-credits";
import { CreditsTable } from "./credits-table";
import { DecideModal, type Decision } from "./decide-modal";
import { TenantReportDrawer } from "./tenant-report-drawer";
import { useApproveCredit } from "./use-approve-credit";

type Status = "proposed" | "approved" | "rejected";
const STATUSES: Status[] = ["proposed", "approved", "rejected"];

/** 补偿审核: the proposals waiting for an operator (oldest month first), and the decided ones. */
export function CreditsTab() {
  const t = useTranslations("opsSla");
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status>("proposed");
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ decision: Decision; credit: CreditQueueRow } | null>(null);
  const [report, setReport] = useState<CreditQueueRow | null>(null);
  const credits = useQuery({ ...trpc.sla.ops.credits.queryOptions({ status, ...paging }), placeholderData: keepPreviousData, staleTime: 0 });
  const approve = useApproveCredit();
  const error = shownError(credits.error);

  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Segmented<Status>
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`creditStatus.${s}`) }))}
        />
        {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
        <CreditsTable
          data={credits.data}
          loading={credits.isFetching || approve.pending}
          decided={status !== "proposed"}
          paging={paging}
          onPage={setPaging}
          onApprove={approve.confirm}
          onDecide={(decision, credit) => setDialog({ decision, credit })}
          onView={setReport}
        />
      </Flex>
      {dialog && <DecideModal decision={dialog.decision} credit={dialog.credit} onClose={() => setDialog(null)} />}
      {report && <TenantReportDrawer tenantId={report.tenantId} tenantName={report.tenantName} month={report.month} onClose={() => setReport(null)} />}
    </Card>
  );
}
