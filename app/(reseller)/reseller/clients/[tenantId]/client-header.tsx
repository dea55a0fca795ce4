"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert, Breadcrumb, Flex, Menu, Tag } from "antd";
import type { ActingClient } from "@/server/resellers/load-acting-client";
import { PageTitle } from "@/app/_components/typography";
import { TenantStatusTag } from "@/app/_components/tenant-status-tag";

const SECTIONS = ["", "/billing", "/domains", "/sla"] as const;
const LABEL = { "": "overview", "/billing": "billing", "/domains": "domains", "/sla": "sla" } as const;

/** The client's name, whose client it is, and the sections a reseller handles for it. */
export function ClientHeader({ client }: { client: ActingClient }) {
  const t = useTranslations("actingClient");
  const path = usePathname();
  const base = `/reseller/clients/${client.id}`;
  const current = [...SECTIONS].reverse().find((s) => s && path.startsWith(base + s)) ?? "";
  return (
    <>
      <Breadcrumb items={[{ title: <Link href="/reseller">{t("clients")}</Link> }, { title: client.name }]} style={{ marginBottom: 8 }} />
      <Flex align="center" gap={12} wrap>
        <PageTitle>{client.name}</PageTitle>
        <TenantStatusTag status={client.status} />
        {client.viaSubReseller ? <Tag color="purple">{t("viaSubReseller", { name: client.ownerName })}</Tag> : null}
      </Flex>
      <Alert type="info" showIcon title={t("actingNotice")} style={{ marginBottom: 12 }} />
      <Menu
        mode="horizontal"
        selectedKeys={[current]}
        style={{ marginBottom: 16 }}
        items={SECTIONS.map((s) => ({ key: s, label: <Link href={base + s}>{t(`sections.${LABEL[s]}`)}</Link> }))}
      />
    </>
  );
}
