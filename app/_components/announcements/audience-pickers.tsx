"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Select, TreeSelect } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { DepartmentNode } from "@/server/tenants/departments/department-rules";

type Option = { value: string; label: string };
type MultiProps = { id?: string; value?: string[]; onChange?: (ids: string[]) => void; placeholder: string; known?: Option[] };

/** A Select searched on the server: the text typed (trimmed) and the Select's showSearch for it. */
function useServerSearch() {
  const [search, setSearch] = useState("");
  return { search, showSearch: { filterOption: false, onSearch: (text: string) => setSearch(text.trim()) } as const };
}

/** Keeps picked options named when a later search no longer lists them. */
function merge(found: Option[], picked: Option[]): Option[] {
  const ids = new Set(found.map((o) => o.value));
  return [...picked.filter((o) => !ids.has(o.value)), ...found];
}

/** Operators pick tenants by part of the name, searched on the server (the billing balances search). */
export function PlatformTenantsPicker({ id, value, onChange, placeholder, known = [] }: MultiProps) {
  const trpc = useTRPC();
  const { search, showSearch } = useServerSearch();
  const [picked, setPicked] = useState<Option[]>(known);
  const found = useQuery({ ...trpc.billing.ops.balances.queryOptions({ page: 1, pageSize: 20, sort: "name", direction: "asc", ...(search ? { search } : {}) }), placeholderData: keepPreviousData });
  const options = merge((found.data?.rows ?? []).map((r) => ({ value: r.tenantId, label: r.name })), picked);
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      placeholder={placeholder}
      loading={found.isFetching}
      showSearch={showSearch}
      options={options}
      onChange={(ids) => {
        setPicked(options.filter((o) => ids.includes(o.value)));
        onChange?.(ids);
      }}
    />
  );
}

/** Operators pick the reseller of the "one reseller's clients" audience, by name. */
export function ResellerPicker({ id, value, onChange, placeholder, known }: { id?: string; value?: string; onChange?: (id: string | undefined) => void; placeholder: string; known?: Option | null }) {
  const trpc = useTRPC();
  const { search, showSearch } = useServerSearch();
  const found = useQuery({ ...trpc.announcements.ops.resellerOptions.queryOptions({ search }), placeholderData: keepPreviousData });
  const options = merge((found.data ?? []).map((r) => ({ value: r.id, label: r.name })), known ? [known] : []);
  return (
    <Select<string>
      id={id}
      allowClear
      value={value}
      placeholder={placeholder}
      loading={found.isFetching}
      showSearch={showSearch}
      options={options}
      onChange={(v) => onChange?.(v)}
    />
  );
}

/** A reseller picks among the clients of its tree (a short list: filtered in the browser). */
export function ClientTenantsPicker({ id, value, onChange, placeholder }: MultiProps) {
  const trpc = useTRPC();
  const clients = useQuery(trpc.announcements.reseller.clientOptions.queryOptions());
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      placeholder={placeholder}
      loading={clients.isPending}
      showSearch={{ optionFilterProp: "label" }}
      options={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      onChange={(ids) => onChange?.(ids)}
    />
  );
}

type TreeOption = { value: string; title: string; children: TreeOption[] };
const toTree = (nodes: DepartmentNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toTree(n.children) }));

/** A tenant admin picks departments from the tenant's tree. */
export function DepartmentsPicker({ id, value, onChange, placeholder }: MultiProps) {
  const trpc = useTRPC();
  const departments = useQuery(trpc.tenants.departments.list.queryOptions());
  return (
    <TreeSelect<string[]>
      id={id}
      multiple
      treeDefaultExpandAll
      value={value}
      placeholder={placeholder}
      loading={departments.isPending}
      showSearch={{ treeNodeFilterProp: "title" }}
      treeData={toTree(departments.data?.tree ?? [])}
      onChange={(ids) => onChange?.(ids)}
    />
  );
}
