import { DomainError, say } from "@/server/shared/errors";
import { formatFen } from "@/server/shared/money";
import { effectiveStatus } from "../ops/tree-rules";

// When a reseller may pay its client's order on its own account. One place, so the server's
// refusal and the order form's quote (which answers the same question before submitting) agree.

type Status = "active" | "suspended";

export type CreditPosition = { balance: number; owed: number; creditLimit: number; available: number };

/**
 * `balance` is the sum of the reseller's ledger in its own currency: negative when it owes the
 * platform, positive when the platform owes it (margins not yet settled, a prepayment). A positive
 * balance is spendable like credit, so available = limit + balance (never shown below zero).
 */
export function creditPosition(balance: number, creditLimit: number): CreditPosition {
  const owed = balance < 0 ? -balance : 0;
  return { balance, owed, creditLimit, available: Math.max(0, creditLimit + balance) };
}

export type OnAccountRefusal = "sub_reseller_client" | "suspended" | "parent_suspended" | "currency" | "over_limit";

export type OnAccountCase = {
  /** The reseller whose staff is acting (actor.resellerId). */
  actingResellerId: string | null | undefined;
  /** The paying reseller: the tenant's own (a sub-reseller, for its clients). */
  reseller: { id: string; status: Status; currency: string; parent: { status: Status } | null };
  orderCurrency: string;
  wholesale: number;
  position: CreditPosition;
};

/** Why paying on account is refused now, or null when it would be accepted. */
export function onAccountRefusal(c: OnAccountCase): OnAccountRefusal | null {
  // A parent paying for its sub-reseller's client would spend the sub-reseller's credit.
  if (c.actingResellerId !== c.reseller.id) return "sub_reseller_client";
  if (c.reseller.status !== "active") return "suspended";
  if (effectiveStatus(c.reseller) !== "active") return "parent_suspended";
  if (c.orderCurrency !== c.reseller.currency) return "currency";
  if (c.wholesale > c.position.available) return "over_limit";
  return null;
}

/** The refusal as the error the order gets (BAD_INPUT on the method field when another method would do). */
export function onAccountError(reason: OnAccountRefusal, c: OnAccountCase): DomainError {
  const onMethod = (en: string, zh: string) => {
    const text = say(en, zh);
    return new DomainError("BAD_INPUT", text, { method: [text] });
  };
  switch (reason) {
    case "sub_reseller_client":
      return onMethod(
        "Pay for a sub-reseller's client from that sub-reseller's account (its staff can order), or choose bank transfer",
        "下级经销商的客户请用该下级经销商的账户支付（由其员工下单），或选择银行转账",
      );
    case "suspended":
      return new DomainError(
        "PRECONDITION_FAILED",
        say("The reseller account is suspended: it cannot pay orders on account until the platform reactivates it", "经销商账户已暂停，平台恢复前不能用经销商账户支付"),
      );
    case "parent_suspended":
      return new DomainError(
        "PRECONDITION_FAILED",
        say(
          "The parent reseller's account is suspended, which covers its sub-resellers: no orders on account until the platform reactivates it",
          "上级经销商账户已暂停（下级经销商随之暂停），平台恢复前不能用经销商账户支付",
        ),
      );
    case "currency":
      return onMethod(
        `This order is in ${c.orderCurrency} but the reseller account is kept in ${c.reseller.currency}: pay by bank transfer or card`,
        `此订单以 ${c.orderCurrency} 计价，而经销商账户以 ${c.reseller.currency} 记账；请使用银行转账或银行卡支付`,
      );
    case "over_limit": {
      const m = (n: number) => formatFen(n, c.orderCurrency);
      const [w, a, l] = [m(c.wholesale), m(c.position.available), m(c.position.creditLimit)];
      const inCredit = c.position.balance > 0;
      return new DomainError(
        "PRECONDITION_FAILED",
        say(
          `This order costs ${w} at your wholesale price; you have ${a} available (credit limit ${l}, ${inCredit ? `in credit ${m(c.position.balance)}` : `owed ${m(c.position.owed)}`})`,
          `此订单按您的批发价为 ${w}；您的可用额度为 ${a}（信用额度 ${l}，${inCredit ? `账户结余 ${m(c.position.balance)}` : `已欠款 ${m(c.position.owed)}`}）`,
        ),
      );
    }
  }
}
