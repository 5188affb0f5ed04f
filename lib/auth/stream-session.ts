import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getServerSession, type Session } from "next-auth";
import { getToken } from "next-auth/jwt";
import { authOptions, sessionState, sessionUser } from "./options";

/**
 * The session of a long-lived request (the live stream), checked like every request's (revoked,
 * expired) but without issuing the cookie again: getServerSession re-encrypts it and the response
 * would keep that header for as long as the stream stays open, on each of thousands of streams.
 * A session due for a token refresh still takes getServerSession's way, which refreshes it and
 * sets the new cookie.
 */
export async function streamSession(
  req: IncomingMessage & { cookies: Partial<Record<string, string>> },
  res: ServerResponse,
): Promise<Session | null> {
  const options = authOptions();
  const token = await getToken({ req, secret: options.secret });
  if (!token) return null;
  const state = await sessionState(token);
  if (state === "refresh") return getServerSession(req, res, options);
  return {
    user: sessionUser(state),
    error: state.error,
    expires: new Date((state.exp as number) * 1000).toISOString(),
  };
}
