import { createHash } from "node:crypto";
import { Transform } from "node:stream";

/** A pass-through stream that hashes (SHA-256) and counts the bytes going through it. */
export function hashTap(): { stream: Transform; digest: () => string; bytes: () => number } {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, digest: () => hash.digest("hex"), bytes: () => bytes };
}
