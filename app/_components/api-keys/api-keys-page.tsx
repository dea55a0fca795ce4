import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PageTitle, SecondaryText } from "@/app/_components/typography";
import { ApiKeysManager } from "./api-keys-manager";
import type { KeysPortal } from "./use-api-keys";

export async function apiKeysMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

/** The body of /ops/api-keys and /reseller/api-keys (docs/api.md): the same table on each portal's tier. */
export async function ApiKeysPage({ portal }: { portal: KeysPortal }) {
  await connection();
  await requirePortalUser(portal);
  const t = await getTranslations("apiKeys");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div style={{ marginBottom: 16 }}>
        <SecondaryText>{t(`subtitle.${portal}`)}</SecondaryText>
      </div>
      <ApiKeysManager portal={portal} />
    </>
  );
}
