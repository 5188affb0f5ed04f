import type { Metadata } from "next";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">Sign out?</h1>
      <div className="flex flex-wrap items-center gap-4">
        <SignOutButton />
        <TextLink href="/" className="text-sm">
          Back to the portal
        </TextLink>
      </div>
    </main>
  );
}
