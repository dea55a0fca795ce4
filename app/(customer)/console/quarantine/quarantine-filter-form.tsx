"use client";

import { useTranslations } from "next-intl";
import { DatePicker, Form, Input, Segmented, Select } from "antd";
import { FilterBar, filterItem as item, type FilterFormProps } from "@/app/_components/filter-bar";
import type { QuarantineFormValues } from "./quarantine-values";

// API field → form field: both ends of the date range are one picker.
const FIELD_OF: Record<string, keyof QuarantineFormValues> = { state: "state", kind: "kind", sender: "sender", recipient: "recipient", from: "range", to: "range" };

/** The filter bar; a refused search's field errors show under their fields. Recipient only for an admin. */
export function QuarantineFilterForm({ showRecipient, ...bar }: FilterFormProps<QuarantineFormValues> & { showRecipient: boolean }) {
  const t = useTranslations("quarantine");
  const [form] = Form.useForm<QuarantineFormValues>();
  return (
    <FilterBar<QuarantineFormValues> labels={{ form: t("filters.label"), search: t("filters.search"), reset: t("filters.reset") }} form={form} fieldOf={FIELD_OF} initialValues={{ state: "held" }} {...bar}>
      <Form.Item name="state" label={t("filters.state")} style={{ marginBottom: 0 }}>
        <Segmented
          options={(["held", "released"] as const).map((s) => ({ value: s, label: t(`filters.states.${s}`) }))}
          onChange={(state) => bar.onApply({ ...form.getFieldsValue(), state: state as "held" | "released" })}
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
    </FilterBar>
  );
}
