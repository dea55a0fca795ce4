import type { NextAuthOptions } from "next-auth";
import CredentialsImport from "next-auth/providers/credentials";
import { env } from "@/server/shared/env";
import { clientIp } from "@/server/shared/ip";
import type { SignInContext } from "./sign-in";
import { authorizeAccount, authorizeMailbox } from "./gate/authorize";
import type { SessionUser } from "./session-user";
import { clock } from "@/server/shared/clock";
import { policyScopeOf } from "./policy/security-policy";
import { createAuthSession } from "./sessions/create-auth-session";
import { endSession } from "./sessions/end-session";

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

/** What authorize hands to the jwt callback: the session user plus where the sign-in came from. */
type SignedInUser = SessionUser & { signInIp?: string | null; signInUserAgent?: string | null };

function withClient(user: SessionUser | null, ctx: SignInContext): SignedInUser | null {
  return user ? { ...user, signInIp: ctx.ip, signInUserAgent: ctx.userAgent } : null;
}

/** At sign-in: the AuthSession row this browser will hold, named in the token. */
async function startSession(signedIn: SignedInUser): Promise<SessionUser> {
  const { signInIp, signInUserAgent, ...user } = signedIn;
  const kind = user.role === "mailbox_user" ? "mailbox" : "user";
  const sessionId = await createAuthSession(
    { kind, id: user.id, scope: policyScopeOf(user) },
    { ip: signInIp ?? null, userAgent: signInUserAgent ?? null },
    clock.now(),
  );
  return { ...user, sessionId, restriction: null };
}

// The AuthSession row decides a session's real lifetime (policy idle and absolute timeouts,
// revocation); the JWT only has to outlive the longest absolute timeout a policy may set.
const TOKEN_MAX_AGE_SECONDS = 72 * 3600;

export function authOptions(): NextAuthOptions {
  // Behind TLS the cookies get the __Secure- prefix and the Secure flag; on http (local runs,
  // the e2e server) a browser would drop a Secure cookie, so they go without.
  const secure = env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  return {
    secret: env().AUTH_SECRET,
    // Credentials sign-in requires JWT sessions in next-auth 4; the token carries the scope.
    session: { strategy: "jwt", maxAge: TOKEN_MAX_AGE_SECONDS },
    jwt: { maxAge: TOKEN_MAX_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        name: "password",
        // totp: the six-digit code or a recovery code, sent on the form's second step.
        credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
        async authorize(credentials, req) {
          const ctx = signInContext(req);
          return withClient(await authorizeAccount(credentials, ctx), ctx);
        },
      }),
      // Mailbox users (self-service page): the mailbox's own address and password.
      Credentials({
        id: "mailbox",
        name: "mailbox",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const ctx = signInContext(req);
          return withClient(await authorizeMailbox(credentials, ctx), ctx);
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.user = await startSession(user as unknown as SignedInUser);
        return token;
      },
      session({ session, token }) {
        const u = token.user as SessionUser | undefined;
        if (u) (session as unknown as { user: SessionUser }).user = u;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        const sessionId = (token?.user as SessionUser | undefined)?.sessionId;
        if (sessionId) await endSession(sessionId, clock.now());
      },
    },
  };
}
