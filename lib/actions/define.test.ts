import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sandboxClient } from "../../test-support/k8s";
import { KubeClient } from "../k8s/client";
import { asUser } from "../k8s/types";
import { defineUserAction, type SignedIn } from "./define";

const alice: SignedIn = { username: "alice@example.com", groups: ["team-a"] };
const Input = z.object({ namespace: z.string().regex(/^[a-z0-9-]+$/, "must be a namespace name") });
const returnTo = { returnTo: "/loadbalancers/new" };

describe("userAction", () => {
  it("answers a missing session with the sign-in failure, without running the action", async () => {
    let ran = false;
    const action = defineUserAction(async () => null)(
      Input,
      async () => {
        ran = true;
        return { ok: true as const };
      },
      returnTo,
    );
    expect(await action({ namespace: "default" })).toEqual({
      ok: false,
      reason: "Unauthorized",
      fieldErrors: {},
      formError: {
        message: expect.stringMatching(/Sign in again/),
        next: { href: "/signin?callbackUrl=%2Floadbalancers%2Fnew", label: "Sign in again" },
      },
    });
    expect(ran).toBe(false);
  });

  it("names the field that fails the schema, with the schema's rule", async () => {
    const action = defineUserAction(async () => alice)(Input, async () => ({ ok: true as const }), returnTo);
    expect(await action({ namespace: "Not A Namespace" })).toEqual({
      ok: false,
      reason: "Invalid",
      fieldErrors: { namespace: "must be a namespace name" },
    });
    expect(await action("not an object")).toMatchObject({
      ok: false,
      reason: "Invalid",
      fieldErrors: { form: expect.any(String) },
    });
  });

  it("hands the handler the session's identity", async () => {
    const action = defineUserAction(async () => alice)(
      Input,
      async (input, ctx) => ({ ok: true as const, input, ctx }),
      returnTo,
    );
    expect(await action({ namespace: "default" })).toEqual({
      ok: true,
      input: { namespace: "default" },
      ctx: { user: alice, identity: { user: "alice@example.com", groups: ["team-a"] } },
    });
  });

  it("maps a Kubernetes 403 to the forbidden failure naming the cluster", async () => {
    const portal = await sandboxClient("consumer", "portal");
    const nobody = new KubeClient(portal.conn, asUser("nobody@example.com", []));
    const action = defineUserAction(async () => alice)(
      Input,
      async ({ namespace }) => nobody.list({ group: "", version: "v1", resource: "secrets", namespace }),
      returnTo,
    );
    const r = await action({ namespace: "kube-system" });
    expect(r).toMatchObject({
      ok: false,
      reason: "Forbidden",
      fieldErrors: {},
      formError: { message: expect.stringMatching(/^The consumer cluster refused: .*forbidden/) },
    });
  });

  it("lets a bug through rather than hiding it as a refusal", async () => {
    const action = defineUserAction(async () => alice)(
      Input,
      async () => {
        throw new TypeError("a bug");
      },
      returnTo,
    );
    await expect(action({ namespace: "default" })).rejects.toThrow("a bug");
  });
});
