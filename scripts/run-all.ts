// `npm start` / `npm run dev`: the product's processes (scripts/processes.ts) under one supervisor.
import { processes } from "./processes";
import { supervise } from "./supervisor";
import { env } from "@/server/shared/env";

const dnsSandbox = env().DNS_SANDBOX === "on";
// With the sandbox on, the relay resolves through it, and every exchange there is on 127.0.0.1:
// let the relay dial them (the children inherit this), unless the variable was set explicitly.
// With real resolvers, private targets stay refused (README, OUTBOUND_PRIVATE_TARGETS).
if (dnsSandbox) process.env.OUTBOUND_PRIVATE_TARGETS ??= "allow";
supervise(processes(process.argv[2] === "dev" ? "dev" : "prod", env().PORT, dnsSandbox));
