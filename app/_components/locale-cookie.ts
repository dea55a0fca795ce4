import { LOCALE_COOKIE, type Locale } from "@/server/shared/locale";

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** Remembers the language in this browser; the server reads it in app/_i18n/request.ts. */
export function writeLocaleCookie(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
}

/** Whether this browser has made a language choice of its own. */
export function hasLocaleCookie(): boolean {
  return document.cookie.split(";").some((c) => c.trim().startsWith(`${LOCALE_COOKIE}=`));
}
