"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Avatar, Card, Descriptions, Flex, Skeleton, Tabs, Tag, Typography } from "antd";
import { ShopOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";
import { formatMoney } from "@/app/_components/money";
import { useUrlTab } from "@/app/_components/use-url-tab";
import { StaffPanel } from "../_shared/staff-panel";
import { AccountTab } from "./account-tab";
import { ClientsTab } from "./clients-tab";
import { PricingTab } from "./pricing-tab";
import { ProfileTab } from "./profile-tab";
import { RESELLER_TABS, type ResellerTab } from "./reseller-tabs";


/** One reseller for the operator: a header card, then Profile / Staff / Pricing / Account / Clients. */
export function ResellerDetail({ resellerId, initialTab }: { resellerId: string; initialTab: ResellerTab }) {
  const t = useTranslations("resellersOps");
  const locale = useLocale();
  const trpc = useTRPC();
  const [tab, openTab] = useUrlTab(RESELLER_TABS, initialTab);
  const detail = useQuery(trpc.resellers.ops.get.queryOptions({ resellerId }));

  if (detail.error) return <Alert type="error" showIcon title={refusalText(t)(detail.error)} action={<Link href="/ops/resellers">{t("backToList")}</Link>} />;
  if (!detail.data) return <Skeleton active />;
  const r = detail.data;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex gap={16} align="flex-start">
          <Avatar shape="square" size={64} src={r.logo || undefined} icon={r.logo ? undefined : <ShopOutlined />} />
          <Flex vertical gap={4} style={{ flex: 1 }}>
            <Flex gap={8} align="center">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="reseller-name">
                {r.name}
              </Typography.Title>
              <Tag color={r.status === "active" ? "green" : "red"}>{t(`statuses.${r.status}`)}</Tag>
              {r.parent && <Tag>{t("subOf", { name: r.parent.name })}</Tag>}
            </Flex>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: "contact", label: t("card.contactName"), children: r.contactName ?? "—" },
                { key: "phone", label: t("card.contactPhone"), children: <span data-testid="reseller-phone">{r.contactPhone ?? "—"}</span> },
                { key: "email", label: t("card.contactEmail"), children: r.contactEmail ?? "—" },
                { key: "hours", label: t("card.serviceHours"), children: r.serviceHours ?? "—" },
                { key: "clients", label: t("columns.clients"), children: r.clientCount },
                { key: "subs", label: t("columns.subResellers"), children: r.children.length ? r.children.map((c) => <Link key={c.id} href={`/ops/resellers/${c.id}`} style={{ marginRight: 8 }}>{c.name}</Link>) : "0" },
                { key: "discount", label: t("columns.discount"), children: `${(r.discountBps / 100).toFixed(2)} %` },
                { key: "credit", label: t("columns.creditLimit"), children: formatMoney(r.creditLimit, r.currency, locale) },
                { key: "parent", label: t("fields.parent"), children: r.parent ? <Link href={`/ops/resellers/${r.parent.id}`}>{r.parent.name}</Link> : t("fields.noParent") },
              ]}
            />
          </Flex>
        </Flex>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={openTab}
        items={[
          { key: "profile", label: t("tabs.profile"), children: <ProfileTab reseller={r} /> },
          { key: "staff", label: t("tabs.staff"), children: <StaffPanel owner={{ kind: "ops", resellerId }} /> },
          { key: "pricing", label: t("tabs.pricing"), children: <PricingTab resellerId={resellerId} /> },
          { key: "account", label: t("tabs.account"), children: <AccountTab resellerId={resellerId} /> },
          { key: "clients", label: t("tabs.clients"), children: <ClientsTab resellerId={resellerId} /> },
        ]}
        destroyOnHidden
      />
    </Flex>
  );
}
