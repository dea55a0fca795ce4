// A real HTTP server for the API's tests: node:http in front of the route handlers, as Next.js
// runs them (a fetch Request in, a Response out), so the tests call it with fetch over loopback.
// Not imported by application code.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { apiRouteFiles } from "./api-routes";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  return new Request(new URL(req.url ?? "/", base), { method, headers, body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks) });
}

export async function startApiServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const routes = await Promise.all(apiRouteFiles().map(async (r) => ({ ...r, module: (await import(r.file)) as Record<string, Handler> })));
  const server = createServer((req, res) => {
    void (async () => {
      const base = `http://${req.headers.host ?? "127.0.0.1"}`;
      const path = new URL(req.url ?? "/", base).pathname;
      for (const route of routes) {
        const match = route.pattern.exec(path);
        const handler = match && route.module[req.method ?? "GET"];
        if (!match) continue;
        if (!handler) break;
        const params = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
        const response = await handler(await toRequest(req, base), { params: Promise.resolve(params) });
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
        return;
      }
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND", message: "No such route" } }));
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
