import { ApiKeysPage, apiKeysMetadata } from "@/app/_components/api-keys/api-keys-page";

export const generateMetadata = apiKeysMetadata;

/** /reseller/api-keys: the reseller's own keys for its billing system. */
export default function ResellerApiKeysPage() {
  return <ApiKeysPage portal="reseller" />;
}
