import { ApiKeysPage, apiKeysMetadata } from "@/app/_components/api-keys/api-keys-page";

export const generateMetadata = apiKeysMetadata;

/** /ops/api-keys: platform-wide keys of the provisioning API, and every reseller's (to revoke a leaked one). */
export default function OpsApiKeysPage() {
  return <ApiKeysPage portal="operator" />;
}
