/** The ?paid=<reference> Stripe sends the payer back with; only a well-formed reference is echoed into the page. */
export function paidReferenceOf(paid: string | string[] | undefined): string | null {
  return typeof paid === "string" && /^[A-Z0-9-]{4,20}$/i.test(paid) ? paid : null;
}
