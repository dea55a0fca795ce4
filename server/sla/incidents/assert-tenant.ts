import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";

type Client = Pick<typeof db, "tenant">;

/** An incident or a filter naming a tenant that does not exist is refused, never stored or ignored. */
export async function assertTenantExists(tenantId: string, client: Client = db): Promise<void> {
  if (!(await client.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw notFound("Tenant");
}
