import type { ReactNode } from "react";
import { PortalLayout } from "@/app/_components/portal-layout";

export default function MailboxLayout({ children }: { children: ReactNode }) {
  return <PortalLayout role="mailbox_user">{children}</PortalLayout>;
}
