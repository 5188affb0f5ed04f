"use server";

import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { sendTestTraffic, type TrafficOutcome } from "@/lib/live/test-traffic";

/**
 * "Test traffic" on the detail page: one request through the LoadBalancer's own gateway, as the
 * signed-in user (identity from the session; lib/live/test-traffic validates the input and only
 * sends to the address the Gateway reports).
 */
export async function testTrafficAction(input: unknown): Promise<TrafficOutcome> {
  const user = await requireUser("/loadbalancers");
  return sendTestTraffic(k8sIdentity(user), input);
}
