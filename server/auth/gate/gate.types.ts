import type { SecondFactorAccount } from "@/server/auth/totp/check-second-factor";

export type GateChannel = "web" | "self_service" | "smtp" | "pop3";

/** What a channel loaded for the identifier typed; the gate does the rest the same way for all. */
export type GateAccount = {
  kind: "user" | "mailbox";
  id: string;
  /** Where the new-network letter goes: the user's e-mail or the mailbox's address. */
  email: string;
  name: string;
  tenantId: string | null;
  passwordHash: string;
  /** Null when usable; else the reason an admin reads ("account disabled", "tenant frozen"). */
  unusable: string | null;
  /** Mail clients only: the admin set a password the user must change first (on the web). */
  mustChangePassword?: boolean;
  /** Portal accounts only: asked for a second factor when enrolled. */
  secondFactor?: SecondFactorAccount;
  locale?: string | null;
};

export type GateAttempt = {
  channel: GateChannel;
  /** As typed (trimmed, lower-case): the login log's "account" for unknown ones too. */
  identifier: string;
  account: GateAccount | null;
  password: string;
  totp?: string | null;
  ip: string | null;
  userAgent: string | null;
  /**
   * The mail engine verified this exact (address, password, hash, address of origin) moments ago:
   * skip the argon2 verify, but every other check (locks, IP rules, state) still runs.
   */
  passwordKnownGood?: boolean;
};

/** The sign-in form's refusal codes (design: "Refusal codes of the sign-in form"), plus mail-only ones. */
export type GateRefusal =
  | "bad_credentials"
  | "rate_limited"
  | "locked"
  | "ip_denied"
  | "disabled"
  | "must_change_password"
  | "second_factor_required"
  | "second_factor_failed";

export type GateOutcome =
  | { ok: true; newNetwork: boolean }
  | { ok: false; refusal: GateRefusal; /** For "locked": when the lock ends. */ lockedUntil?: Date };
