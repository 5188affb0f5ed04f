import { describe, expect, it } from "vitest";
import { identityFromClaims, MissingClaimError } from "./claims";

// Claims as the sandbox's identity provider sends them in alice's ID token.
const alice = {
  sub: "alice",
  email: "alice@example.com",
  name: "Alice Anders",
  preferred_username: "alice",
  groups: ["team-a"],
};
const defaults = { usernameClaim: "email", groupsClaim: "groups" };

describe("identityFromClaims", () => {
  it("uses the email claim as the user name by default", () => {
    expect(identityFromClaims(alice, defaults)).toEqual({
      username: "alice@example.com",
      groups: ["team-a"],
      name: "Alice Anders",
      email: "alice@example.com",
    });
  });

  it("honours sub and preferred_username", () => {
    expect(identityFromClaims(alice, { ...defaults, usernameClaim: "sub" }).username).toBe("alice");
    expect(identityFromClaims(alice, { ...defaults, usernameClaim: "preferred_username" }).username).toBe("alice");
  });

  it("reads groups from a configured claim and drops system: groups", () => {
    const id = identityFromClaims(
      { ...alice, roles: ["team-a", "system:masters", 7] },
      { usernameClaim: "email", groupsClaim: "roles" },
    );
    expect(id.groups).toEqual(["team-a"]);
  });

  it("refuses a token without the user name claim", () => {
    expect(() => identityFromClaims({ sub: "x" }, defaults)).toThrow(MissingClaimError);
  });
});
