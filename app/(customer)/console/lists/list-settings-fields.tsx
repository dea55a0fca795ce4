"use client";

import { useTranslations } from "next-intl";
import { Form, Input } from "antd";
import { PolicyRadio } from "./policy";

/** Name, description and sender policy: the fields creating and editing a list share. */
export function ListSettingsFields() {
  const t = useTranslations("lists");
  return (
    <>
      <Form.Item name="name" label={t("form.name")} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
        <Input maxLength={80} placeholder={t("form.namePlaceholder")} autoComplete="off" />
      </Form.Item>
      <Form.Item name="description" label={t("form.description")}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="policy" label={t("form.policy")} rules={[{ required: true, message: t("form.required") }]}>
        <PolicyRadio />
      </Form.Item>
    </>
  );
}
