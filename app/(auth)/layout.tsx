import type { ReactNode } from "react";
import { LanguageSwitch } from "@/app/_components/language-switch";

/** Pages for signed-out visitors: a centred column, with the language switch in the corner. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: "100vh", display: "flex", flexDirection: "column" }}>
      <div style={{ display: "flex", justifyContent: "flex-end", padding: "12px 24px" }}>
        <LanguageSwitch signedIn={false} />
      </div>
      <main style={{ flex: 1, display: "grid", placeItems: "center", padding: "0 16px 64px" }}>{children}</main>
    </div>
  );
}
