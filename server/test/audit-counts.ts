// Tests that check "nothing was written" count the operation log's successful entries: every
// refused mutation is logged as a failure by the mutation middleware (docs/security.md,
// "Operation log"), which is the log doing its job, not a write of the use case.
export const SUCCESSFUL_AUDITS = { where: { result: "success" as const } };
