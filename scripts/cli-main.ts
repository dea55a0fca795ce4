// The ending every operator script shares: exit code from main(), errors printed for a person
// (usage errors with the usage text, the product's refusals as they are, anything else as a
// failure of the script), and the database connection closed so the process can exit.
import { EnvError } from "@/server/shared/env";
import { DomainError } from "@/server/shared/errors";
import { disconnectDb } from "@/server/shared/db";

/** Bad command-line arguments: printed with the usage text. */
export class UsageError extends Error {}

export function runCli(name: string, usage: string, main: () => Promise<number>): void {
  main()
    .then((code) => (process.exitCode = code))
    .catch((e) => {
      if (e instanceof UsageError || (e instanceof DomainError && e.code === "BAD_INPUT")) console.error(`error: ${e.message}\n${usage}`);
      else if (e instanceof DomainError || e instanceof EnvError) console.error(`error: ${e.message}`);
      else console.error(`${name} failed:`, e instanceof Error ? e.message : e);
      process.exitCode = 1;
    })
    .finally(() => disconnectDb());
}
