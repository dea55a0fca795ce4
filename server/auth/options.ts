import type { NextAuthOptions } from "next-auth";
import CredentialsImport from "next-auth/providers/credentials";
import { env } from "@/server/shared/env";
import { clientIp } from "@/server/shared/ip";
import type { SignInContext } from "./sign-in";
import { authorizeAccount, authorizeMailbox } from "./gate/authorize";
import type { SessionUser } from "./session-user";

// Under plain Node ESM (tsx, vitest) the default import is the module object.
const Credentials = ((CredentialsImport as unknown as { default?: typeof CredentialsImport }).default ??
  CredentialsImport) as typeof CredentialsImport;

function header(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | null {
  const v = headers?.[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

type AuthorizeRequest = { headers?: Record<string, string | string[] | undefined> } | undefined;

function signInContext(req: AuthorizeRequest): SignInContext {
  return {
    ip: clientIp(header(req?.headers, "x-forwarded-for"), header(req?.headers, "x-real-ip"), env().TRUSTED_PROXY_HOPS),
    userAgent: header(req?.headers, "user-agent"),
  };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    // Credentials sign-in requires JWT sessions in next-auth 4; the token carries the scope.
    session: { strategy: "jwt", maxAge: 8 * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        name: "password",
        // totp: the six-digit code or a recovery code, sent on the form's second step.
        credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
        async authorize(credentials, req) {
          const user = await authorizeAccount(credentials, signInContext(req));
          return user ? { ...user } : null;
        },
      }),
      // Mailbox users (self-service page): the mailbox's own address and password.
      Credentials({
        id: "mailbox",
        name: "mailbox",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const user = await authorizeMailbox(credentials, signInContext(req));
          return user ? { ...user } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.user = user as unknown as SessionUser;
        return token;
      },
      session({ session, token }) {
        const u = token.user as SessionUser | undefined;
        if (u) (session as unknown as { user: SessionUser }).user = u;
        return session;
      },
    },
  };
}
