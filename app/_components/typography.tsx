"use client";

import type { ReactNode } from "react";
import { Typography } from "antd";

// A client module on purpose: server components cannot reach antd's compound members
// (Typography.Title, Layout.Sider …). antd is a client module, so in a server file
// `Typography` is only a reference and `.Title` is undefined (React error #130).
// These wrappers give server pages the few they need.

/** The one heading of a portal page. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={3} style={{ marginTop: 0 }}>
      {children}
    </Typography.Title>
  );
}

export function SecondaryText({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
