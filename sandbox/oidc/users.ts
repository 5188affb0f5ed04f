// The sandbox's fixed identities. `email` doubles as the Kubernetes user name the portal
// impersonates, so keep it in sync with the RBAC the cluster launcher applies.
import type { SandboxUser } from "../state";

export const SANDBOX_USERS: readonly SandboxUser[] = [
  {
    username: "alice",
    password: "alice-password",
    email: "alice@example.com",
    name: "Alice Anders",
    groups: ["team-a"],
  },
  { username: "bob", password: "bob-password", email: "bob@example.com", name: "Bob Berg", groups: ["team-b"] },
  {
    username: "admin",
    password: "admin-password",
    email: "admin@example.com",
    name: "Ada Admin",
    groups: ["platform-admins"],
  },
];

export function findUser(username: string): SandboxUser | undefined {
  return SANDBOX_USERS.find((u) => u.username === username);
}

/** The user for a correct username/password pair; these are fixed, published test passwords. */
export function checkPassword(username: string, password: string): SandboxUser | undefined {
  const user = findUser(username);
  return user && user.password === password ? user : undefined;
}
