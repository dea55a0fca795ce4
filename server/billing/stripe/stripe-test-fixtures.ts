// Shared by the Stripe integration tests: configuration, customers with pending orders, a local
// HTTP server standing in for api.stripe.com, and signed webhook deliveries. Not imported by
// application code.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import type { Order } from "@/server/generated/prisma/client.ts";
import type { AuditActor } from "@/server/audit/record-audit";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { resetEnvCache } from "@/server/shared/env";
import { createPlan } from "../plans/create-plan";
import { newPlanInput, operatorActor } from "../plans/plan-test-fixtures";
import { createOrder } from "../orders/create-order";
import { insertOrder } from "../orders/insert-order";
import { Stripe } from "./stripe-client";
import { SUCCESSFUL_AUDITS } from "@/server/test/audit-counts";

export const SECRET_KEY = "sk_test_mailstead0123456789";
export const WEBHOOK_SECRET = "whsec_mailstead0123456789";

/** Turns Stripe on (or off with null) for the code under test. */
export function configureStripe(apiUrl: string | null, publicUrl = "https://portal.example.test") {
  for (const [k, v] of Object.entries({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: apiUrl, PUBLIC_URL: publicUrl })) {
    if (apiUrl === null && k !== "PUBLIC_URL") delete process.env[k];
    else process.env[k] = v!;
  }
  resetEnvCache();
}

let seq = 0;

/** A tenant with its admin, a plan, and a pending 100-seat one-year subscription order. */
export async function customerWithOrder(seats = 100) {
  seq += 1;
  const tenant = await db.tenant.create({ data: { name: `Stripe customer ${seq}` } });
  const user: SessionUser = { id: `admin-${seq}`, email: `admin${seq}@example.test`, name: "Admin", role: "tenant_admin", tenantId: tenant.id, resellerId: null };
  const actor: AuditActor = { id: user.id, email: user.email, role: "tenant_admin", tenantId: tenant.id, ip: "127.0.0.1" };
  const plan = await createPlan(operatorActor, newPlanInput({ name: "标准版" }));
  const view = await createOrder(actor, tenant.id, { planId: plan.id, seats, termYears: 1, startRule: "on_payment", method: "bank_transfer", idempotencyKey: randomUUID() });
  const order = await db.order.findUniqueOrThrow({ where: { id: view.id } });
  return { tenant, user, actor, plan, order };
}

/** A pending balance top-up for the tenant. */
export function topUpOrder(tenantId: string, amount: number): Promise<Order> {
  return insertOrder(db, { tenantId, kind: "top_up", amount: BigInt(amount), currency: "CNY", idempotencyKey: `${tenantId}:${randomUUID()}` });
}

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; form: URLSearchParams };
type Reply = { status: number; body: unknown };

/**
 * A local HTTP server that plays api.stripe.com: records every request, answers POST
 * /v1/checkout/sessions with a new open session and GET /v1/checkout/sessions/:id with the one
 * it made (its status can be changed with `setStatus`). `failWith` makes it answer an error instead.
 */
export async function stripeRecorder() {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Record<string, unknown>>();
  let failure: Reply | null = null;
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0]!;
      requests.push({ method: req.method ?? "", path, headers: req.headers, form: new URLSearchParams(raw) });
      const reply = failure ?? answer(req.method ?? "", path, new URLSearchParams(raw));
      res.writeHead(reply.status, { "content-type": "application/json", "request-id": `req_${randomUUID().slice(0, 8)}` });
      res.end(JSON.stringify(reply.body));
    });
  });
  function answer(method: string, path: string, form: URLSearchParams): Reply {
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const id = `cs_test_${randomUUID().replace(/-/g, "")}`;
      const session = {
        id,
        object: "checkout.session",
        mode: "payment",
        status: "open",
        payment_status: "unpaid",
        amount_total: Number(form.get("line_items[0][price_data][unit_amount]")),
        currency: form.get("line_items[0][price_data][currency]"),
        client_reference_id: form.get("client_reference_id"),
        metadata: { orderId: form.get("metadata[orderId]"), tenantId: form.get("metadata[tenantId]"), reference: form.get("metadata[reference]") },
        success_url: form.get("success_url"),
        cancel_url: form.get("cancel_url"),
        url: `https://checkout.stripe.com/c/pay/${id}#fidkdWxOYHwnPyd1blpxYHZxWjA0`,
        expires_at: Math.floor(clock.now().getTime() / 1000) + 86_400,
        livemode: false,
      };
      sessions.set(id, session);
      return { status: 200, body: session };
    }
    const found = method === "GET" && sessions.get(path.replace("/v1/checkout/sessions/", ""));
    if (found) return { status: 200, body: found };
    return { status: 404, body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path})` } } };
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failWith(reply: Reply | null) {
      failure = reply;
    },
    setStatus(id: string, status: "open" | "complete" | "expired") {
      const s = sessions.get(id)!;
      sessions.set(id, { ...s, status, url: status === "open" ? s.url : null });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A checkout.session.completed event for an order, as Stripe would send it. */
export function completedEvent(order: Order, session: Record<string, unknown> = {}, type = "checkout.session.completed") {
  const sessionId = order.stripeSessionId ?? `cs_test_${randomUUID().replace(/-/g, "")}`;
  return {
    id: `evt_${randomUUID().replace(/-/g, "")}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(clock.now().getTime() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: sessionId,
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: "paid",
        amount_total: Number(order.amount),
        currency: order.currency.toLowerCase(),
        client_reference_id: order.id,
        metadata: { orderId: order.id, tenantId: order.tenantId, reference: order.reference },
        payment_intent: `pi_${randomUUID().replace(/-/g, "").slice(0, 24)}`,
        ...session,
      },
    },
  };
}

/** The body and a real Stripe-Signature header for it, signed `ageSeconds` before the clock. */
export function signed(event: unknown, opts: { ageSeconds?: number; secret?: string } = {}) {
  const payload = JSON.stringify(event);
  const timestamp = Math.floor(clock.now().getTime() / 1000) - (opts.ageSeconds ?? 0);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? WEBHOOK_SECRET, timestamp });
  return { payload, header };
}

/** Row counts of everything a webhook may write, to prove a refused delivery wrote nothing. */
export async function webhookWriteCounts() {
  const [events, ledger, audits, paidOrders] = await Promise.all([
    db.stripeEvent.count(),
    db.ledgerEntry.count(),
    db.auditEvent.count(SUCCESSFUL_AUDITS),
    db.order.count({ where: { status: "paid" } }),
  ]);
  return { events, ledger, audits, paidOrders };
}
