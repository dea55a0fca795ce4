"use client";

import { useEffect, useState, type ReactNode } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { signOut } from "next-auth/react";
import { Avatar, Button, Flex, Layout, Menu, Tag, Typography } from "antd";
import {
  ApartmentOutlined,
  IdcardOutlined,
  NotificationOutlined,
  ShopOutlined,
  AccountBookOutlined,
  CloudServerOutlined,
  KeyOutlined,
  LineChartOutlined,
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  DashboardOutlined,
  GlobalOutlined,
  HomeOutlined,
  ImportOutlined,
  LogoutOutlined,
  MailOutlined,
  SafetyOutlined,
  SafetyCertificateOutlined,
  SecurityScanOutlined,
  LoginOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from "@ant-design/icons";
import type { SessionRole } from "@/server/auth/roles";
import type { Locale } from "@/server/shared/locale";
import { LanguageSwitch } from "./language-switch";
import { hasLocaleCookie, writeLocaleCookie } from "./locale-cookie";
import { PORTAL_NAV, selectedNavHref, type NavIcon } from "./portal-nav";

const ICONS: Record<NavIcon, ReactNode> = {
  home: <HomeOutlined />,
  audit: <AuditOutlined />,
  billing: <AccountBookOutlined />,
  plans: <AppstoreOutlined />,
  domains: <GlobalOutlined />,
  mailboxes: <TeamOutlined />,
  lists: <UsergroupAddOutlined />,
  mailLog: <MailOutlined />,
  quarantine: <SafetyOutlined />,
  imports: <ImportOutlined />,
  settings: <SettingOutlined />,
  alerts: <AlertOutlined />,
  sla: <DashboardOutlined />,
  resellers: <ShopOutlined />,
  announcements: <NotificationOutlined />,
  subResellers: <ApartmentOutlined />,
  profile: <IdcardOutlined />,
  loginLog: <LoginOutlined />,
  security: <SecurityScanOutlined />,
  accountSecurity: <SafetyCertificateOutlined />,
  monitoring: <LineChartOutlined />,
  backups: <CloudServerOutlined />,
  apiKeys: <KeyOutlined />,
};

const PORTAL_TITLE = { tenant_admin: "console", reseller: "reseller", operator: "ops", mailbox_user: "mailbox" } as const;

export type ShellUser = { name: string; email: string; role: SessionRole };

/**
 * The frame of all three portals, parameterised by the user's role: side menu, header with
 * the signed-in user, language switch and sign-out.
 */
export function PortalShell({
  user,
  savedLocale,
  children,
}: {
  user: ShellUser;
  /** The language saved on the account; adopted when this browser has made no choice yet. */
  savedLocale: Locale | null;
  children: ReactNode;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);
  const items = PORTAL_NAV[user.role];
  const selected = selectedNavHref(pathname, items);

  useEffect(() => {
    if (savedLocale && savedLocale !== locale && !hasLocaleCookie()) {
      writeLocaleCookie(savedLocale);
      router.refresh();
    }
  }, [savedLocale, locale, router]);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          gap: 16,
          paddingInline: 24,
          background: "#fff",
          borderBottom: "1px solid #f0f0f0",
        }}
      >
        <Link href={items[0]?.href ?? "/"} style={{ fontSize: 18, fontWeight: 600, whiteSpace: "nowrap" }}>
          <MailOutlined /> {t("common.productName")}
        </Link>
        <Typography.Text type="secondary" className="ms-wide-only" style={{ whiteSpace: "nowrap" }}>
          {t(`meta.${PORTAL_TITLE[user.role]}`)}
        </Typography.Text>
        <Flex align="center" gap={12} style={{ marginInlineStart: "auto", minWidth: 0 }}>
          <Flex align="center" gap={8} role="group" aria-label={t("common.signedInAs")} style={{ minWidth: 0 }}>
            <Avatar size="small" icon={<UserOutlined />} />
            <span className="ms-wide-only" style={{ lineHeight: 1.3, minWidth: 0 }}>
              <span style={{ display: "block", fontWeight: 500 }}>{user.name}</span>
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                {user.email}
              </Typography.Text>
            </span>
            <Tag color="blue" variant="filled" className="ms-wide-only" style={{ marginInlineEnd: 0 }}>
              {t(`roles.${user.role}`)}
            </Tag>
          </Flex>
          {/* A mailbox user has no account row to remember the language on: the cookie only. */}
          <LanguageSwitch signedIn={user.role !== "mailbox_user"} />
          <Button
            icon={<LogoutOutlined />}
            // Named even when the narrow layout hides the words.
            aria-label={t("common.signOut")}
            loading={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut({ callbackUrl: "/signin" });
            }}
          >
            <span className="ms-wide-only">{t("common.signOut")}</span>
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label={t("nav.menu")}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              style={{ borderInlineEnd: 0, paddingTop: 8 }}
              items={items.map((item) => ({
                key: item.href,
                icon: ICONS[item.icon],
                label: <Link href={item.href}>{t(`nav.${item.label}`)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
