import type { TablePaginationConfig } from "antd";

export type Paging = { page: number; pageSize: number };

/** Server-side paging for an antd Table: a new page size goes back to page 1. */
export function serverPagination(paging: Paging, total: number | undefined, onPage: (paging: Paging) => void, totalText: (total: number) => string): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: totalText,
    onChange: (page, pageSize) => onPage({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  };
}
