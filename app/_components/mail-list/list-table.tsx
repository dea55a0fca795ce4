"use client";

import type { ReactNode } from "react";
import { Table, type TableProps, Typography } from "antd";

/** A long cell cut to `width`, the whole text in a tooltip. */
export function Ellipsis({ text, width }: { text: string; width: number }) {
  return (
    <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: width }}>
      {text}
    </Typography.Text>
  );
}

/** What a mail list's table gets from its page. */
export type MailTableProps<T> = {
  rows: T[];
  /** The tenant's zone, for the times (see useZoneTime). */
  timeZone: string | undefined;
  loading: boolean;
  /** Opens a row's details (double click, or the row's own button). */
  onOpen: (row: T) => void;
  emptyText?: string;
};

/**
 * A mail list's table: every row loaded so far (the caller pages with "load more", so no antd
 * pagination), scrolling sideways rather than squeezing columns, and a double click opening a
 * row's details when `onOpen` is given.
 */
export function ListTable<T extends object>({
  rows,
  emptyText,
  onOpen,
  ...props
}: Omit<TableProps<T>, "dataSource" | "size" | "pagination" | "scroll" | "locale" | "onRow"> & { rows: T[]; emptyText: ReactNode; onOpen?: (row: T) => void }) {
  return (
    <Table<T>
      size="middle"
      dataSource={rows}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText }}
      onRow={onOpen && ((row) => ({ onDoubleClick: () => onOpen(row) }))}
      {...props}
    />
  );
}
