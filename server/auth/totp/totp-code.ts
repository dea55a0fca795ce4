import { generate, generateSecret, generateURI, verify } from "otplib";

// RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps.
export const TOTP_PERIOD_SECONDS = 30;

/** One step either side of now: a phone clock a little off, or a code typed as it rolled over. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export type TotpCheck = { result: "ok"; step: number } | { result: "invalid" } | { result: "replayed" };

/** A new base32 secret of 160 bits (RFC 4226 §4 recommends at least that for SHA-1). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, issuer: string, account: string): string {
  return generateURI({ issuer, label: account, secret, algorithm: "sha1", digits: 6, period: TOTP_PERIOD_SECONDS });
}

/** The code of the step that contains `at` (tests and the e2e spec use it to play the phone). */
export function totpCodeAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000), period: TOTP_PERIOD_SECONDS });
}

/** "abcd efgh …": the secret in groups of four, as people type it into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export function isTotpCodeShape(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * Checks a six-digit code within ±1 step of `now`. A code of a step at or before `lastStep` was
 * already used (or an older one was): "replayed", refused, so a code seen over a shoulder or
 * in a log cannot be used again within its window.
 */
export async function checkTotpCode(secret: string, code: string, now: Date, lastStep: number | null): Promise<TotpCheck> {
  if (!isTotpCodeShape(code)) return { result: "invalid" };
  const found = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOLERANCE_SECONDS,
  });
  // The functional API types TOTP and HOTP results together; only TOTP's carries timeStep.
  if (!found.valid || !("timeStep" in found)) return { result: "invalid" };
  if (lastStep !== null && found.timeStep <= lastStep) return { result: "replayed" };
  return { result: "ok", step: found.timeStep };
}
