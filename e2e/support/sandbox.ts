import { readSandboxState, type SandboxUser } from "../../sandbox/state";

export function sandbox() {
  return readSandboxState();
}

export function user(username: "alice" | "bob" | "admin"): SandboxUser {
  const found = sandbox().oidc.users.find((u) => u.username === username);
  if (!found) throw new Error(`the sandbox has no user ${username}`);
  return found;
}
