import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { landingPath } from "@/app/_lib/landing-path";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("signin") };
}

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error } = await searchParams;
  const callback = typeof callbackUrl === "string" ? callbackUrl : null;
  const user = await currentUser();
  // Already signed in: nothing to do here.
  if (user) redirect(landingPath(user.role, callback));
  // next-auth sends failed sign-ins without JavaScript here with ?error=CredentialsSignin.
  return <SignInForm callbackUrl={callback} failed={error !== undefined} />;
}
