"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Form, Modal, Select } from "antd";
import { useMutationForm } from "@/app/_components/use-mutation-form";
import { ReasonField } from "@/app/_components/reason-field";

const DIRECT = "__direct__";

type Values = { tenantId: string; toResellerId: string; reason: string };

/**
 * Moves a tenant between resellers (or to and from the platform's direct customers), with a
 * reason for the operation log. Either `tenant` is fixed (a row's "Move") and the target is
 * chosen, or `toReseller` is fixed ("Move a tenant here") and the tenant is searched for.
 */
export function MoveTenantModal({
  tenant,
  toReseller,
  onClose,
}: {
  tenant?: { tenantId: string; name: string; ownerResellerId: string | null };
  toReseller?: { resellerId: string; name: string };
  onClose: () => void;
}) {
  const t = useTranslations("resellerClients.ops");
  const { trpc, form, requestId, succeeded, onError } = useMutationForm<Values>();
  const [search, setSearch] = useState("");
  const targets = useQuery({ ...trpc.resellers.clientsOps.moveTargets.queryOptions({ search }), enabled: !toReseller, placeholderData: keepPreviousData });
  const tenants = useQuery({ ...trpc.resellers.clientsOps.searchTenants.queryOptions({ search }), enabled: !tenant, placeholderData: keepPreviousData });

  const move = useMutation(
    trpc.resellers.clientsOps.moveTenant.mutationOptions({
      onSuccess: () => {
        const name = tenant?.name ?? tenants.data?.find((x) => x.tenantId === form.getFieldValue("tenantId"))?.name ?? "";
        succeeded(t("moved", { name }), trpc.resellers.pathKey());
        onClose();
      },
      onError,
    }),
  );

  function submit(v: Values) {
    const toResellerId = toReseller ? toReseller.resellerId : v.toResellerId === DIRECT ? null : v.toResellerId;
    move.mutate({ tenantId: tenant?.tenantId ?? v.tenantId, toResellerId, reason: v.reason, idempotencyKey: requestId });
  }

  return (
    <Modal
      open
      title={tenant ? t("moveTitle", { name: tenant.name }) : t("moveInTitle", { reseller: toReseller?.name ?? "" })}
      okText={t("submit")}
      cancelText={t("cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t("history")} style={{ marginBottom: 16 }} />
      <Form<Values> name="moveTenant" form={form} layout="vertical" onFinish={submit}>
        {!tenant && (
          <Form.Item name="tenantId" label={t("tenant")} rules={[{ required: true, message: t("tenantRequired") }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              placeholder={t("tenantPlaceholder")}
              loading={tenants.isFetching}
              options={(tenants.data ?? [])
                .filter((x) => x.reseller?.id !== toReseller?.resellerId)
                .map((x) => ({ value: x.tenantId, label: `${x.name} · ${t("currentOwner", { owner: x.reseller?.name ?? t("direct") })}` }))}
            />
          </Form.Item>
        )}
        {!toReseller && (
          <Form.Item name="toResellerId" label={t("target")} rules={[{ required: true, message: t("targetRequired") }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              placeholder={t("targetPlaceholder")}
              loading={targets.isFetching}
              options={[
                ...(tenant?.ownerResellerId ? [{ value: DIRECT, label: t("direct") }] : []),
                ...(targets.data ?? [])
                  .filter((r) => r.resellerId !== tenant?.ownerResellerId)
                  .map((r) => ({
                    value: r.resellerId,
                    disabled: !r.selectable,
                    label: `${r.parentName ? `${r.parentName} / ` : ""}${r.name}${r.selectable ? "" : ` (${t("suspended")})`}`,
                  })),
              ]}
            />
          </Form.Item>
        )}
        <ReasonField t={t} min={1} />
      </Form>
    </Modal>
  );
}
