import type { ReactNode } from "react";
import { PortalLayout } from "@/app/_components/portal-layout";

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return <PortalLayout role="tenant_admin">{children}</PortalLayout>;
}
