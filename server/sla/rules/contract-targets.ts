import type { SlaTargets } from "./evaluate-month";

// The promises a plan makes (SlaTarget, per plan). Seed 002 appendix B's figures are the
// defaults, for a plan without a row and for a tenant without a plan: 99.9 % (44 minutes) for
// availability and connectivity, 99.99 % (4.4 minutes) for power, latency mean ≤ 1 minute and
// every message ≤ 1 hour, spam ≥ 96 %, false positives ≤ 0.01 %, viruses found ≥ 99.9 % and
// removed ≥ 99.5 %.
export const CONTRACT_TARGETS: SlaTargets = {
  availabilityPpm: 999_000,
  availabilityAllowanceSec: 44 * 60,
  connectivityPpm: 999_000,
  connectivityAllowanceSec: 44 * 60,
  powerPpm: 999_900,
  powerAllowanceSec: 264,
  sendMeanMs: 60_000,
  sendMaxMs: 3_600_000,
  receiveMeanMs: 60_000,
  receiveMaxMs: 3_600_000,
  spamCaughtPpm: 960_000,
  falsePositivePpm: 100,
  virusFoundPpm: 999_000,
  virusRemovedPpm: 995_000,
};
