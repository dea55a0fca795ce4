// Test helper run as its own process (daily-limit.int.test.ts): a fresh engine process that
// reserves letters, so the test can show that the count survives a restart. Not application code.
// Usage: node --import tsx reserve-in-new-process.ts '<MailAccount JSON>' <n>
import { disconnectDb } from "@/server/shared/db";
import type { MailAccount } from "../engine.types";
import { reserveDailySends } from "./daily-limit";

const account = JSON.parse(process.argv[2] ?? "{}") as MailAccount;
const result = await reserveDailySends(account, Number(process.argv[3]));
process.stdout.write(JSON.stringify(result) + "\n");
await disconnectDb();
