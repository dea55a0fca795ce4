"use client";

import { useTranslations } from "next-intl";
import { Checkbox, Space, Typography } from "antd";
import { API_SCOPES, type ApiScope } from "@/server/provisioning/api-keys/scopes";

/** One checkbox per permission the key may have, with its name as the API knows it beside the explanation. */
export function ScopeCheckboxes(props: { scopes?: readonly ApiScope[]; value?: string[]; onChange?: (v: string[]) => void }) {
  const t = useTranslations("apiKeys.scopes");
  return (
    <Checkbox.Group value={props.value} onChange={(v) => props.onChange?.(v as string[])}>
      <Space orientation="vertical">
        {(props.scopes ?? API_SCOPES).map((s) => (
          <Checkbox key={s} value={s}>
            {t(s)} <Typography.Text code>{s}</Typography.Text>
          </Checkbox>
        ))}
      </Space>
    </Checkbox.Group>
  );
}
