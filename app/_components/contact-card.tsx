"use client";

import { useTranslations } from "next-intl";
import { Avatar, Card, Descriptions, Space } from "antd";
import type { ContactCard } from "@/server/resellers/contact-card";

/**
 * Seed 001's area 4 on a client's home: the reseller's card as it maintains it (logo, name,
 * contact, phone, e-mail, hours), or the platform's for a direct tenant. Also the live preview
 * on the reseller's own profile page, so both show the same thing.
 */
export function ContactCardView({ card }: { card: ContactCard }) {
  const t = useTranslations("home.console");
  const tc = useTranslations("common");
  const isReseller = card.kind === "reseller";
  const items = [
    { key: "name", label: t(isReseller ? "resellerName" : "platformName"), children: card.name },
    ...(card.contactName ? [{ key: "contact", label: t("contactName"), children: card.contactName }] : []),
    { key: "phone", label: t("phone"), children: card.phone ? <a href={`tel:${card.phone.replace(/\s/g, "")}`}>{card.phone}</a> : tc("none") },
    { key: "email", label: t("email"), children: card.email ? <a href={`mailto:${card.email}`}>{card.email}</a> : tc("none") },
    ...(card.hours ? [{ key: "hours", label: t("hours"), children: card.hours }] : []),
  ];
  return (
    <Card
      title={
        <Space>
          {/* A data: URL checked when it was saved (PNG, JPEG or WebP only, never SVG). */}
          {card.logo ? <Avatar shape="square" size={32} src={card.logo} alt="" /> : null}
          {t(isReseller ? "resellerCard" : "platformCard")}
        </Space>
      }
      data-testid="contact-card"
    >
      <Descriptions column={1} items={items} />
    </Card>
  );
}
