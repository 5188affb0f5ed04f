// Who can talk to a sandbox cluster. Static bearer tokens (random per run) keep this simple for
// the TypeScript client and let tests act as a user directly, without the portal in between.
// The user names equal the OIDC `email` claims, because that is what the portal impersonates.
import { randomBytes } from "node:crypto";

export interface ClusterIdentity {
  /** kubeconfig key in sandbox.json */
  key: string;
  user: string;
  groups: string[];
}

export const CLUSTER_IDENTITIES: readonly ClusterIdentity[] = [
  { key: "admin", user: "sandbox-admin", groups: ["system:masters"] },
  { key: "alice", user: "alice@example.com", groups: ["team-a"] },
  { key: "bob", user: "bob@example.com", groups: ["team-b"] },
  { key: "admin-user", user: "admin@example.com", groups: ["platform-admins"] },
];

export interface IssuedToken extends ClusterIdentity {
  token: string;
}

export function issueTokens(): IssuedToken[] {
  return CLUSTER_IDENTITIES.map((identity) => ({ ...identity, token: randomBytes(24).toString("base64url") }));
}

/** kube-apiserver --token-auth-file lines: token,user,uid,"group1,group2" */
export function tokenFile(tokens: IssuedToken[]): string {
  return tokens
    .map((t) => `${t.token},${t.user},${t.user},"${t.groups.join(",")}"`)
    .join("\n")
    .concat("\n");
}
