"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, Col, Flex, Input, Row, Select, Statistic } from "antd";
import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { TListClientsRequest } from "@/server/resellers/clients/list-clients.types";
import { ClientsChart } from "./clients-chart";
import { ClientsTable } from "./clients-table";
import { CreateClientModal } from "./create-client-modal";

type Filters = Partial<Pick<TListClientsRequest, "search" | "status" | "owner" | "hasProblems">> & Pick<TListClientsRequest, "sort" | "direction">;

/** The export link carries the table's filters, so the CSV holds exactly what the table shows. */
export function exportHref(filters: Filters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") params.set(key, String(value));
  const query = params.toString();
  return `/api/resellers/clients/export${query ? `?${query}` : ""}`;
}

/**
 * The reseller's home: cards and a chart over the whole tree, then its clients with filters, the
 * CSV export and "new client". `announcements` (the home's announcements card) sits at the top right.
 */
export function ClientsDashboard({ announcements }: { announcements?: ReactNode }) {
  const t = useTranslations("resellerClients");
  const trpc = useTRPC();
  const { money, count } = useDisplayFormat();
  const [filters, setFilters] = useState<Filters>({ sort: "name", direction: "asc" });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ ...trpc.resellers.clients.list.queryOptions(filters), placeholderData: keepPreviousData, staleTime: 0 });
  const error = shownError(list.error);
  const summary = list.data?.summary;
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const cards = (
    <Row gutter={[16, 16]}>
      {(
        [
          ["clients", summary ? count(summary.clients) : "—"],
          ["seats", summary ? count(summary.seats) : "—"],
          ["balance", summary ? money(summary.balance) : "—"],
          ["withProblems", summary ? count(summary.withProblems) : "—"],
        ] as const
      ).map(([key, value]) => (
        <Col key={key} xs={12} md={6}>
          <Card size="small">
            <Statistic title={t(`cards.${key}`)} value={value} loading={list.isPending} styles={key === "withProblems" && summary?.withProblems ? { content: { color: "#cf1322" } } : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={announcements ? 16 : 24}>
          <Flex vertical gap={16}>
            {cards}
            <Card size="small" title={t("chart.title")}>
              <ClientsChart rows={list.data?.rows ?? []} />
            </Card>
          </Flex>
        </Col>
        {/* The announcements card goes here, passed in by the page. */}
        {announcements && (
          <Col xs={24} xl={8}>
            {announcements}
          </Col>
        )}
      </Row>
      <Card>
        <Flex vertical gap={12}>
          <Flex wrap gap={8} justify="space-between">
            <Flex wrap gap={8} align="center">
              <Input.Search allowClear placeholder={t("filters.searchPlaceholder")} aria-label={t("filters.search")} style={{ width: 240 }} onSearch={(v) => set({ search: v.trim() || undefined })} />
              <Select
                aria-label={t("filters.status")}
                style={{ width: 140 }}
                value={filters.status ?? ""}
                onChange={(v) => set({ status: (v || undefined) as Filters["status"] })}
                options={[
                  { value: "", label: t("filters.anyStatus") },
                  ...(["active", "suspended", "frozen"] as const).map((s) => ({ value: s, label: <StatusLabel status={s} /> })),
                ]}
              />
              {(list.data?.resellers.length ?? 0) > 1 && (
                <Select
                  aria-label={t("filters.owner")}
                  style={{ width: 200 }}
                  value={filters.owner ?? ""}
                  onChange={(v) => set({ owner: v || undefined })}
                  options={[
                    { value: "", label: t("filters.anyOwner") },
                    ...(list.data?.resellers ?? []).map((r) => ({ value: r.isSelf ? "self" : r.resellerId, label: r.isSelf ? t("filters.self") : r.name })),
                  ]}
                />
              )}
              <Checkbox checked={filters.hasProblems === true} onChange={(e) => set({ hasProblems: e.target.checked ? true : undefined })}>
                {t("filters.hasProblems")}
              </Checkbox>
            </Flex>
            <Flex gap={8}>
              <Button icon={<DownloadOutlined />} href={exportHref(filters)} download>
                {t("filters.export")}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("filters.newClient")}
              </Button>
            </Flex>
          </Flex>
          {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
          <ClientsTable
            data={list.data}
            loading={list.isFetching}
            sort={{ sort: filters.sort, direction: filters.direction }}
            onSort={(sort, direction) => set({ sort, direction })}
          />
        </Flex>
      </Card>
      {creating && <CreateClientModal resellers={list.data?.resellers ?? []} onClose={() => setCreating(false)} />}
    </Flex>
  );
}

function StatusLabel({ status }: { status: "active" | "suspended" | "frozen" }) {
  const t = useTranslations("tenantStatus");
  return <>{t(status)}</>;
}
