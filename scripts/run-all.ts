// `npm start` / `npm run dev`: the product's processes (scripts/processes.ts) under one supervisor.
import { processes } from "./processes";
import { supervise } from "./supervisor";
import { env } from "@/server/shared/env";

supervise(processes(process.argv[2] === "dev" ? "dev" : "prod", env().PORT, env().DNS_SANDBOX === "on"));
