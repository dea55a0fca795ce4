"use client";

import { useEffect } from "react";
import dayjs from "dayjs";
import { useTranslations } from "next-intl";
import { Button, DatePicker, Flex, Form, Input, Select, Space } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { DeliveryStatus } from "@/server/generated/prisma/enums.ts";
import { isDayDisabled, type MailLogFormValues } from "./mail-log-values";

// API field → form field: both ends of the date range are one picker.
const FIELD_OF: Record<string, keyof MailLogFormValues> = { type: "type", status: "status", sender: "sender", recipient: "recipient", subject: "subject", from: "range", to: "range" };
const FIELDS: (keyof MailLogFormValues)[] = ["type", "status", "sender", "recipient", "subject", "range"];

/** The filter bar; a refused search's field errors show under their fields. */
export function MailLogFilterForm({
  days,
  fieldErrors,
  onApply,
}: {
  /** The retention period: the longest range and how far back the picker goes. */
  days: number;
  fieldErrors: Record<string, string[]>;
  onApply: (values: MailLogFormValues) => void;
}) {
  const t = useTranslations("mailLog");
  const [form] = Form.useForm<MailLogFormValues>();

  useEffect(() => {
    const byField = new Map<keyof MailLogFormValues, string[]>();
    for (const [path, messages] of Object.entries(fieldErrors)) {
      const field = FIELD_OF[path];
      if (field) byField.set(field, [...(byField.get(field) ?? []), ...messages]);
    }
    form.setFields(FIELDS.map((name) => ({ name, errors: byField.get(name) ?? [] })));
  }, [fieldErrors, form]);

  const item = (width: number) => ({ style: { width, marginBottom: 0 } });
  return (
    <Form<MailLogFormValues> form={form} layout="vertical" onFinish={onApply} aria-label={t("filters.label")}>
      <Flex wrap gap={16} align="flex-start">
        <Form.Item name="type" label={t("filters.direction")} {...item(130)}>
          <Select
            allowClear
            placeholder={t("filters.directionPlaceholder")}
            options={(["outbound", "inbound"] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t("filters.status")} {...item(170)}>
          <Select allowClear placeholder={t("filters.statusPlaceholder")} options={Object.values(DeliveryStatus).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="sender" label={t("filters.sender")} tooltip={t("filters.addressHint")} {...item(220)}>
          <Input allowClear placeholder={t("filters.addressPlaceholder")} maxLength={254} />
        </Form.Item>
        <Form.Item name="recipient" label={t("filters.recipient")} tooltip={t("filters.addressHint")} {...item(220)}>
          <Input allowClear placeholder={t("filters.addressPlaceholder")} maxLength={254} />
        </Form.Item>
        <Form.Item name="subject" label={t("filters.subject")} {...item(200)}>
          <Input allowClear placeholder={t("filters.subjectPlaceholder")} maxLength={255} />
        </Form.Item>
        <Form.Item name="range" label={t("filters.dateRange")} tooltip={t("filters.dateRangeHint", { days })} {...item(250)}>
          <DatePicker.RangePicker
            style={{ width: "100%" }}
            allowEmpty={[true, true]}
            disabledDate={(day, info) => isDayDisabled(day, dayjs(), days, info.from)}
          />
        </Form.Item>
        {/* An empty label keeps the buttons level with the inputs, error messages or not. */}
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
