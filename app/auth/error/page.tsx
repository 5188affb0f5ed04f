import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { authErrorText } from "@/lib/auth/errors";

export const metadata: Metadata = { title: "Sign-in problem" };

export default async function AuthErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const code = typeof params.error === "string" ? params.error : undefined;
  const text = authErrorText(code);
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">{text.title}</h1>
      <p>{text.explanation}</p>
      <p>
        <strong>What to do:</strong> {text.next}
      </p>
      {code ? <p className="text-sm text-muted">Error code: {code}</p> : null}
      <div>
        <ButtonLink href="/signin" variant="primary">
          Sign in again
        </ButtonLink>
      </div>
    </main>
  );
}
