// The processes `npm start` (mode "prod") and `npm run dev` (mode "dev") run together.
// Later parts of Mailstead (mail engine, probes, DNS sandbox, rspamd) add their entries here.
export type ProcessSpec = { name: string; command: string; args: string[]; env?: Record<string, string> };

export function processes(mode: "prod" | "dev", port: number): ProcessSpec[] {
  const portal: ProcessSpec =
    mode === "prod"
      ? { name: "portal", command: "node_modules/.bin/next", args: ["start", "-p", String(port)] }
      : { name: "portal", command: "node_modules/.bin/next", args: ["dev", "-p", String(port)] };
  const workers: ProcessSpec =
    mode === "prod"
      ? { name: "workers", command: "node_modules/.bin/tsx", args: ["workers/run.ts"] }
      : { name: "workers", command: "node_modules/.bin/tsx", args: ["watch", "workers/run.ts"] };
  return [portal, workers];
}
