import { DomainError, say } from "@/server/shared/errors";
import { formatFen, toFen } from "@/server/shared/money";
import { assertCount, CONTRACT_MONTH_MINUTES } from "./constants";

export { unionMinutes } from "./intervals";

export type CreditProposal = {
  failureMinutes: number;
  creditMinutes: number;
  proposedAmount: bigint;
  capAmount: bigint;
  amount: bigint;
  steps: string[];
};

const yuan = (fen: bigint): string => formatFen(toFen(fen));

function assertFen(value: bigint, name: string): bigint {
  if (value < 0n) throw new RangeError(`${name} must be ≥ 0 fen, got ${value}`);
  return value;
}

/**
 * The contract's compensation (seed 002 appendix B §8 a, 双倍赔偿): twice the interruption time,
 * valued at the month's fee per contract minute (fee × minutes / 43,200, half a fen rounds up), never
 * more than the fees the customer paid for the month. `failureMinutes` is the union of the
 * availability, connectivity and power minutes: one outage missing several promises is one credit.
 */
export function proposeCredit(input: { failureMinutes: number; monthFee: bigint; feesPaid: bigint }): CreditProposal {
  const failureMinutes = assertCount(input.failureMinutes, "failureMinutes");
  const monthFee = assertFen(input.monthFee, "monthFee");
  const capAmount = assertFen(input.feesPaid, "feesPaid");
  const creditMinutes = 2 * failureMinutes;
  const month = BigInt(CONTRACT_MONTH_MINUTES);
  const proposedAmount = (monthFee * BigInt(creditMinutes) * 2n + month) / (2n * month);
  const amount = proposedAmount < capAmount ? proposedAmount : capAmount;
  const steps = [
    `failure minutes (availability ∪ connectivity ∪ power): ${failureMinutes}`,
    `credit: 2 × ${failureMinutes} = ${creditMinutes} min`,
    `value: ${yuan(monthFee)} × ${creditMinutes} / ${CONTRACT_MONTH_MINUTES} = ${yuan(proposedAmount)}`,
    `cap (fees paid for the month): ${yuan(capAmount)}`,
    `proposed credit: ${yuan(amount)}${amount < proposedAmount ? " (capped)" : ""}`,
  ];
  return { failureMinutes, creditMinutes, proposedAmount, capAmount, amount, steps };
}

/** An operator's credit (approved or adjusted) must lie between zero and the fees paid. */
export function checkCreditAmount(amount: bigint, cap: bigint): bigint {
  if (amount < 0n) {
    throw new DomainError(
      "BAD_INPUT",
      say(`A credit cannot be negative (${yuan(amount)})`, `补偿金额不能为负数（${yuan(amount)}）`),
      { amount: [say("Must be zero or more", "不能小于零")] },
    );
  }
  if (amount > cap) {
    const en = `A credit of ${yuan(amount)} is more than the fees paid for the month (${yuan(cap)})`;
    const zh = `补偿金额 ${yuan(amount)} 超过该月已付费用（${yuan(cap)}）`;
    throw new DomainError("BAD_INPUT", say(en, zh), { amount: [say(`At most ${yuan(cap)}`, `最多 ${yuan(cap)}`)] });
  }
  return amount;
}
