"use client";

import { useTranslations } from "next-intl";
import { Form, Input } from "antd";
import { LogoUpload } from "./logo-upload";

export type CardValues = { contactName: string; contactPhone: string; contactEmail: string; logo: string | null; serviceHours: string };

/** The contact card's fields, shared by the operator's and the reseller's forms. */
export function CardFields({ required = true }: { required?: boolean }) {
  const t = useTranslations("resellersOps.card");
  return (
    <>
      <Form.Item name="contactName" label={t("contactName")} rules={[{ required, whitespace: true, message: t("contactNameRequired") }, { max: 80 }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t("contactPhone")} rules={[{ required, whitespace: true, message: t("contactPhoneRequired") }, { max: 40 }]}>
        <Input maxLength={40} placeholder="400-800-0263" />
      </Form.Item>
      <Form.Item name="contactEmail" label={t("contactEmail")} rules={[{ required, whitespace: true, message: t("contactEmailRequired") }, { type: "email", message: t("emailInvalid") }]}>
        <Input maxLength={254} />
      </Form.Item>
      <Form.Item name="logo" label={t("logo")}>
        <LogoUpload />
      </Form.Item>
      <Form.Item name="serviceHours" label={t("serviceHours")} rules={[{ max: 120 }]}>
        <Input maxLength={120} placeholder={t("serviceHoursPlaceholder")} />
      </Form.Item>
    </>
  );
}

/** Form values → the API's card fields (blank hours clear them). */
export function cardInput(v: CardValues) {
  return { contactName: v.contactName.trim(), contactPhone: v.contactPhone.trim(), contactEmail: v.contactEmail.trim(), logo: v.logo ?? null, serviceHours: v.serviceHours?.trim() ?? "" };
}
