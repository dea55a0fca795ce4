// Run by npm start / dev / test before anything else reads the configuration: a bad value
// stops start-up here with the variable's name and what was expected, not a stack trace.
import { env, EnvError } from "@/server/shared/env";

try {
  env();
} catch (e) {
  if (!(e instanceof EnvError)) throw e;
  console.error(`[mailstead] ${e.message}\nFix the variable in the environment or in .env.local, then run the command again.`);
  process.exit(1);
}
