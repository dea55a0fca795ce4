"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { LoadMore } from "@/app/_components/mail-list/load-more";
import type { QuarantineRow } from "@/server/mail/quarantine/quarantine.types";
import { QuarantineDrawer } from "./quarantine-drawer";
import { QuarantineFilterForm } from "./quarantine-filter-form";
import { QuarantineTable } from "./quarantine-table";
import { toQuarantineSearch, type QuarantineSearch } from "./quarantine-values";
import { useQuarantineActions, type QuarantineScopeName } from "./use-quarantine-actions";

/**
 * 隔离区 for a tenant admin (every mailbox of the tenant) or a mailbox user (their own): filter
 * bar, entries newest first 50 at a time, the preview drawer, release and delete.
 */
export function QuarantineView({ scope, days }: { scope: QuarantineScopeName; days: number }) {
  const t = useTranslations("quarantine");
  const trpc = useTRPC();
  const [search, setSearch] = useState<QuarantineSearch>({ state: "held" });
  const [open, setOpen] = useState<QuarantineRow | null>(null);
  const next = { getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined };
  const admin = useInfiniteQuery({ ...trpc.quarantine.list.infiniteQueryOptions(search, next), placeholderData: keepPreviousData, enabled: scope === "admin" });
  const mine = useInfiniteQuery({ ...trpc.quarantine.mine.infiniteQueryOptions(search, next), placeholderData: keepPreviousData, enabled: scope === "mine" });
  const query = scope === "admin" ? admin : mine;
  const actions = useQuarantineActions(scope, () => setOpen(null));
  const pages = query.data?.pages;
  const rows = pages?.flatMap((p) => p.rows) ?? [];
  const timeZone = pages?.[0]?.timeZone;
  const error = shownError(query.error);
  const released = search.state === "released";
  const releaseLabel = scope === "admin" ? t("release") : t("mine.notSpam");
  const releaseConfirm = (r: QuarantineRow) => (scope === "admin" ? t("releaseConfirm", { mailbox: r.mailbox }) : t("mine.notSpamConfirm"));

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{scope === "admin" ? t("subtitle", { days, zone: timeZone ?? "…" }) : t("mine.intro")}</Typography.Text>
      <Card>
        <QuarantineFilterForm showRecipient={scope === "admin"} fieldErrors={error?.fieldErrors ?? {}} onApply={(values) => setSearch(toQuarantineSearch(values))} />
      </Card>
      <Card>
        <Flex vertical gap={12}>
          {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
          <QuarantineTable
            rows={rows}
            timeZone={timeZone}
            loading={(query.isFetching && !query.isFetchingNextPage) || actions.pending}
            emptyText={released ? t("emptyReleased") : t("empty")}
            releaseLabel={releaseLabel}
            releaseConfirm={releaseConfirm}
            showRecipient={scope === "admin"}
            released={released}
            onOpen={setOpen}
            onRelease={(r) => actions.release(r.id, r.mailbox)}
            onDelete={(r) => actions.remove(r.id)}
          />
          {pages && (
            <LoadMore namespace="quarantine" query={query} count={rows.length} />
          )}
        </Flex>
      </Card>
      <QuarantineDrawer
        scope={scope}
        row={open}
        timeZone={timeZone}
        releaseLabel={releaseLabel}
        releaseConfirm={open ? releaseConfirm(open) : ""}
        onClose={() => setOpen(null)}
        onRelease={(r) => actions.release(r.id, r.mailbox)}
        onDelete={(r) => actions.remove(r.id)}
      />
    </Flex>
  );
}
