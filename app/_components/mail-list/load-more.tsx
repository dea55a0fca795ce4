"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button, Flex, Typography } from "antd";
import type { MailListNamespace } from "./namespace";

/** The parts of an infinite query (useInfiniteQuery) that page a list. */
export type NextPageQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/**
 * Under a keyset-paged list: "load more" while there is a next page, else "the end"; how many
 * rows are shown; `note` above them (e.g. how far back a bounded search looked).
 */
export function LoadMore({ namespace, query, count, note }: { namespace: MailListNamespace; query: NextPageQuery; count: number; note?: ReactNode }) {
  const t = useTranslations(namespace);
  return (
    <Flex vertical align="center" gap={8} role="status">
      {note}
      {query.hasNextPage ? (
        <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t("loadMore")}
        </Button>
      ) : (
        count > 0 && <Typography.Text type="secondary">{t("end")}</Typography.Text>
      )}
      {count > 0 && <Typography.Text type="secondary">{t("shown", { count })}</Typography.Text>}
    </Flex>
  );
}
