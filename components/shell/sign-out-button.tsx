"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
      onClick={() => void signOut({ callbackUrl: "/signin?signedOut=1" })}
    >
      Sign out
    </button>
  );
}
