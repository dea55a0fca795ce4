import { db } from "@/server/shared/db";
import { LOCALES, type Locale } from "@/server/shared/locale";

/** The language a user chose earlier (me.setLocale), so it follows them to a new browser. */
export async function getSavedLocale(userId: string): Promise<Locale | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  const saved = user?.locale;
  return saved && (LOCALES as readonly string[]).includes(saved) ? (saved as Locale) : null;
}
