import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { landingPath } from "@/app/_lib/landing-path";
import { roleForPath } from "@/server/auth/roles";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("signin") };
}

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[]; as?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error, as } = await searchParams;
  const callback = typeof callbackUrl === "string" ? callbackUrl : null;
  const user = await currentUser();
  // Already signed in: nothing to do here.
  if (user) redirect(landingPath(user.role, callback));
  // next-auth sends failed sign-ins without JavaScript here with ?error=CredentialsSignin.
  // The welcome letter links here with ?as=mailbox; a mailbox page's deep link also means one.
  const kind = as === "mailbox" || (callback && roleForPath(callback.split("?")[0]!) === "mailbox_user") ? "mailbox" : "account";
  return <SignInForm callbackUrl={callback} failed={error !== undefined} initialKind={kind} />;
}
