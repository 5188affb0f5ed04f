"use server";

import { identityAction } from "@/lib/actions/user-action";
import { sendTestTraffic } from "@/lib/live/test-traffic";

/**
 * "Test traffic" on the detail page: one request through the LoadBalancer's own gateway, as the
 * signed-in user (lib/live/test-traffic validates the input and only sends to the address the
 * Gateway reports).
 */
export const testTrafficAction = identityAction(sendTestTraffic, { returnTo: "/loadbalancers" });
