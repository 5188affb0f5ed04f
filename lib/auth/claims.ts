// Pure: turns OIDC claims into the identity the portal impersonates. Tested without a server.
import { z } from "zod";

export interface PortalIdentity {
  /** the Kubernetes user name the portal impersonates */
  username: string;
  groups: string[];
  name: string;
  email?: string;
}

const Claims = z.record(z.string(), z.unknown());

export class MissingClaimError extends Error {
  constructor(readonly claim: string) {
    super(`the identity provider did not send the "${claim}" claim that the portal uses as the user name`);
    this.name = "MissingClaimError";
  }
}

export function identityFromClaims(raw: unknown, opts: { usernameClaim: string; groupsClaim: string }): PortalIdentity {
  const claims = Claims.parse(raw ?? {});
  const username = claims[opts.usernameClaim];
  if (typeof username !== "string" || username.trim() === "") throw new MissingClaimError(opts.usernameClaim);
  const rawGroups = claims[opts.groupsClaim];
  const groups = Array.isArray(rawGroups)
    ? rawGroups.filter((g): g is string => typeof g === "string" && g !== "")
    : typeof rawGroups === "string" && rawGroups
      ? [rawGroups]
      : [];
  // Never let an IdP claim put a user into Kubernetes' built-in privileged groups.
  const safeGroups = groups.filter((g) => !g.startsWith("system:"));
  const name = [claims.name, claims.preferred_username, claims.email, username].find(
    (v): v is string => typeof v === "string" && v !== "",
  ) as string;
  const email = typeof claims.email === "string" ? claims.email : undefined;
  return { username: username.trim(), groups: safeGroups, name, email };
}
