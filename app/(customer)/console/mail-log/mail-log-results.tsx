"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, Flex, Typography } from "antd";
import type { MailLogResponse } from "@/server/mail/log/mail-log-scope";
import type { MailLogRow } from "@/server/mail/log/mail-log-row";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { LoadMore } from "@/app/_components/mail-list/load-more";
import { MailLogDrawer } from "./mail-log-drawer";
import { MailLogTable } from "./mail-log-table";
import { useZoneTime } from "./use-zone-time";

/** What both pages pass from their infinite query (mailLog.search or mailLog.mine). */
export type MailLogPages = {
  pages: MailLogResponse[] | undefined;
  error: unknown;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
};

/**
 * The lines loaded so far, "load more" (the next keyset page) and, when a filter without an
 * index stopped a page at its scan bound, how far back the search has looked.
 */
export function MailLogResults({ query, emptyText }: { query: MailLogPages; emptyText?: string }) {
  const t = useTranslations("mailLog");
  const [open, setOpen] = useState<MailLogRow | null>(null);
  const last = query.pages?.at(-1);
  const timeZone = last?.timeZone;
  const time = useZoneTime(timeZone);
  const rows = query.pages?.flatMap((p) => p.rows) ?? [];
  const error = shownError(query.error);
  return (
    <Flex vertical gap={12}>
      {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
      <MailLogTable rows={rows} timeZone={timeZone} loading={query.isFetching && !query.isFetchingNextPage} onOpen={setOpen} emptyText={emptyText} />
      {last && (
        <LoadMore
          namespace="mailLog"
          query={query}
          count={rows.length}
          note={last.searchedUntil && <Typography.Text type="secondary">{t("searchedUntil", { time: time(last.searchedUntil) })}</Typography.Text>}
        />
      )}
      <MailLogDrawer row={open} timeZone={timeZone} onClose={() => setOpen(null)} />
    </Flex>
  );
}
