"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Col, Flex, Input, Row, Select, Skeleton, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { MailboxView } from "@/server/tenants/mailboxes/mailbox-view";
import { ALL, DepartmentPanel } from "./department-panel";
import { MailboxDrawer } from "./mailbox-drawer";
import { MailboxTable } from "./mailbox-table";
import { ResetPasswordModal } from "./reset-password-modal";
import { SeatHeader } from "./seat-header";
import { useMailboxesError } from "./use-mailboxes-form";

type Filters = { search?: string; domainId?: string; status?: "active" | "disabled"; page: number; pageSize: number };
type DrawerState = { mode: "create" } | { mode: "edit"; mailbox: MailboxView } | null;

/**
 * 成员与部门, as in the NetEase admin console: seats used of paid at the top, the department tree
 * on the left, the mailbox table with search and filters on the right, a drawer to create or edit.
 */
export function MailboxesPage() {
  const t = useTranslations("mailboxes");
  const trpc = useTRPC();
  const errorText = useMailboxesError();
  const [department, setDepartment] = useState<string>(ALL);
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const [resetting, setResetting] = useState<MailboxView | null>(null);

  const seats = useQuery({ ...trpc.tenants.mailboxes.seats.queryOptions(), staleTime: 0 });
  const departments = useQuery({ ...trpc.tenants.departments.list.queryOptions(), staleTime: 0 });
  const domains = useQuery(trpc.domains.list.queryOptions());
  const mailboxes = useQuery({
    ...trpc.tenants.mailboxes.list.queryOptions({ ...filters, departmentId: department === ALL ? undefined : department }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const filter = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change, page: 1 }));
  const loadError = seats.error ?? departments.error ?? mailboxes.error ?? domains.error;
  const domainRows = domains.data?.rows ?? [];
  const tree = departments.data?.tree ?? [];
  const selectedDepartment = department === ALL || department === "none" ? null : department;

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t("subtitle")}</Typography.Text>
      {loadError && <Alert type="error" showIcon title={t("loadFailed")} description={errorText(loadError)} />}
      {seats.data ? <SeatHeader seats={seats.data} /> : <Skeleton active paragraph={{ rows: 1 }} />}
      <Row gutter={16} wrap={false}>
        <Col flex="280px">
          {departments.data ? (
            <DepartmentPanel
              data={departments.data}
              selected={department}
              onSelect={(key) => {
                setDepartment(key);
                setFilters((f) => ({ ...f, page: 1 }));
              }}
            />
          ) : (
            <Skeleton active />
          )}
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Flex vertical gap={12}>
            <Flex gap={8} wrap justify="space-between">
              <Flex gap={8} wrap>
                <Input.Search allowClear placeholder={t("filters.search")} aria-label={t("filters.search")} style={{ width: 260 }} onSearch={(search) => filter({ search: search.trim() || undefined })} />
                <Select
                  allowClear
                  placeholder={t("filters.domain")}
                  aria-label={t("filters.domain")}
                  style={{ width: 200 }}
                  options={domainRows.map((d) => ({ value: d.id, label: d.unicodeName }))}
                  onChange={(domainId?: string) => filter({ domainId })}
                />
                <Select
                  allowClear
                  placeholder={t("filters.status")}
                  aria-label={t("filters.status")}
                  style={{ width: 140 }}
                  options={(["active", "disabled"] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
                  onChange={(status?: "active" | "disabled") => filter({ status })}
                />
              </Flex>
              <Button type="primary" onClick={() => setDrawer({ mode: "create" })} disabled={!seats.data}>
                {t("table.create")}
              </Button>
            </Flex>
            <MailboxTable
              data={mailboxes.data}
              loading={mailboxes.isFetching}
              onPage={(page, pageSize) => setFilters((f) => ({ ...f, page, pageSize }))}
              onEdit={(mailbox) => setDrawer({ mode: "edit", mailbox })}
              onResetPassword={setResetting}
            />
          </Flex>
        </Col>
      </Row>
      {drawer && seats.data && (
        <MailboxDrawer
          mailbox={drawer.mode === "edit" ? drawer.mailbox : undefined}
          domains={domainRows}
          tree={tree}
          maxQuotaMb={seats.data.limits?.mailboxQuotaMb ?? 1024}
          departmentId={selectedDepartment}
          onClose={() => setDrawer(null)}
        />
      )}
      {resetting && <ResetPasswordModal mailbox={resetting} onClose={() => setResetting(null)} />}
    </Flex>
  );
}
