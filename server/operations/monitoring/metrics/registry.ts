// A small Prometheus client: counters, gauges and histograms with labels, written out in the
// text exposition format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/).
// Ours rather than prom-client: ~150 lines cover what Mailstead exposes, with no dependency.

export const EXPOSITION_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export type Labels = Record<string, string>;
type Kind = "counter" | "gauge" | "histogram";

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Seconds: from 5 ms to a minute, enough for an HTTP request or an SMTP transaction. */
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const escapeLabelValue = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const escapeHelp = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

/** A sample value as the format spells it: +Inf, -Inf, NaN, or a plain number. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  return String(v);
}

function labelText(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return "";
  return `{${keys.map((k) => `${k}="${escapeLabelValue(labels[k]!)}"`).join(",")}}`;
}

abstract class Family<S> {
  protected readonly series = new Map<string, { labels: Labels; state: S }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly kind: Kind,
    readonly labelNames: readonly string[],
  ) {
    if (!NAME.test(name)) throw new Error(`metric name ${JSON.stringify(name)} is not valid`);
    for (const l of labelNames) if (!LABEL.test(l) || l.startsWith("__") || l === "le") throw new Error(`label ${JSON.stringify(l)} of ${name} is not valid`);
  }
  protected abstract fresh(): S;
  protected abstract lines(labels: Labels, state: S): string[];

  /** The series of these label values; a missing or unknown label is a programming error. */
  protected at(labels: Labels = {}): S {
    const given = Object.keys(labels);
    if (given.length !== this.labelNames.length || given.some((k) => !this.labelNames.includes(k))) {
      throw new Error(`${this.name} takes the labels [${this.labelNames.join(", ")}], got [${given.join(", ")}]`);
    }
    // Label order of the declaration, so {a,b} and {b,a} are one series.
    const ordered: Labels = {};
    for (const k of this.labelNames) ordered[k] = String(labels[k]);
    const key = JSON.stringify(ordered);
    let entry = this.series.get(key);
    if (!entry) this.series.set(key, (entry = { labels: ordered, state: this.fresh() }));
    return entry.state;
  }

  expose(): string {
    const head = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.kind}`];
    const body = [...this.series.values()].flatMap(({ labels, state }) => this.lines(labels, state));
    return [...head, ...body].join("\n") + "\n";
  }
}

export class Counter extends Family<{ value: number }> {
  protected fresh() {
    return { value: 0 };
  }
  protected lines(labels: Labels, s: { value: number }) {
    return [`${this.name}${labelText(labels)} ${formatValue(s.value)}`];
  }
  inc(labels?: Labels, by = 1): void {
    if (!(by >= 0)) throw new Error(`${this.name}: a counter only goes up (got ${by})`);
    this.at(labels).value += by;
  }
  /** Makes the series appear with 0 before its first event, so rate() sees the start. */
  touch(labels?: Labels): void {
    this.at(labels);
  }
}

export class Gauge extends Family<{ value: number }> {
  protected fresh() {
    return { value: 0 };
  }
  protected lines(labels: Labels, s: { value: number }) {
    return [`${this.name}${labelText(labels)} ${formatValue(s.value)}`];
  }
  set(labels: Labels | undefined, value: number): void {
    this.at(labels).value = value;
  }
  inc(labels?: Labels, by = 1): void {
    this.at(labels).value += by;
  }
}

type HistogramState = { counts: number[]; sum: number; count: number };

export class Histogram extends Family<HistogramState> {
  readonly buckets: readonly number[];
  constructor(name: string, help: string, labelNames: readonly string[], buckets: readonly number[] = DEFAULT_BUCKETS) {
    super(name, help, "histogram", labelNames);
    if (buckets.length === 0 || buckets.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= buckets[i - 1]!))) {
      throw new Error(`${name}: buckets must be finite and increasing`);
    }
    this.buckets = buckets;
  }
  protected fresh(): HistogramState {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }
  protected lines(labels: Labels, s: HistogramState) {
    // Buckets are cumulative: each counts every observation ≤ its bound; +Inf is the total.
    const out = this.buckets.map((le, i) => `${this.name}_bucket${labelText({ ...labels, le: formatValue(le) })} ${s.counts[i]}`);
    out.push(`${this.name}_bucket${labelText({ ...labels, le: "+Inf" })} ${s.count}`);
    out.push(`${this.name}_sum${labelText(labels)} ${formatValue(s.sum)}`, `${this.name}_count${labelText(labels)} ${s.count}`);
    return out;
  }
  observe(labels: Labels | undefined, value: number): void {
    const s = this.at(labels);
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
}

/** One process's metric families, by name; asking twice for a name returns the same family. */
export class Registry {
  private readonly families = new Map<string, Counter | Gauge | Histogram>();

  private get<F extends Counter | Gauge | Histogram>(name: string, kind: Kind, make: () => F): F {
    const existing = this.families.get(name);
    if (existing) {
      if (existing.kind !== kind) throw new Error(`${name} is already a ${existing.kind}`);
      return existing as F;
    }
    const made = make();
    this.families.set(name, made);
    return made;
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.get(name, "counter", () => new Counter(name, help, "counter", labelNames));
  }
  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.get(name, "gauge", () => new Gauge(name, help, "gauge", labelNames));
  }
  histogram(name: string, help: string, labelNames: readonly string[] = [], buckets?: readonly number[]): Histogram {
    return this.get(name, "histogram", () => new Histogram(name, help, labelNames, buckets));
  }

  /** Every family in the exposition format, in the order they were declared. */
  expose(): string {
    return [...this.families.values()].map((f) => f.expose()).join("");
  }
}
