import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">Sign out?</h1>
      <div className="rounded-md border border-slate-200 dark:border-slate-700">
        <SignOutButton />
      </div>
      <Link href="/" className="text-sm text-sky-700 underline dark:text-sky-400">
        Back to the portal
      </Link>
    </main>
  );
}
