import type { CheckStatus, Problem } from "../rules/check-types";
import type { ImpliedState, StepStatuses } from "../rules/domain-readiness";
import type { RecordGroup } from "../rules/expected-records";

// What one check of one domain found. Stored whole in Domain.lastCheck (JSON), returned by
// "check now", and read back by the wizard and the home-page MX warning.

export type CheckedRecord = {
  group: RecordGroup;
  /** The full name queried. */
  name: string;
  /** What a DNS panel's "host" field wants ("@" for the apex). */
  host: string;
  type: "TXT" | "MX" | "CNAME";
  /** The value(s) asked for; MX as "<priority> <host>", one per platform MX host. */
  expected: string[];
  status: CheckStatus;
  problems: Problem[];
  /** DKIM only: the key this record publishes, and its status when checked. */
  selector?: string;
  keyStatus?: "pending" | "active";
};

export type DomainCheckResult = {
  /** ISO instant (clock.now()). */
  checkedAt: string;
  /** "host:port" of every resolver asked. */
  resolvers: string[];
  /** Wall time of the DNS part, for the benchmark and the logs. */
  elapsedMs: number;
  records: CheckedRecord[];
  /** The statuses impliedState judged (dkim: the signing key, else the pending one). */
  steps: StepStatuses;
  implied: { state: ImpliedState; blocking: (keyof StepStatuses)[] };
};
