// Progress of `npm run backup` / `npm run restore` on stderr: on a terminal one line redrawn in
// place; in a log (a pipe, cron) one line per finished table and per 10 % of a large one.

const n = (x: number) => x.toLocaleString("en-US");

export function describeStep(label: string, done: number, total: number): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  return `${label}: ${n(done)}/${n(total)} rows (${percent}%)`;
}

export function stepReporter(stream: NodeJS.WriteStream & { isTTY?: boolean }) {
  let current = "";
  let lastDecile = -1;
  let drawn = false;
  return {
    update(label: string, done: number, total: number) {
      if (label !== current) {
        current = label;
        lastDecile = -1;
      }
      const line = describeStep(label, done, total);
      if (stream.isTTY) {
        stream.write(`\r${line}\x1b[K`);
        drawn = true;
        if (done >= total) {
          stream.write("\n");
          drawn = false;
        }
        return;
      }
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (decile > lastDecile && (decile === 10 || total >= 10_000)) {
        lastDecile = decile;
        stream.write(line + "\n");
      }
    },
    done() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
