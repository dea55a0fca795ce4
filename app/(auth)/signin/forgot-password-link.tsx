"use client";

// The sign-in form's "forgot password" entry (issue 11, password reset by e-mail).
export function ForgotPasswordLink() {
  return null;
}
