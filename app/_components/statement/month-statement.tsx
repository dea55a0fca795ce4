"use client";

import { useState, type ReactNode } from "react";
import { Button, Flex, Select, Table, type TableColumnsType } from "antd";
import { DownloadOutlined } from "@ant-design/icons";

// The frame of a month's statement as the operators see it, for a tenant's account and for a
// reseller's alike: month picker and CSV link, then what the caller puts in (error, totals), then
// the entries. Each caller keeps its own queries, words and totals.

/** The month picked, or the latest month there is until one is picked. */
export function usePickedMonth(months: readonly string[] | undefined) {
  const [picked, setPicked] = useState<string | null>(null);
  return [picked ?? months?.[0] ?? null, setPicked] as const;
}

type MonthStatementProps<T> = {
  months: { data?: readonly string[]; isFetching: boolean };
  month: string | null;
  onPick: (month: string) => void;
  monthLabel: string;
  /** Undefined while no month is picked: the button is then disabled. */
  csvHref: string | undefined;
  csvLabel: string;
  entries: readonly T[];
  loading: boolean;
  emptyText: string;
  columns: TableColumnsType<T>;
  /** Between the picker and the entries: the error, the totals. */
  children?: ReactNode;
};

export function MonthStatement<T extends { id: string }>(p: MonthStatementProps<T>) {
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Select
          aria-label={p.monthLabel}
          style={{ width: 160 }}
          loading={p.months.isFetching}
          value={p.month}
          onChange={p.onPick}
          options={(p.months.data ?? []).map((m) => ({ value: m, label: m }))}
        />
        <Button icon={<DownloadOutlined />} href={p.csvHref} disabled={!p.csvHref}>
          {p.csvLabel}
        </Button>
      </Flex>
      {p.children}
      <Table<T>
        rowKey="id"
        size="small"
        dataSource={p.entries}
        loading={p.loading}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: p.emptyText }}
        columns={p.columns}
      />
    </Flex>
  );
}
