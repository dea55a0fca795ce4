"use client";

import { useTranslations } from "next-intl";
import { Descriptions, Flex, Typography } from "antd";
import { BankOutlined } from "@ant-design/icons";
import type { BankDetails as Bank } from "@/server/billing/orders/order-view";

/** Where to send a bank transfer (对公汇款), each value copyable for the customer's bank form. */
export function BankDetails({ bank }: { bank: Bank }) {
  const t = useTranslations("billing.pending");
  return (
    <Flex vertical gap={8} style={{ flex: "1 1 320px" }}>
      <Descriptions
        title={
          <span>
            <BankOutlined /> {t("bank")}
          </span>
        }
        column={1}
        size="small"
        bordered
        items={[
          { key: "name", label: t("accountName"), children: <Typography.Text copyable>{bank.accountName}</Typography.Text> },
          { key: "bank", label: t("bankName"), children: bank.bankName },
          { key: "number", label: t("accountNumber"), children: <Typography.Text copyable>{bank.accountNumber}</Typography.Text> },
        ]}
      />
      <Typography.Text type="secondary">{t("bankNote")}</Typography.Text>
    </Flex>
  );
}
