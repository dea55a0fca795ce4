// Measures how long clamd takes to scan a whole message through the engine's client
// (zINSTREAM over loopback TCP): the median of several scans per size. docs/clamav.md.
//   npx tsx scripts/clamav/measure-scan.ts [rounds]
import { randomBytes } from "node:crypto";
import { clamdPing, clamdScan } from "@/server/mail/filter/clamav/clamd-client";
import { EICAR, mimeMessage } from "@/server/mail/filter/clamav/clamav-test-fixtures";

const rounds = Math.max(3, Number(process.argv[2] ?? 25) || 25);

// clamd caches the verdict of every clean object by its MD5, and scanning the same message
// twice would measure that cache: each round builds a message of its own (a unique line in
// the text, fresh random bytes in an attachment), as real mail is.
const line = "The quick brown fox jumps over the lazy dog, again and again.\r\n";
const unique = () => `Reference ${randomBytes(12).toString("hex")}\r\n`;
const cases: { name: string; make: () => Buffer }[] = [
  { name: "2 KB text message", make: () => mimeMessage({ text: unique() + line.repeat(26) }) },
  {
    name: "2 KB with EICAR attached",
    make: () => mimeMessage({ text: unique() + line.repeat(24), attachments: [{ name: "e.com", bytes: Buffer.from(EICAR) }] }),
  },
  { name: "1 MB text message", make: () => mimeMessage({ text: unique() + line.repeat(16_300) }) },
  // Random bytes: nothing for clamd to unpack, the worst case for its content matcher.
  {
    name: "1 MB with a 750 KB binary attachment",
    make: () => mimeMessage({ text: unique(), attachments: [{ name: "data.bin", bytes: randomBytes(750 * 1024) }] }),
  },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

if (!(await clamdPing())) {
  console.error("clamd does not answer — run: bash scripts/services/clamav.sh");
  process.exit(1);
}
for (const c of cases) {
  await clamdScan(c.make()); // warm-up
  const ms: number[] = [];
  let infected = false;
  let size = 0;
  for (let i = 0; i < rounds; i++) {
    const bytes = c.make();
    size = bytes.length;
    const r = await clamdScan(bytes);
    ms.push(r.ms);
    infected = r.infected;
  }
  console.log(
    `${c.name.padEnd(38)} ${(size / 1024).toFixed(0).padStart(5)} KB  median ${median(ms).toFixed(1).padStart(6)} ms` +
      `  min ${Math.min(...ms).toFixed(1)}  max ${Math.max(...ms).toFixed(1)}  ${infected ? "FOUND" : "OK"}  (${rounds} scans)`,
  );
}
