"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Alert, Button, Card, Flex, Table, Typography, type TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";

/**
 * The maintenance and incident lists' frame: a titled card with its "add" button, what the list
 * means for the SLA, a load error, and the rows (a few a month: paged in the browser). `dialogs`
 * are the card's open modals.
 */
export function AdminListCard<Row extends { id: string }>(props: {
  title: string;
  help: string;
  add: string;
  onAdd: () => void;
  rows: Row[];
  loading: boolean;
  error: unknown;
  columns: TableColumnsType<Row>;
  empty: string;
  dialogs: ReactNode;
}) {
  const t = useTranslations("opsSla");
  const error = shownError(props.error);
  return (
    <Card
      size="small"
      title={props.title}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={props.onAdd}>
          {props.add}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{props.help}</Typography.Text>
        {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
        <Table<Row>
          rowKey="id"
          size="small"
          dataSource={props.rows}
          loading={props.loading}
          columns={props.columns}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: props.empty }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
        />
      </Flex>
      {props.dialogs}
    </Card>
  );
}
