import "server-only";
import { request } from "node:http";
import { z } from "zod";
import { type FormResult, fail } from "../forms/action-result";
import type { Identity } from "../k8s/types";
import { LoadBalancerName, NamespaceName } from "../loadbalancer/names";
import { log } from "../log";
import { firstView } from "./first-view";
import { checkCustomHeader, type HeaderCheck } from "./header-check";
import { subscribeLoadBalancer } from "./loadbalancer";
import { trafficTarget } from "./traffic-target";
import type { LoadBalancerView } from "./types";

const Input = z.object({ namespace: NamespaceName, name: LoadBalancerName });
const Domain = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)*[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/i);

const TIMEOUT_MS = 5_000;
const MAX_BODY = 64 * 1024;

export interface TrafficResponse {
  url: string;
  host: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  truncated: boolean;
  /** the request headers the echo backend reports having received, when the body is its JSON */
  echoed?: [string, string][];
  durationMs: number;
  /** the received X-Custom-Message against the settings ConfigMap's custom-header */
  header: HeaderCheck;
}

export type TrafficOutcome = FormResult<{ data: TrafficResponse }>;

/**
 * Sends one GET / through the LoadBalancer's gateway with its domain as Host. The user must be
 * able to watch the LoadBalancer (lib/live authorizes as the user), and the request only goes to
 * the cluster-internal address its own Gateway reports (traffic-target.ts), never to user input.
 */
export async function sendTestTraffic(identity: Identity, input: unknown): Promise<TrafficOutcome> {
  const target = Input.safeParse(input);
  if (!target.success) return fail({}, { message: "Invalid LoadBalancer name." });
  const view = await firstView<LoadBalancerView>((on) => subscribeLoadBalancer(identity, target.data, on), 10_000);
  if (!view.ok) return fail({}, { message: view.error.message });
  if (!view.data?.found) return fail({}, { message: "The LoadBalancer does not exist on your cluster." });
  const domain = Domain.safeParse((view.data.objects.consumer.loadBalancer?.spec as { domain?: unknown })?.domain);
  if (!domain.success) return fail({}, { message: "The LoadBalancer has no valid spec.domain to send as Host." });
  const where = trafficTarget(view.data.objects.provider.gateway, view.data.objects.provider.envoyService);
  if (!where.ok) return fail({}, { message: where.reason });

  const settings = (view.data.objects.consumer.configMap as { data?: Record<string, string> } | undefined)?.data;
  let lastError = "";
  for (const url of where.urls) {
    try {
      const res = await get(url, domain.data);
      log.info({ traffic: { user: identity.user, ...target.data, url, status: res.status } }, "test traffic sent");
      return { ok: true, data: { ...res, header: checkCustomHeader(settings, res.echoed) } };
    } catch (e) {
      lastError = (e as Error).message;
      // Only a refused connection may mean "wrong port": anything else is the answer.
      if ((e as { code?: string }).code !== "ECONNREFUSED") break;
    }
  }
  return fail({}, { message: `The gateway did not answer: ${lastError}` });
}

function get(url: string, host: string): Promise<Omit<TrafficResponse, "header">> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "GET", headers: { host, "user-agent": "kube-bind-portal test traffic" }, timeout: TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on("data", (c: Buffer) => {
          if (size >= MAX_BODY) {
            truncated = true;
            return;
          }
          chunks.push(c);
          size += c.length;
        });
        res.on("end", () => {
          const body = Buffer.concat(chunks).subarray(0, MAX_BODY).toString("utf8");
          const headers: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          resolve({
            url,
            host,
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? "",
            headers,
            body,
            truncated: truncated || size > MAX_BODY,
            echoed: echoedHeaders(body),
            durationMs: Date.now() - started,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () =>
      req.destroy(Object.assign(new Error(`no answer within ${TIMEOUT_MS / 1000} s`), { code: "ETIMEDOUT" })),
    );
    req.on("error", reject);
    req.end();
  });
}

/** The echo backend answers with the request it saw: { headers: { Name: [values] } }. */
function echoedHeaders(body: string): [string, string][] | undefined {
  try {
    const parsed = z.object({ headers: z.record(z.string(), z.array(z.string())) }).safeParse(JSON.parse(body));
    if (!parsed.success) return undefined;
    return Object.entries(parsed.data.headers).flatMap(([k, vs]) => vs.map((v): [string, string] => [k, v]));
  } catch {
    return undefined;
  }
}
