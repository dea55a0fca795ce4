import type { Problem, RecordCheck, ResolverAnswer } from "./check-types";

// The one place that turns per-resolver judgements into a record's status. A resolver that
// failed tells us nothing about the customer's DNS, so it can make a record pending or
// unknown but never wrong: only a resolver that answered can prove something is wrong.

/** What one resolver's answer proves. Warnings ride along as problems of an ok verdict. */
export type Verdict = { status: "ok" | "missing" | "wrong"; problems: Problem[] };
/** A judgement that could not be made (the resolver, or a lookup the rule needed, failed). */
export type Failure = { failed: string };
export type Judge<T> = (answer: ResolverAnswer<T>) => Verdict | Failure;
export type AsyncJudge<T> = (answer: ResolverAnswer<T>) => Promise<Verdict | Failure>;

type Judged = { resolver: string; result: Verdict | Failure };

const isFailure = (r: Verdict | Failure): r is Failure => "failed" in r;

function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.code, p.params ?? {}]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Combines the judgements of every resolver asked into one status and diagnosis. */
export function combine(judged: Judged[]): RecordCheck {
  const failed = judged.filter((j): j is { resolver: string; result: Failure } => isFailure(j.result));
  const answered = judged.filter((j): j is { resolver: string; result: Verdict } => !isFailure(j.result));
  const failure: Problem[] = failed.length
    ? [{ code: "resolverFailed", params: { resolvers: failed.map((f) => f.resolver).join(", "), error: failed[0]!.result.failed } }]
    : [];
  if (answered.length === 0) {
    return { status: "unknown", problems: failure.length ? failure : [{ code: "noResolver" }] };
  }
  const ok = answered.filter((a) => a.result.status === "ok");
  const notOk = answered.filter((a) => a.result.status !== "ok");
  if (ok.length === judged.length) return { status: "ok", problems: unique(ok.flatMap((a) => a.result.problems)) };
  if (ok.length > 0) {
    // Seen somewhere: the customer did publish it; the others have not caught up yet (caches, TTL).
    const lagging = [...notOk, ...failed].map((j) => j.resolver);
    const seen: Problem = { code: "seenOnSomeResolvers", params: { seen: ok.map((a) => a.resolver).join(", "), notSeen: lagging.join(", ") } };
    return { status: "pending", problems: [seen, ...failure] };
  }
  // Nobody sees it right. Something present but wrong outranks absent: that is what to fix.
  const status = notOk.some((a) => a.result.status === "wrong") ? "wrong" : "missing";
  return { status, problems: unique([...notOk.flatMap((a) => a.result.problems), ...failure]) };
}

/** Judges each resolver's answer; an answer with outcome "error" is a failure without asking the judge. */
export function acrossResolvers<T>(answers: ResolverAnswer<T>[], judge: Judge<T>): RecordCheck {
  return combine(answers.map((a) => ({ resolver: a.resolver, result: a.outcome === "error" ? { failed: a.error ?? "error" } : judge(a) })));
}

export async function acrossResolversAsync<T>(answers: ResolverAnswer<T>[], judge: AsyncJudge<T>): Promise<RecordCheck> {
  const judged = await Promise.all(
    answers.map(async (a) => ({ resolver: a.resolver, result: a.outcome === "error" ? { failed: a.error ?? "error" } : await judge(a) })),
  );
  return combine(judged);
}

/** A verdict from problems: any blocking problem makes it wrong; the rest are warnings on ok. */
export function verdictOf(blocking: Problem[], warnings: Problem[] = []): Verdict {
  return blocking.length ? { status: "wrong", problems: [...blocking, ...warnings] } : { status: "ok", problems: warnings };
}

export const missing = (code: string, params?: Problem["params"]): Verdict => ({
  status: "missing",
  problems: [params ? { code, params } : { code }],
});
