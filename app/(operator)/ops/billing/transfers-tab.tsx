"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Flex, Input, Row, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { PendingTransfer } from "@/server/billing/orders/list-pending-transfers";
import { PendingTransfersTable } from "./pending-transfers-table";
import { ConfirmTransferForm } from "./confirm-transfer-form";

/**
 * Bank transfers: the orders still waiting for money, and the form an operator fills when a
 * transfer shows up on the provider's account. Clicking an order copies it into the form.
 */
export function TransfersTab() {
  const t = useTranslations("opsBilling");
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<PendingTransfer | null>(null);
  const pending = useQuery({ ...trpc.billing.transfers.pending.queryOptions(search ? { search } : undefined), staleTime: 0 });
  const error = shownError(pending.error);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card title={t("transfers.pendingTitle")}>
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t("transfers.pendingHelp")}</Typography.Text>
            <Input.Search
              allowClear
              placeholder={t("transfers.searchPlaceholder")}
              aria-label={t("transfers.search")}
              onSearch={(value) => setSearch(value.trim())}
              style={{ maxWidth: 360 }}
            />
            {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
            <PendingTransfersTable
              orders={pending.data ?? []}
              loading={pending.isFetching}
              selectedId={picked?.id ?? null}
              onPick={setPicked}
            />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t("transfers.confirmTitle")}>
          <ConfirmTransferForm picked={picked} onDone={() => setPicked(null)} />
        </Card>
      </Col>
    </Row>
  );
}
