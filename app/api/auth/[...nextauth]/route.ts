import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** OAuth error codes an identity provider may send back (RFC 6749 §4.1.2.1). */
const IDP_ERRORS = new Set([
  "access_denied",
  "invalid_request",
  "unauthorized_client",
  "unsupported_response_type",
  "invalid_scope",
  "server_error",
  "temporarily_unavailable",
  "login_required",
  "consent_required",
  "interaction_required",
]);

async function handler(req: Request, ctx: Ctx) {
  const params = await ctx.params;
  // next-auth v4 turns an IdP's refusal into a generic "Callback" error; keep the real reason so
  // the error page can say what happened.
  const url = new URL(req.url);
  const idpError = url.searchParams.get("error");
  if (params.nextauth[0] === "callback" && idpError) {
    const code = IDP_ERRORS.has(idpError) ? idpError : "Callback";
    return Response.redirect(new URL(`/auth/error?error=${code}`, authOptions() && process.env.NEXTAUTH_URL), 302);
  }
  return NextAuth(req as never, { params } as never, authOptions());
}

export { handler as GET, handler as POST };
