import "server-only";
import { getServerSession } from "next-auth";
import { verifyCliToken } from "../auth/cli-token";
import { authOptions } from "../auth/options";

export interface Caller {
  username: string;
  groups: string[];
  via: "cli" | "ui";
}

/** Who is calling a protected kube-bind route: a CLI bearer token, else the browser session. */
export async function authenticate(req: Request): Promise<Caller | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const [scheme, token] = header.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !token) return null;
    const identity = await verifyCliToken(token);
    return identity ? { username: identity.username, groups: identity.groups, via: "cli" } : null;
  }
  const session = await getServerSession(authOptions());
  if (!session?.user?.username || session.error) return null;
  return { username: session.user.username, groups: session.user.groups, via: "ui" };
}
