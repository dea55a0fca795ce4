"use client";

import { useTranslations } from "next-intl";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { App, Button, Card, Popconfirm, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";
import { ListTable } from "@/app/_components/mail-list/list-table";
import { useZoneTime } from "@/app/(customer)/console/mail-log/use-zone-time";
import type { MailLogRow } from "@/server/mail/log/mail-log-row";

/** The user's recently delivered mail, each with "report spam" (Bayes learns it as spam). */
export function DeliveredToMeCard() {
  const t = useTranslations("quarantine");
  const tLog = useTranslations("mailLog");
  const trpc = useTRPC();
  const { message } = App.useApp();
  const query = useInfiniteQuery(trpc.mailLog.mine.infiniteQueryOptions({ type: "inbound", status: "delivered" }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const report = useMutation(
    trpc.quarantine.reportSpam.mutationOptions({
      onSuccess: (out) => (out.teach.taught ? message.success(t("mine.reported")) : message.warning(t("mine.reportedNotTaught", { detail: out.teach.detail }))),
      onError: (error) => message.error(refusalText(t)(error)),
    }),
  );
  const pages = query.data?.pages;
  const time = useZoneTime(pages?.[0]?.timeZone);
  const rows = pages?.flatMap((p) => p.rows) ?? [];
  return (
    <Card title={t("mine.deliveredTitle")}>
      <Typography.Paragraph type="secondary">{t("mine.deliveredIntro")}</Typography.Paragraph>
      <ListTable<MailLogRow>
        rowKey="key"
        rows={rows}
        loading={query.isFetching}
        emptyText={t("mine.noDelivered")}
        columns={[
          { key: "time", title: t("columns.receivedAt"), render: (_, r) => <span style={{ whiteSpace: "nowrap" }}>{time(r.receivedAt)}</span> },
          { key: "sender", title: t("columns.sender"), render: (_, r) => r.sender || "—" },
          { key: "subject", title: t("columns.subject"), render: (_, r) => r.subject || tLog("noSubject") },
          {
            key: "actions",
            title: t("columns.actions"),
            render: (_, r) => (
              <Popconfirm title={t("mine.reportConfirm")} onConfirm={() => report.mutate({ messageId: r.messageId })} okText={t("mine.reportSpam")}>
                <Button type="link" size="small" danger>
                  {t("mine.reportSpam")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {query.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t("loadMore")}
        </Button>
      )}
    </Card>
  );
}
