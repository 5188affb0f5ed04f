"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { primaryButton } from "@/components/ui/button-styles";

export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={primaryButton}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl });
      }}
    >
      {pending ? "Redirecting…" : "Sign in"}
    </button>
  );
}
