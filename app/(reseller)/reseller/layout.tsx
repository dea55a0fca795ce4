import type { ReactNode } from "react";
import { PortalLayout } from "@/app/_components/portal-layout";

export default function ResellerLayout({ children }: { children: ReactNode }) {
  return <PortalLayout role="reseller">{children}</PortalLayout>;
}
