"use client";

import { useTranslations } from "next-intl";
import { Avatar, Card, Flex, Typography } from "antd";
import { ClockCircleOutlined, MailOutlined, PhoneOutlined, ShopOutlined } from "@ant-design/icons";

export type CardPreview = { name: string; contactName?: string | null; contactPhone?: string | null; contactEmail?: string | null; logo?: string | null; serviceHours?: string | null };

/** The reseller's card as its clients see it on their home page. */
export function ResellerCardPreview({ card }: { card: CardPreview }) {
  const t = useTranslations("resellersOps.card");
  return (
    <Card size="small" title={t("previewTitle")} data-testid="reseller-card-preview">
      <Flex gap={16} align="flex-start">
        <Avatar shape="square" size={56} src={card.logo || undefined} icon={card.logo ? undefined : <ShopOutlined />} />
        <Flex vertical gap={2}>
          <Typography.Text strong>{card.name}</Typography.Text>
          {card.contactName ? <Typography.Text>{card.contactName}</Typography.Text> : null}
          {card.contactPhone ? (
            <Typography.Text>
              <PhoneOutlined /> {card.contactPhone}
            </Typography.Text>
          ) : null}
          {card.contactEmail ? (
            <Typography.Text>
              <MailOutlined /> {card.contactEmail}
            </Typography.Text>
          ) : null}
          {card.serviceHours ? (
            <Typography.Text type="secondary">
              <ClockCircleOutlined /> {card.serviceHours}
            </Typography.Text>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}
