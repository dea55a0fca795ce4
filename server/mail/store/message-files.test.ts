import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDurableDirectory } from "./message-files";

describe("ensureDurableDirectory", () => {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

  it("makes the store root and its missing parents under a new data folder (npm start's first message)", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), "mailstead-dirs-"));
    made.push(base);
    const root = path.join(base, "data", "e2e", "store");
    await ensureDurableDirectory(root, path.join(root, "2026", "11", "26", "18"));
    expect(existsSync(path.join(root, "2026", "11", "26", "18"))).toBe(true);
    // The next hour below an existing root.
    await ensureDurableDirectory(root, path.join(root, "2026", "11", "26", "19"));
    expect(existsSync(path.join(root, "2026", "11", "26", "19"))).toBe(true);
  });
});
