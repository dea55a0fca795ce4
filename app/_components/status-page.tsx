import { Button, Result } from "antd";
import type { ResultProps } from "antd";

/** The body of the 404 / 403 pages: an antd Result centred on the page with one way out. */
export function StatusPage(props: {
  status: ResultProps["status"];
  title: string;
  text: string;
  href: string;
  linkText: string;
}) {
  return (
    <main style={{ minHeight: "100vh", display: "grid", placeItems: "center", padding: 24 }}>
      <Result
        status={props.status}
        title={<h1 style={{ fontSize: "inherit", margin: 0, fontWeight: "inherit" }}>{props.title}</h1>}
        subTitle={props.text}
        extra={
          <Button type="primary" href={props.href}>
            {props.linkText}
          </Button>
        }
      />
    </main>
  );
}
