import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/types";
import { BINDING_NAMESPACE, bindingNamespace, CONSUMER_UID } from "./fixtures/backend";
import { mayBindIdentity, mayReceiveBinding, mayUseBinding, namespacesOfIdentity, overBindingLimit } from "./ownership";

const ADMINS = "platform-admins";
const alice = { username: "alice@example.com", groups: ["team-a"] };
const bob = { username: "bob@example.com", groups: ["team-b"] };
const admin = { username: "admin@example.com", groups: [ADMINS] };

const ns = (o: unknown) => o as KubeObject;
const alicesBinding = ns(bindingNamespace(alice.username));
const unrelated = ns({ apiVersion: "v1", kind: "Namespace", metadata: { name: "kube-bind-portal" } });
const teamNamespace = ns({
  apiVersion: "v1",
  kind: "Namespace",
  metadata: {
    name: `${BINDING_NAMESPACE}-default`,
    annotations: { "kube-bind.io/api-service-namespace": `${BINDING_NAMESPACE}/default` },
  },
});

describe("the binding namespace of an identity", () => {
  it("is found by the backend's identity annotation, not by name", () => {
    expect(namespacesOfIdentity([unrelated, teamNamespace, alicesBinding], CONSUMER_UID)).toEqual([alicesBinding]);
    expect(namespacesOfIdentity([unrelated, teamNamespace], CONSUMER_UID)).toEqual([]);
  });
});

describe("who may bind an identity", () => {
  it("anyone, while nobody has bound it (the backend makes the caller its author)", () => {
    expect(mayBindIdentity([unrelated, teamNamespace], CONSUMER_UID, bob, ADMINS)).toBe(true);
  });

  it("its author and admins, once it is bound; nobody else", () => {
    const all = [unrelated, teamNamespace, alicesBinding];
    expect(mayBindIdentity(all, CONSUMER_UID, alice, ADMINS)).toBe(true);
    expect(mayBindIdentity(all, CONSUMER_UID, admin, ADMINS)).toBe(true);
    expect(mayBindIdentity(all, CONSUMER_UID, bob, ADMINS)).toBe(false);
  });

  it("only admins, when the namespace names no author", () => {
    const anonymous = ns({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: BINDING_NAMESPACE, annotations: { "backend.kube-bind.io/identity": CONSUMER_UID } },
    });
    expect(mayUseBinding(anonymous, alice, ADMINS)).toBe(false);
    expect(mayUseBinding(anonymous, admin, ADMINS)).toBe(true);
  });

  it("nobody but its authors and admins, when several namespaces claim the identity", () => {
    const bobs = ns(bindingNamespace(bob.username, CONSUMER_UID, "kube-bind-other"));
    expect(mayBindIdentity([alicesBinding, bobs], CONSUMER_UID, alice, ADMINS)).toBe(false);
    expect(mayBindIdentity([alicesBinding, bobs], CONSUMER_UID, admin, ADMINS)).toBe(true);
  });

  it("keeps user-keyed bindings apart from cluster-keyed ones", () => {
    const v06 = ns(bindingNamespace(alice.username, "user:alice@example.com", "kube-bind-3kn01jmmi9ncr"));
    expect(mayBindIdentity([v06], "user:bob@example.com", bob, ADMINS)).toBe(true);
    expect(mayBindIdentity([v06], "user:alice@example.com", bob, ADMINS)).toBe(false);
  });
});

describe("who may receive the namespace the backend answered with", () => {
  it("the caller who authored it, for the identity asked for", () => {
    expect(mayReceiveBinding(alicesBinding, CONSUMER_UID, alice, ADMINS)).toBe(true);
  });

  it("not the loser of two first binds, who was given the winner's namespace", () => {
    expect(mayReceiveBinding(alicesBinding, CONSUMER_UID, bob, ADMINS)).toBe(false);
  });

  it("not anyone, when the namespace is keyed by another identity", () => {
    expect(mayReceiveBinding(alicesBinding, "another-cluster", alice, ADMINS)).toBe(false);
    expect(mayReceiveBinding(alicesBinding, "another-cluster", admin, ADMINS)).toBe(false);
  });
});

describe("the per-user binding limit", () => {
  const owned = (n: number, author = alice.username) =>
    Array.from({ length: n }, (_, i) => ns(bindingNamespace(author, `cluster-${i}`, `kube-bind-own${i}`)));

  it("counts the binding namespaces the caller authored, not others' or service namespaces", () => {
    const all = [...owned(2), ...owned(3, bob.username), teamNamespace, unrelated];
    expect(overBindingLimit(all, "new-cluster", alice, ADMINS, 3)).toBeNull();
    expect(overBindingLimit(all, "new-cluster", alice, ADMINS, 2)).toBe(2);
  });

  it("refuses a new identity at the limit, but not one the caller already bound (nothing new is made)", () => {
    const all = owned(5);
    expect(overBindingLimit(all, "new-cluster", alice, ADMINS, 5)).toBe(5);
    expect(overBindingLimit(all, "cluster-0", alice, ADMINS, 5)).toBeNull();
  });

  it("does not count namespaces being deleted, and does not limit admins", () => {
    const deleting = owned(1).map((n) => ({
      ...n,
      metadata: { ...n.metadata, deletionTimestamp: "2026-12-03T10:00:00Z" },
    }));
    expect(overBindingLimit(deleting, "new-cluster", alice, ADMINS, 1)).toBeNull();
    expect(overBindingLimit(owned(9, admin.username), "new-cluster", admin, ADMINS, 1)).toBeNull();
  });
});
