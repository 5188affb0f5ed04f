// Where "Test traffic" may send its request: only to an address the LoadBalancer's own Gateway
// reports, and only if that is a loopback or private address. Pure.

export const DATA_PLANE_URL_ANNOTATION = "sandbox.kube-bind.io/data-plane-url";

type Obj = {
  spec?: { listeners?: { protocol?: string; port?: number }[] };
  status?: {
    addresses?: { type?: string; value?: string }[];
    loadBalancer?: { ingress?: { ip?: string }[] };
  };
  metadata?: { annotations?: Record<string, string> };
};

function ipv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

/** Loopback or private (RFC 1918, IPv6 ULA); never link-local, public or a host name. */
export function isInternalAddress(address: string): boolean {
  const v4 = ipv4(address);
  if (v4) {
    const [a, b] = v4;
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  const v6 = address.toLowerCase();
  if (!/^[0-9a-f:]+$/.test(v6) || !v6.includes(":")) return false;
  return v6 === "::1" || /^f[cd][0-9a-f]{0,2}:/.test(v6);
}

export type TrafficTarget = { ok: true; urls: string[]; address: string; port: number } | { ok: false; reason: string };

/**
 * `http://<gateway address>:<HTTP listener port>/` first; the data-plane URL annotation of the
 * Envoy Service (the sandbox's emulator records where it really listens) only as a fallback and
 * only when it points at one of the same reported addresses.
 */
export function trafficTarget(gateway: unknown, envoyService: unknown): TrafficTarget {
  const gw = gateway as Obj | undefined;
  const svc = envoyService as Obj | undefined;
  if (!gw) return { ok: false, reason: "The LoadBalancer has no Gateway yet." };
  const reported = [
    ...(gw.status?.addresses ?? []).filter((a) => !a.type || a.type === "IPAddress").map((a) => a.value),
    ...(svc?.status?.loadBalancer?.ingress ?? []).map((i) => i.ip),
  ].filter((a): a is string => Boolean(a));
  const allowed = [...new Set(reported.filter(isInternalAddress))];
  if (reported.length === 0) return { ok: false, reason: "The Gateway has no address yet." };
  if (allowed.length === 0) {
    return { ok: false, reason: `The Gateway's address (${reported.join(", ")}) is not a cluster-internal address.` };
  }
  const ports = (gw.spec?.listeners ?? []).filter((l) => l.protocol === "HTTP" && l.port).map((l) => l.port as number);
  if (ports.length === 0) return { ok: false, reason: "The Gateway has no HTTP listener." };
  const port = Math.min(...ports);
  const address = allowed[0];
  const host = address.includes(":") ? `[${address}]` : address;
  const urls = [`http://${host}:${port}/`];
  const annotated = svc?.metadata?.annotations?.[DATA_PLANE_URL_ANNOTATION];
  const fallback = annotated ? safeUrl(annotated) : undefined;
  if (fallback && fallback.protocol === "http:" && allowed.includes(fallback.hostname.replace(/^\[|\]$/g, ""))) {
    const url = `http://${fallback.hostname}:${fallback.port || 80}/`;
    if (!urls.includes(url)) urls.push(url);
  }
  return { ok: true, urls, address, port };
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
