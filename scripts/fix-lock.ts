// `npm run lock` = npm install, then this. The registry here has no builds for other platforms
// (@next/swc-darwin-arm64 and friends), so npm leaves those optional packages out of the lock
// and `npm ci` on a fresh machine may report them missing. A placeholder entry per missing
// optional package (same version, optional) makes the lock whole again.
import { readFileSync, writeFileSync } from "node:fs";

type Entry = { version?: string; optional?: boolean; optionalDependencies?: Record<string, string> };
const path = "package-lock.json";
const lock = JSON.parse(readFileSync(path, "utf8")) as { packages: Record<string, Entry> };

function present(from: string, name: string): boolean {
  // npm resolves a dependency from the nearest node_modules up the tree.
  let dir = from;
  for (;;) {
    if (lock.packages[`${dir ? dir + "/" : ""}node_modules/${name}`]) return true;
    if (!dir) return false;
    const i = dir.lastIndexOf("/node_modules/");
    dir = i === -1 ? "" : dir.slice(0, i);
  }
}

let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (present(key, name)) continue;
    const version = range.replace(/^[\^~=]/, "");
    if (!/^\d+\.\d+\.\d+/.test(version)) continue; // only exact pins can be placeheld faithfully
    lock.packages[`node_modules/${name}`] = { version, optional: true };
    added++;
  }
}
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(`fix-lock: added ${added} placeholder entr${added === 1 ? "y" : "ies"} for other platforms' optional packages`);
