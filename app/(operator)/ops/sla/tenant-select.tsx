"use client";

import { useState } from "react";
import { useQuery, keepPreviousData } from "@tanstack/react-query";
import { Select } from "antd";
import { useTRPC } from "@/app/_trpc/client";

/**
 * Picks a tenant by part of its name, searched on the server (the billing page's balances
 * search), so it works with ten thousand tenants. The form value is the tenant id.
 */
export function TenantSelect({ id, value, onChange, placeholder }: { id?: string; value?: string; onChange?: (tenantId: string | undefined) => void; placeholder: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  // The picked tenant stays named when a later search no longer lists it.
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const tenants = useQuery({
    ...trpc.billing.ops.balances.queryOptions({ page: 1, pageSize: 20, sort: "name", direction: "asc", ...(search ? { search } : {}) }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      id={id}
      allowClear
      value={value}
      onChange={(v, option) => {
        setPicked(v && option && !Array.isArray(option) ? { value: v, label: String(option.label) } : null);
        onChange?.(v);
      }}
      placeholder={placeholder}
      loading={tenants.isFetching}
      showSearch={{ filterOption: false, onSearch: (text) => setSearch(text.trim()) }}
      options={[
        ...(picked && !tenants.data?.rows.some((r) => r.tenantId === picked.value) ? [picked] : []),
        ...(tenants.data?.rows ?? []).map((r) => ({ value: r.tenantId, label: r.name })),
      ]}
    />
  );
}
