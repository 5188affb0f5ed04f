// Sign-out as next-auth's own client does it (fetch the CSRF token, POST /api/auth/signout, follow
// the URL it answers), without loading next-auth/react into every page: the header's menus are on
// all of them, and that module is a tenth of the dashboard's first-load budget.
const SIGNED_OUT = "/signin?signedOut=1";

export async function signOut(): Promise<void> {
  try {
    const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
    const response = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl: SIGNED_OUT, json: "true" }),
    });
    const { url } = (await response.json()) as { url?: string };
    window.location.href = url ?? SIGNED_OUT;
  } catch {
    // Offline or the portal unreachable: the sign-out page says what happened and offers a retry.
    window.location.href = "/signout";
  }
}
