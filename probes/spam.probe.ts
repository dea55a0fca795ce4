import { readFileSync } from "node:fs";
import { corpusHalves, readCorpusMessage, type CorpusEntry } from "@/scripts/spam/corpus";
import { probeLabelled, type LabelledSample } from "@/server/sla/probes/labelled.probe";
import type { ProbeConfig } from "@/server/sla/probes/probe-config";
import { targetLabel } from "@/server/sla/probes/probe-config";
import type { ProbeMailbox } from "@/server/sla/probes/probe-mailbox";
import type { ProbeRun } from "@/server/sla/probes/record-run";
import { virusSample } from "@/server/sla/probes/virus-samples";

// Labelled samples each run: one spam and one ham of the corpus's HELD-OUT half (the training
// half taught the Bayes: measuring on it would flatter the filter; scripts/spam/split-corpus.ts),
// and one test virus, alternating EICAR and a clamav-testfiles file.

const TESTFILES_DIR = "/usr/share/clamav-testfiles";

let heldOut: Promise<CorpusEntry[]> | undefined;
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

export async function corpusSample(kind: "spam" | "ham"): Promise<LabelledSample> {
  heldOut ??= corpusHalves().then((h) => h.heldOut);
  const entry = pick((await heldOut).filter((e) => e.kind === kind));
  const m = await readCorpusMessage(entry);
  return { label: kind, source: entry.path, bytes: m.bytes, from: m.envelope.from };
}

function testfile(name: string): { name: string; bytes: Buffer } | null {
  try {
    return { name, bytes: readFileSync(`${TESTFILES_DIR}/${name}`) };
  } catch {
    return null; // clamav-testfiles not installed: EICAR only
  }
}

let virusTurn = 0;
export function nextVirus(): LabelledSample {
  const file = virusTurn++ % 2 === 1 ? testfile("clam.exe") : null;
  return virusSample(file);
}

export function spamRuns(c: ProbeConfig, box: ProbeMailbox): ProbeRun[] {
  const target = targetLabel(c.mx);
  const opts = { mx: c.mx, pop3: c.pop3, mailbox: box, timeoutMs: c.timeoutMs };
  return [
    { probe: "spam", target, run: async () => probeLabelled(opts, await corpusSample("spam")) },
    { probe: "ham", target, run: async () => probeLabelled(opts, await corpusSample("ham")) },
    { probe: "virus", target, run: () => probeLabelled(opts, nextVirus()) },
  ];
}
