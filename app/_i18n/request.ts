import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "@/server/shared/locale";
import { loadMessages } from "./messages";
import { env } from "@/server/shared/env";

// No locale in the URL: the choice lives in a cookie (and on the user row), so links stay
// the same in both languages.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  // Times show in the platform's default zone until users choose their own.
  return { locale, messages: loadMessages(locale), timeZone: env().TZ_DEFAULT };
});
