import { describe, expect, it } from "vitest";
import { Registry, formatValue } from "./registry";

// The text exposition format 0.0.4, line by line, as Prometheus parses it.

describe("exposition format", () => {
  it("writes HELP, TYPE and one line per labelled series of a counter", () => {
    const r = new Registry();
    const c = r.counter("mailstead_test_total", "Things counted.", ["listener"]);
    c.inc({ listener: "mx" });
    c.inc({ listener: "mx" }, 2);
    c.inc({ listener: "submission" });
    expect(r.expose()).toBe(
      ["# HELP mailstead_test_total Things counted.", "# TYPE mailstead_test_total counter", 'mailstead_test_total{listener="mx"} 3', 'mailstead_test_total{listener="submission"} 1', ""].join("\n"),
    );
  });

  it("writes an unlabelled gauge without braces, and its last value", () => {
    const r = new Registry();
    const g = r.gauge("mailstead_held", "Held now.");
    g.set(undefined, 7);
    g.inc(undefined, -2);
    expect(r.expose()).toContain("\nmailstead_held 5\n");
  });

  it("escapes backslash, quote and newline in label values, and backslash and newline in HELP", () => {
    const r = new Registry();
    r.gauge("mailstead_x", "a \\ b\nc", ["target"]).set({ target: 'say "hi"\\\n' }, 1);
    const text = r.expose();
    expect(text).toContain("# HELP mailstead_x a \\\\ b\\nc\n");
    expect(text).toContain('mailstead_x{target="say \\"hi\\"\\\\\\n"} 1\n');
  });

  it("keeps one series whatever order the labels come in", () => {
    const r = new Registry();
    const c = r.counter("mailstead_y_total", "y", ["a", "b"]);
    c.inc({ a: "1", b: "2" });
    c.inc({ b: "2", a: "1" });
    expect(r.expose()).toContain('mailstead_y_total{a="1",b="2"} 2\n');
  });

  it("spells infinities and NaN as the format does", () => {
    expect([formatValue(Infinity), formatValue(-Infinity), formatValue(NaN), formatValue(0.25)]).toEqual(["+Inf", "-Inf", "NaN", "0.25"]);
  });

  it("refuses bad names, reserved labels, wrong label sets and a counter going down", () => {
    const r = new Registry();
    expect(() => r.counter("mailstead-bad", "x")).toThrow(/not valid/);
    expect(() => r.histogram("mailstead_h", "x", ["le"])).toThrow(/label "le"/);
    const c = r.counter("mailstead_z_total", "z", ["listener"]);
    expect(() => c.inc({ phase: "rcpt" })).toThrow(/takes the labels \[listener\]/);
    expect(() => c.inc(undefined)).toThrow(/takes the labels/);
    expect(() => c.inc({ listener: "mx" }, -1)).toThrow(/only goes up/);
    expect(() => r.gauge("mailstead_z_total", "z")).toThrow(/already a counter/);
  });

  it("returns the same family for the same name, so modules can declare it where they use it", () => {
    const r = new Registry();
    r.counter("mailstead_same_total", "s").inc();
    r.counter("mailstead_same_total", "s").inc();
    expect(r.expose()).toContain("mailstead_same_total 2\n");
  });

  it("shows a touched counter at 0 before its first event", () => {
    const r = new Registry();
    r.counter("mailstead_jobs_total", "j", ["queue"]).touch({ queue: "a" });
    expect(r.expose()).toContain('mailstead_jobs_total{queue="a"} 0\n');
  });
});

describe("histogram bucketing", () => {
  it("counts each observation in every bucket whose bound it does not exceed, cumulatively, with +Inf, sum and count", () => {
    const r = new Registry();
    const h = r.histogram("mailstead_d_seconds", "d", ["listener"], [0.1, 1, 10]);
    for (const v of [0.05, 0.1, 0.5, 1, 3, 20]) h.observe({ listener: "mx" }, v);
    expect(r.expose()).toBe(
      [
        "# HELP mailstead_d_seconds d",
        "# TYPE mailstead_d_seconds histogram",
        'mailstead_d_seconds_bucket{listener="mx",le="0.1"} 2',
        'mailstead_d_seconds_bucket{listener="mx",le="1"} 4',
        'mailstead_d_seconds_bucket{listener="mx",le="10"} 5',
        'mailstead_d_seconds_bucket{listener="mx",le="+Inf"} 6',
        'mailstead_d_seconds_sum{listener="mx"} 24.65',
        'mailstead_d_seconds_count{listener="mx"} 6',
        "",
      ].join("\n"),
    );
  });

  it("refuses buckets that are not increasing or not finite", () => {
    const r = new Registry();
    expect(() => r.histogram("mailstead_a", "a", [], [1, 1])).toThrow(/increasing/);
    expect(() => r.histogram("mailstead_b", "b", [], [1, Infinity])).toThrow(/finite/);
    expect(() => r.histogram("mailstead_c", "c", [], [])).toThrow(/increasing/);
  });
});
