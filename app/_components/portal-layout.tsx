import type { ReactNode } from "react";
import { connection } from "next/server";
import type { SessionRole } from "@/server/auth/roles";
import { getSavedLocale } from "@/server/portal/get-saved-locale";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { PortalShell } from "./portal-shell";

/** The server half of a portal's layout: the role gate, then the shared shell. */
export async function PortalLayout({ role, children }: { role: SessionRole; children: ReactNode }) {
  await connection();
  const user = await requirePortalUser(role);
  const savedLocale = await getSavedLocale(user.id);
  return (
    <PortalShell user={{ name: user.name, email: user.email, role: user.role }} savedLocale={savedLocale}>
      {children}
    </PortalShell>
  );
}
