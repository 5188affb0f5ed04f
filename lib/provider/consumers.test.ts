// Consumer rows and the detail view against objects recorded from the sandbox: the consumer bound
// with the real kubectl-bind and konnector, one LoadBalancer synced, and the konnector stopped.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/types";
import { consumerDetail, consumerRows } from "./consumers";
import { heartbeatAt, recorded } from "./fixtures/load";
import type { ProviderSnapshot } from "./snapshot";

const MIN = 60_000;
/** The recorded provider `minutes` after the konnector's last heartbeat. */
const at = (s: ProviderSnapshot, minutes: number) => {
  s.now = heartbeatAt(s) + minutes * MIN;
  return s;
};
const row = (s: ProviderSnapshot) => {
  const rows = consumerRows(s);
  expect(rows).toHaveLength(1);
  return rows[0];
};
const bindingNamespace = (s: ProviderSnapshot) => s.clusterBindings[0].metadata.namespace ?? "";

describe("consumer rows", () => {
  it("the bound consumer: name, author, konnector version and Deployment, exports, LoadBalancers, namespaces", () => {
    const s = at(recorded("healthy"), 1);
    const ns = bindingNamespace(s);
    expect(row(s)).toEqual({
      namespace: ns,
      name: "cluster",
      consumer: "consumer",
      identity: s.local?.identity,
      author: "admin@example.com",
      konnectorVersion: "v0.8.1",
      heartbeat: { state: "healthy", at: expect.any(String), intervalMs: 5 * MIN },
      konnector: { state: "running", replicas: 2, ready: 2 },
      local: true,
      state: "healthy",
      summary: "The konnector reports every 5m.",
      fix: undefined,
      exports: [
        { name: "loadbalancer", resources: ["loadbalancers.networking.kro.run"], inSync: true, message: undefined },
      ],
      instances: [{ resource: "loadbalancers.networking.kro.run", kind: "LoadBalancer", total: 1, notReady: 0 }],
      providerNamespaces: [ns, `${ns}-default`],
      createdAt: expect.any(String),
    });
  });

  it("the heartbeat ages live: healthy, then late past its interval, then lost past twice it", () => {
    expect(row(at(recorded("healthy"), 5.5)).state).toBe("healthy");
    const late = row(at(recorded("healthy"), 7));
    expect(late.state).toBe("late");
    expect(late.summary).toBe(
      "The konnector's heartbeat is overdue (it reports every 5m): it may have stopped or lost the provider.",
    );
    expect(late.fix?.command).toContain("kubectl -n kube-bind logs deployment/konnector");
    const lost = row(at(recorded("healthy"), 11));
    expect(lost.state).toBe("lost");
    expect(lost.heartbeat.state).toBe("lost");
    expect(lost.summary).toBe(
      "No heartbeat for more than 10m: kube-bind treats this konnector as gone, and nothing syncs.",
    );
  });

  it("konnector stopped (recorded: scaled to 0): down at once, long before the heartbeat is late", () => {
    const r = row(at(recorded("konnector-stopped"), 1));
    expect(r.state).toBe("down");
    expect(r.heartbeat.state).toBe("healthy");
    expect(r.konnector).toEqual({ state: "stopped", replicas: 0, ready: 0 });
    expect(r.summary).toBe(
      "The konnector is stopped on this consumer (Deployment kube-bind/konnector: 0 of 0 replicas ready): nothing syncs in either direction, and its heartbeat will stop.",
    );
    expect(r.fix?.command).toBe("kubectl -n kube-bind scale deployment konnector --replicas=2");
  });

  it("a consumer cluster the portal does not reach: only its heartbeat speaks for it", () => {
    const r = row(
      at(
        recorded("konnector-stopped", (s) => {
          s.local = { identity: "another-cluster", konnector: null };
        }),
        1,
      ),
    );
    expect(r.local).toBe(false);
    expect(r.konnector).toBeUndefined();
    expect(r.state).toBe("healthy");
  });

  it("no konnector Deployment on the portal's consumer, and a binding that never heard from one", () => {
    const missing = row(
      at(
        recorded("healthy", (s) => {
          if (s.local) s.local.konnector = null;
        }),
        1,
      ),
    );
    expect(missing.state).toBe("down");
    expect(missing.fix?.command).toBe("kubectl bind");
    const never = row(
      recorded("healthy", (s) => {
        s.local = undefined;
        (s.clusterBindings[0].status as Record<string, unknown>).lastHeartbeatTime = undefined;
      }),
    );
    expect(never.state).toBe("lost");
    expect(never.summary).toMatch(/has never reported/);
  });

  it("a binding made moments ago awaits its first heartbeat: no problem, so no fix", () => {
    const r = row(
      recorded("healthy", (s) => {
        s.local = undefined;
        const cb = s.clusterBindings[0];
        (cb.status as Record<string, unknown>).lastHeartbeatTime = undefined;
        cb.metadata.creationTimestamp = new Date(s.now - 5_000).toISOString();
      }),
    );
    expect(r).toMatchObject({
      state: "starting",
      summary: "Bound moments ago: the konnector's first heartbeat is due.",
    });
    expect(r.fix).toBeUndefined();
  });

  it("a binding whose namespace is being deleted is being revoked", () => {
    const s = at(
      recorded("healthy", (x) => {
        const ns = x.namespaces.find((n) => n.metadata.name === bindingNamespace(x)) as KubeObject;
        ns.metadata.deletionTimestamp = new Date().toISOString();
      }),
      1,
    );
    expect(row(s)).toMatchObject({
      state: "revoking",
      summary: "Being revoked: its provider namespace is being deleted.",
    });
  });

  it("counts the LoadBalancers that are not Ready and reports an export out of sync", () => {
    const s = at(
      recorded("healthy", (x) => {
        const lb = x.instances["loadbalancers.networking.kro.run"][0];
        for (const c of (lb.status as { conditions: { type: string; status: string }[] }).conditions)
          if (c.type === "Ready") c.status = "False";
        const exp = x.exports[0].status as { conditions: Record<string, string>[] };
        Object.assign(exp.conditions[0], { status: "False", message: "the consumer is not connected" });
      }),
      1,
    );
    const r = row(s);
    expect(r.instances[0]).toMatchObject({ total: 1, notReady: 1 });
    expect(r.exports[0]).toMatchObject({
      inSync: false,
      message: "APIServiceExport loadbalancer: the consumer is not connected.",
    });
  });

  it("sorts the troubled consumers first", () => {
    const s = at(
      recorded("healthy", (x) => {
        const second = structuredClone(x.clusterBindings[0]);
        second.metadata.namespace = "kube-bind-zzzz";
        second.metadata.annotations = { "backend.kube-bind.io/cluster-pretty-name": "aaa-first-by-name" };
        (second.status as Record<string, unknown>).lastHeartbeatTime = undefined;
        x.clusterBindings.push(second);
      }),
      1,
    );
    expect(consumerRows(s).map((r) => [r.consumer, r.state])).toEqual([
      ["aaa-first-by-name", "lost"],
      ["consumer", "healthy"],
    ]);
  });
});

describe("consumer detail", () => {
  it("the binding's conditions, its export requests and every synced object", () => {
    const s = at(recorded("healthy"), 1);
    const ns = bindingNamespace(s);
    const detail = consumerDetail(s, ns);
    expect(detail.found).toBe(true);
    expect(detail.conditions.map((c) => `${c.type}=${c.status}`)).toEqual([
      "Ready=True",
      "SecretValid=True",
      "ValidVersion=True",
    ]);
    expect(detail.requests).toEqual([
      { name: "loadbalancer", phase: "Succeeded", message: undefined, createdAt: expect.any(String) },
    ]);
    expect(detail.instances).toEqual([
      {
        namespace: `${ns}-default`,
        name: "my-lb",
        kind: "LoadBalancer",
        state: "ACTIVE",
        ready: true,
        consumerNamespace: "default",
        message: undefined,
      },
    ]);
  });

  it("an unknown namespace is not found", () => {
    expect(consumerDetail(recorded("healthy"), "kube-bind-nothing")).toEqual({
      target: { namespace: "kube-bind-nothing" },
      found: false,
      conditions: [],
      requests: [],
      instances: [],
    });
  });
});
