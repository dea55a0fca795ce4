import type { ReactNode } from "react";
import { PortalLayout } from "@/app/_components/portal-layout";

export default function OpsLayout({ children }: { children: ReactNode }) {
  return <PortalLayout role="operator">{children}</PortalLayout>;
}
