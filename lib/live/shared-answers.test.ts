// Cluster test (SANDBOX_STATE): rights questions asked as the user on the running consumer
// apiserver, counted in the portal's own log of kubernetes calls.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { sandboxClient } from "../../test-support/k8s";
import { until } from "../../test-support/live";
import { KubeClient } from "../k8s/client";
import { asUser } from "../k8s/types";
import { log } from "../log";
import { withSharedAnswers } from "./shared-answers";

const info = vi.spyOn(log, "info");
let portal: KubeClient;
const as = (user: string, groups: string[]) => new KubeClient(portal.conn, asUser(user, groups));
const configMaps = { verb: "list", group: "", resource: "configmaps", namespace: "default" };

/** SelfSubjectAccessReviews the portal made as `user` so far. */
const reviewsBy = (user: string) =>
  info.mock.calls.filter(([line]) => {
    const k8s = (line as { k8s?: { resource?: string; user?: string } }).k8s;
    return k8s?.resource === "authorization.k8s.io/selfsubjectaccessreviews" && k8s.user === user;
  }).length;

beforeAll(async () => {
  portal = await sandboxClient("consumer", "portal");
});

describe("rights answers shared per identity", () => {
  it("asks the apiserver once for the same identity's same question, however many clients ask", async () => {
    const user = `shared-answers-${Date.now()}@example.com`;
    const before = reviewsBy(user);
    const clients = Array.from({ length: 5 }, () => withSharedAnswers(as(user, ["team-a"])));
    const answers = await Promise.all(clients.map((c) => c.can(configMaps)));
    expect(new Set(answers).size).toBe(1);
    expect(await clients[0].can(configMaps)).toBe(answers[0]);
    expect(reviewsBy(user) - before).toBe(1);
    // Another question is asked on its own.
    await clients[1].can({ ...configMaps, verb: "watch" });
    expect(reviewsBy(user) - before).toBe(2);
  });

  it("never answers one identity with another's answer", async () => {
    const stamp = Date.now();
    const member = withSharedAnswers(as(`member-${stamp}@example.com`, ["team-a"]));
    const outsider = withSharedAnswers(as(`outsider-${stamp}@example.com`, ["team-b"]));
    // team-a may edit in default (the sandbox's RBAC); team-b may not.
    expect(await member.can(configMaps)).toBe(true);
    expect(await outsider.can(configMaps)).toBe(false);
    // Same user name, other groups: another identity, its own question.
    const regrouped = withSharedAnswers(as(`member-${stamp}@example.com`, ["team-b"]));
    expect(await regrouped.can(configMaps)).toBe(false);
  });

  it("asks again once the answer is older than its time to live", async () => {
    const user = `shared-answers-ttl-${Date.now()}@example.com`;
    const client = withSharedAnswers(as(user, []), 50);
    const before = reviewsBy(user);
    await client.can(configMaps);
    await until("a fresh review", async () => {
      await client.can(configMaps);
      return reviewsBy(user) - before >= 2;
    });
    expect(reviewsBy(user) - before).toBeGreaterThanOrEqual(2);
  });
});
