"use client";

import { useTranslations } from "next-intl";
import { Checkbox, DatePicker, Form, Input, Select } from "antd";
import { FilterBar, filterItem as item, type FilterFormProps } from "@/app/_components/filter-bar";
import { LOGIN_CHANNELS, LOGIN_RESULTS } from "@/server/auth/login-log/login-log-filters";
import type { LoginLogFormValues } from "./filter-values";

// API field → form field: both ends of the time range are one picker.
const FIELD_OF: Record<string, keyof LoginLogFormValues> = {
  account: "account",
  ip: "ip",
  tenantId: "tenantId",
  from: "range",
  to: "range",
  channel: "channel",
  result: "result",
  newNetworkOnly: "newNetworkOnly",
};

/** The filters above the login log; a refused search's field errors show under their fields. */
export function LoginLogFilterForm({ withTenant, ...bar }: FilterFormProps<LoginLogFormValues> & { withTenant: boolean }) {
  const t = useTranslations("loginLog");
  const [form] = Form.useForm<LoginLogFormValues>();
  return (
    <FilterBar<LoginLogFormValues>
      labels={{ form: t("filters.search"), search: t("filters.search"), reset: t("filters.reset") }}
      form={form}
      fieldOf={FIELD_OF}
      {...bar}
    >
      <Form.Item name="account" label={t("filters.account")} {...item(190)}>
        <Input allowClear placeholder={t("filters.accountPlaceholder")} maxLength={254} />
      </Form.Item>
      <Form.Item name="ip" label={t("filters.ip")} {...item(170)}>
        <Input allowClear placeholder={t("filters.ipPlaceholder")} maxLength={45} />
      </Form.Item>
      {withTenant && (
        <Form.Item name="tenantId" label={t("filters.tenant")} {...item(170)}>
          <Input allowClear placeholder={t("filters.tenantPlaceholder")} maxLength={191} />
        </Form.Item>
      )}
      <Form.Item name="range" label={t("filters.dateRange")} {...item(240)}>
        <DatePicker.RangePicker style={{ width: "100%" }} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="channel" label={t("filters.channel")} {...item(170)}>
        <Select allowClear placeholder={t("filters.channelPlaceholder")} options={LOGIN_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="result" label={t("filters.result")} {...item(170)}>
        <Select allowClear placeholder={t("filters.resultPlaceholder")} options={LOGIN_RESULTS.map((r) => ({ value: r, label: t(`result.${r}`) }))} />
      </Form.Item>
      <Form.Item name="newNetworkOnly" label=" " colon={false} valuePropName="checked" {...item(150)}>
        <Checkbox>{t("filters.newNetworkOnly")}</Checkbox>
      </Form.Item>
    </FilterBar>
  );
}
