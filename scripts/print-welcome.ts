// Printed by `npm start` and `npm run dev` before the processes start.
import { env } from "@/server/shared/env";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo-accounts";

const url = env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;
const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
console.log(`
  Mailstead is starting at ${url}

  Demo sign-ins (password for all: ${DEMO_ACCOUNTS[0]?.password}):
${DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(width)}  ${a.role.padEnd(12)}  → ${url}${a.home}`).join("\n")}
`);
