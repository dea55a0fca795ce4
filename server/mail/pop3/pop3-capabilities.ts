// RFC 2449 CAPA. Login mechanisms (USER, SASL PLAIN) are listed only where they are allowed:
// over TLS (RFC 2595 §2 lets a server refuse plaintext passwords, and the issue asks for "TLS
// before AUTH" as on submission), so a well-behaved client on the plain listener sees STLS
// and nothing to send a password with.
export type CapabilityContext = { phase: "authorization" | "transaction"; tls: boolean; startTlsAvailable: boolean };

export function capabilities(ctx: CapabilityContext): string[] {
  const beforeLogin = ctx.phase === "authorization";
  return [
    "TOP",
    "UIDL",
    ...(beforeLogin && ctx.tls ? ["USER", "SASL PLAIN"] : []),
    ...(beforeLogin && !ctx.tls && ctx.startTlsAvailable ? ["STLS"] : []),
    "RESP-CODES",
    "AUTH-RESP-CODE",
    "PIPELINING",
    // Messages stay until the user deletes them.
    "EXPIRE NEVER",
    "IMPLEMENTATION Mailstead",
  ];
}
