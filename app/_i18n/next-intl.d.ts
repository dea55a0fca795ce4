import type { Locale } from "@/server/shared/locale";
import type { MESSAGES } from "./messages";

// Message keys are type-checked: a typo in t("…") fails `tsc`, and messages.test.ts keeps the
// other language's files in step with this one.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: (typeof MESSAGES)["zh-CN"];
  }
}
