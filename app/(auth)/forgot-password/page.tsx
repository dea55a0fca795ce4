import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwords"))("forgotTitle") };
}

/** Signed out: ask for a password reset link by e-mail. */
export default function ForgotPasswordPage() {
  return <ForgotPasswordForm />;
}
