"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { AutoComplete, Button, DatePicker, Flex, Form, Input, Select, Space } from "antd";
import { SearchOutlined } from "@ant-design/icons";
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
export function AuditFilterForm({
  withTenant,
  fieldErrors,
  onApply,
}: {
  withTenant: boolean;
  fieldErrors: Record<string, string[]>;
  onApply: (values: FilterFormValues) => void;
}) {
  const t = useTranslations("audit.filters");
  const tResult = useTranslations("audit.result");
  const trpc = useTRPC();
  const [form] = Form.useForm<FilterFormValues>();
  const options = useQuery(trpc.audit.filterOptions.queryOptions(undefined, { staleTime: 60_000 }));

  useEffect(() => {
    const byField = new Map<keyof FilterFormValues, string[]>();
    for (const [path, messages] of Object.entries(fieldErrors)) {
      const field = FIELD_OF[path];
      if (field) byField.set(field, [...(byField.get(field) ?? []), ...messages]);
    }
    form.setFields(
      (Object.keys({ actor: 1, action: 1, tenantId: 1, range: 1, result: 1 }) as (keyof FilterFormValues)[]).map((name) => ({
        name,
        errors: byField.get(name) ?? [],
      })),
    );
  }, [fieldErrors, form]);

  // Fixed widths that wrap: the filters stay readable from a laptop to a wide screen.
  const item = (width: number) => ({ style: { width, marginBottom: 0 } });
  return (
    <Form<FilterFormValues> form={form} layout="vertical" onFinish={onApply} aria-label={t("search")}>
      <Flex wrap gap={16} align="flex-start">
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
        {/* An empty label keeps the buttons level with the inputs, error messages or not. */}
        <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t("search")}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onApply({});
              }}
            >
              {t("reset")}
            </Button>
          </Space>
        </Form.Item>
      </Flex>
    </Form>
  );
}
