import type { ReactNode } from "react";
import { Card } from "antd";

/** A card listing incidents or maintenance windows: a line to lead each, a line under it; a sentence when there are none. */
export function NoticeList({ title, empty, items }: { title: string; empty: string; items: { key: string; head: ReactNode; body: ReactNode }[] }) {
  return (
    <Card title={title}>
      {items.length === 0 ? (
        <p style={{ margin: 0, color: "rgba(0,0,0,0.45)" }}>{empty}</p>
      ) : (
        <ul aria-label={title} style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 12 }}>
          {items.map((item) => (
            <li key={item.key}>
              {item.head}
              <div style={{ marginTop: 4 }}>{item.body}</div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
