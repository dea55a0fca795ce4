import type { Role } from "./roles";

/** What a session carries: enough to scope every query without another lookup. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
  resellerId: string | null;
};
