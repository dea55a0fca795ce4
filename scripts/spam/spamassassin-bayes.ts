import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

// SpamAssassin's Bayes from the tooling's side: how much it has learned, and forgetting it
// (tuning). Both go through sa-learn on the Bayes files spamd uses; spamd's protocol has no
// command for either. Learning itself goes through spamd (spamdTell), like users' lessons.

const run = promisify(execFile);
/** Where spamd keeps Bayes (scripts/services/spamd.sh writes the same path into its configuration). */
export const SPAMASSASSIN_BAYES_DIR = "/var/lib/spamassassin/mailstead";

/** sa-learn as spamd's user when we are root, so the files it writes stay spamd's. */
async function saLearn(args: string[]): Promise<string> {
  // Debian's site configuration (its plugin list) is enough to read and clear Bayes; --dbpath
  // names spamd's files whichever checkout started spamd.
  const argv = ["--dbpath", SPAMASSASSIN_BAYES_DIR, ...args];
  const asRoot = process.getuid?.() === 0;
  try {
    const { stdout } = asRoot ? await run("runuser", ["-u", "debian-spamd", "--", "sa-learn", ...argv]) : await run("sa-learn", argv);
    return stdout;
  } catch (e) {
    throw new Error(`sa-learn ${args.join(" ")} failed (is SpamAssassin set up? run: bash scripts/services/spamd.sh): ${(e as Error).message}`, { cause: e });
  }
}

/** Pure: nspam and nham from `sa-learn --dump magic` ("0.000  0  1234  0  non-token data: nspam"). */
export function parseMagic(dump: string): { spam: number; ham: number } {
  const counts = new Map<string, number>();
  for (const m of dump.matchAll(/^\S+\s+\S+\s+(\d+)\s+\S+\s+non-token data: (\w+)\s*$/gm)) counts.set(m[2]!, Number(m[1]));
  return { spam: counts.get("nspam") ?? 0, ham: counts.get("nham") ?? 0 };
}

export async function spamAssassinLearns(): Promise<{ spam: number; ham: number }> {
  // Before its first lesson there is no database, and sa-learn calls dumping it an error.
  if (!existsSync(`${SPAMASSASSIN_BAYES_DIR}/bayes_toks`)) return { spam: 0, ham: 0 };
  return parseMagic(await saLearn(["--dump", "magic"]));
}

/** Forgets everything SpamAssassin's Bayes learned (tuning only). */
export async function forgetSpamAssassinBayes(): Promise<void> {
  await saLearn(["--clear"]);
}
