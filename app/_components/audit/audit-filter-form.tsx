"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { AutoComplete, DatePicker, Form, Input, Select } from "antd";
import { FilterBar, filterItem as item, type FilterFormProps } from "@/app/_components/filter-bar";
import { useTRPC } from "@/app/_trpc/client";
import type { FilterFormValues } from "./filter-values";

// API field → form field: both ends of the date range are one picker.
const FIELD_OF: Record<string, keyof FilterFormValues> = {
  actor: "actor",
  action: "action",
  tenantId: "tenantId",
  from: "range",
  to: "range",
  result: "result",
};

/**
 * The filters above the table. `fieldErrors` (from a refused request) are shown under their
 * fields; the parent applies the values on submit.
 */
export function AuditFilterForm({ withTenant, ...bar }: FilterFormProps<FilterFormValues> & { withTenant: boolean }) {
  const t = useTranslations("audit.filters");
  const tResult = useTranslations("audit.result");
  const trpc = useTRPC();
  const [form] = Form.useForm<FilterFormValues>();
  const options = useQuery(trpc.audit.filterOptions.queryOptions(undefined, { staleTime: 60_000 }));

  // The form is named by its search button's text, as before the bar was shared (e2e finds it so).
  return (
    <FilterBar<FilterFormValues> labels={{ form: t("search"), search: t("search"), reset: t("reset") }} form={form} fieldOf={FIELD_OF} {...bar}>
      <Form.Item name="actor" label={t("actor")} {...item(170)}>
        <Input allowClear placeholder={t("actorPlaceholder")} maxLength={254} />
      </Form.Item>
      <Form.Item name="action" label={t("action")} tooltip={t("actionHint")} {...item(170)}>
        <AutoComplete
          allowClear
          placeholder={t("actionPlaceholder")}
          maxLength={80}
          options={(options.data?.actions ?? []).map((a) => ({ value: a }))}
          showSearch={{ filterOption: (input, option) => String(option?.value ?? "").includes(input.trim()) }}
        />
      </Form.Item>
      {withTenant && (
        <Form.Item name="tenantId" label={t("tenant")} {...item(170)}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("tenantPlaceholder")}
            loading={options.isLoading}
            options={(options.data?.tenants ?? []).map((x) => ({ value: x.id, label: x.name ?? x.id }))}
          />
        </Form.Item>
      )}
      <Form.Item name="range" label={t("dateRange")} {...item(240)}>
        <DatePicker.RangePicker style={{ width: "100%" }} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="result" label={t("result")} {...item(120)}>
        <Select
          allowClear
          placeholder={t("resultPlaceholder")}
          options={(["success", "failure"] as const).map((r) => ({ value: r, label: tResult(r) }))}
        />
      </Form.Item>
    </FilterBar>
  );
}
