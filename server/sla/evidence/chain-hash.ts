import { createHash } from "node:crypto";
import { sampleLine, type SampleRow } from "./sample-line";

// One day's link of the evidence chain: sha256 over the previous day's digest (its 32 raw bytes;
// nothing for the chain's first day) and then each sample's line plus "\n", in id order. Fed page
// by page, so a day of 500,000 samples never sits in memory at once. Pure: no I/O.

export const DIGEST_BYTES = 32;

export type DayHasher = {
  add(rows: readonly SampleRow[]): void;
  readonly count: number;
  digest(): Buffer;
};

export function dayHasher(prevDigest: Uint8Array | null): DayHasher {
  if (prevDigest && prevDigest.length !== DIGEST_BYTES) throw new RangeError(`a previous digest has ${DIGEST_BYTES} bytes, got ${prevDigest.length}`);
  const hash = createHash("sha256");
  if (prevDigest) hash.update(prevDigest);
  let count = 0;
  let lastId: bigint | null = null;
  return {
    add(rows) {
      for (const row of rows) {
        // Out-of-order rows would hash to another digest than verify's: a bug to fail loudly on.
        if (lastId !== null && row.id <= lastId) throw new RangeError(`samples must come in ascending id order (${row.id} after ${lastId})`);
        lastId = row.id;
        hash.update(`${sampleLine(row)}\n`, "utf8");
        count += 1;
      }
    },
    get count() {
      return count;
    },
    digest: () => hash.digest(),
  };
}
