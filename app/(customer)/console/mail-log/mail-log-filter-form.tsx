"use client";

import dayjs from "dayjs";
import { useTranslations } from "next-intl";
import { DatePicker, Form, Input, Select } from "antd";
import { DeliveryStatus } from "@/server/generated/prisma/enums.ts";
import { FilterBar, filterItem as item, type FilterFormProps } from "@/app/_components/filter-bar";
import { isDayDisabled, type MailLogFormValues } from "./mail-log-values";

// API field → form field: both ends of the date range are one picker.
const FIELD_OF: Record<string, keyof MailLogFormValues> = { type: "type", status: "status", sender: "sender", recipient: "recipient", subject: "subject", from: "range", to: "range" };

/** The filter bar; a refused search's field errors show under their fields. */
export function MailLogFilterForm({
  days,
  ...bar
}: FilterFormProps<MailLogFormValues> & {
  /** The retention period: the longest range and how far back the picker goes. */
  days: number;
}) {
  const t = useTranslations("mailLog");
  const [form] = Form.useForm<MailLogFormValues>();
  return (
    <FilterBar<MailLogFormValues> labels={{ form: t("filters.label"), search: t("filters.search"), reset: t("filters.reset") }} form={form} fieldOf={FIELD_OF} {...bar}>
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
    </FilterBar>
  );
}
