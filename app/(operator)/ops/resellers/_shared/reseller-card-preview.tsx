"use client";

import { useTranslations } from "next-intl";
import { Typography } from "antd";
import { ContactCardView } from "@/app/_components/contact-card";

export type CardPreview = { name: string; contactName?: string | null; contactPhone?: string | null; contactEmail?: string | null; logo?: string | null; serviceHours?: string | null };

/**
 * The reseller's card exactly as its clients see it on their home page (the same component),
 * filled from the form as it is being edited.
 */
export function ResellerCardPreview({ card }: { card: CardPreview }) {
  const t = useTranslations("resellersOps.card");
  return (
    <div data-testid="reseller-card-preview">
      <Typography.Text type="secondary">{t("previewTitle")}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        <ContactCardView
          card={{
            kind: "reseller",
            name: card.name,
            contactName: card.contactName || null,
            phone: card.contactPhone || null,
            email: card.contactEmail || null,
            logo: card.logo || null,
            hours: card.serviceHours || null,
          }}
        />
      </div>
    </div>
  );
}
