import path from "node:path";
import { env } from "@/server/shared/env";

/** The mail store's root: message files live below it; StoredMessage.path is relative to it. */
export function storeRoot(): string {
  return path.resolve(env().DATA_DIR, "store");
}

/** The TLS pair of the listeners: configured paths, else the self-signed pair npm start makes. */
export function tlsPaths(): { cert: string; key: string } {
  const e = env();
  return {
    cert: path.resolve(e.MAIL_TLS_CERT ?? path.join(e.DATA_DIR, "tls", "mail.crt")),
    key: path.resolve(e.MAIL_TLS_KEY ?? path.join(e.DATA_DIR, "tls", "mail.key")),
  };
}

/** The name the engine greets with and writes into Received headers. */
export function mailHostname(): string {
  return env().MAIL_HOSTNAME ?? `mx.${env().PLATFORM_DOMAIN}`;
}
