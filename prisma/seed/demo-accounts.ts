import { ROLE_HOME, type Role } from "@/server/auth/roles";

// The demo sign-ins `npm run seed` creates. README, `npm start` and the e2e tests read them
// from here, so the printed list can never disagree with the data.

export const DEMO_PASSWORD = "Mailstead#2026";

/**
 * Operators must sign in with a second factor (issue 11), so the demo operator is enrolled with
 * this TOTP secret (base32): add it to an authenticator app, or let the e2e fixture compute codes.
 * A demo value, printed in the README like the password; real operators enrol their own.
 */
export const DEMO_OPERATOR_TOTP_SECRET = "MAILSTEADDEMOOPERATORTOTPKEYABCD";

/** The demo organisations, by the role they play. */
export const DEMO_ORGS = {
  reseller: { name: "华信通达科技", nameEn: "Huaxin Tongda" },
  // The reseller's sub-reseller (one level down), with no clients of its own yet.
  subReseller: { name: "华信通达苏州分公司", nameEn: "Huaxin Tongda Suzhou" },
  resellerClient: { name: "星河贸易有限公司", nameEn: "Xinghe Trading Co., Ltd." },
  directTenant: { name: "青松设计工作室", nameEn: "Qingsong Design Studio" },
} as const;

export type DemoOrg = keyof typeof DEMO_ORGS;

export type DemoAccount = {
  email: string;
  password: string;
  name: string;
  role: Role;
  /** Where the role lands after signing in. */
  home: string;
  /** The organisation the account belongs to; null for the operator. */
  org: DemoOrg | null;
};

const account = (email: string, name: string, role: Role, org: DemoOrg | null): DemoAccount => ({
  email,
  password: DEMO_PASSWORD,
  name,
  role,
  home: ROLE_HOME[role],
  org,
});

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account("ops@mailstead.local", "刘晓雯", "operator", null),
  account("reseller@mailstead.local", "王建国", "reseller", "reseller"),
  account("suzhou@mailstead.local", "孙丽", "reseller", "subReseller"),
  account("admin@xinghe-trade.local", "陈思远", "tenant_admin", "resellerClient"),
  account("admin@qingsong.local", "赵青", "tenant_admin", "directTenant"),
];

export function demoAccount(org: DemoOrg | null): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.org === org);
  if (!found) throw new Error(`no demo account for ${org ?? "the operator"}`);
  return found;
}
