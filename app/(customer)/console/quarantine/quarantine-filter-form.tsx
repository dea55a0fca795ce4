"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Button, DatePicker, Flex, Form, Input, Segmented, Select, Space } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import type { QuarantineFormValues } from "./quarantine-values";

const FIELD_OF: Record<string, keyof QuarantineFormValues> = { state: "state", kind: "kind", sender: "sender", recipient: "recipient", from: "range", to: "range" };
const FIELDS: (keyof QuarantineFormValues)[] = ["state", "kind", "sender", "recipient", "range"];

/** The filter bar; a refused search's field errors show under their fields. Recipient only for an admin. */
export function QuarantineFilterForm({
  showRecipient,
  fieldErrors,
  onApply,
}: {
  showRecipient: boolean;
  fieldErrors: Record<string, string[]>;
  onApply: (values: QuarantineFormValues) => void;
}) {
  const t = useTranslations("quarantine");
  const [form] = Form.useForm<QuarantineFormValues>();

  useEffect(() => {
    const byField = new Map<keyof QuarantineFormValues, string[]>();
    for (const [path, messages] of Object.entries(fieldErrors)) {
      const field = FIELD_OF[path];
      if (field) byField.set(field, [...(byField.get(field) ?? []), ...messages]);
    }
    form.setFields(FIELDS.map((name) => ({ name, errors: byField.get(name) ?? [] })));
  }, [fieldErrors, form]);

  const item = (width: number) => ({ style: { width, marginBottom: 0 } });
  return (
    <Form<QuarantineFormValues> form={form} layout="vertical" onFinish={onApply} aria-label={t("filters.label")} initialValues={{ state: "held" }}>
      <Flex wrap gap={16} align="flex-start">
        <Form.Item name="state" label={t("filters.state")} style={{ marginBottom: 0 }}>
          <Segmented
            options={(["held", "released"] as const).map((s) => ({ value: s, label: t(`filters.states.${s}`) }))}
            onChange={(state) => onApply({ ...form.getFieldsValue(), state: state as "held" | "released" })}
          />
        </Form.Item>
        <Form.Item name="kind" label={t("filters.kind")} {...item(160)}>
          <Select allowClear placeholder={t("filters.kindPlaceholder")} options={(["spam", "virus", "dmarc"] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="sender" label={t("filters.sender")} {...item(200)}>
          <Input allowClear placeholder={t("filters.addressPlaceholder")} maxLength={254} />
        </Form.Item>
        {showRecipient && (
          <Form.Item name="recipient" label={t("filters.recipient")} {...item(200)}>
            <Input allowClear placeholder={t("filters.addressPlaceholder")} maxLength={254} />
          </Form.Item>
        )}
        <Form.Item name="range" label={t("filters.dateRange")} {...item(250)}>
          <DatePicker.RangePicker style={{ width: "100%" }} allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t("filters.search")}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onApply({});
              }}
            >
              {t("filters.reset")}
            </Button>
          </Space>
        </Form.Item>
      </Flex>
    </Form>
  );
}
