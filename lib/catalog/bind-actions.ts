"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/user-action";
import { finishOnConsumer } from "@/lib/bind/finish";
import { mayBindOnConsumer } from "@/lib/bind/konnector-deploy";
import { bindExport } from "@/lib/bind/provision";
import { BindingName } from "@/lib/catalog/binding-name";
import { env } from "@/lib/env";
import { type FormResult, fail } from "@/lib/forms/action-result";
import { APIS } from "@/lib/k8s/apis";
import { portalIdentityClient, userClient } from "@/lib/k8s/clusters";

const Input = z.object({ template: z.string().min(1), name: BindingName });

export type BrowserBindResult = FormResult<{ binding: string; providerNamespace: string }>;

/**
 * Binding without the CLI: kube-bind's backend does the provider handshake and the portal, as the
 * user, does what `kubectl bind` would do on the consumer cluster (including deploying the
 * konnector). Users who may not do all of that there are shown the commands for someone who may,
 * and nothing is created.
 */
export const bindInBrowser = userAction(
  Input,
  async ({ template: templateName, name }, { user, identity }): Promise<BrowserBindResult> => {
    const consumer = await userClient("consumer", identity);
    if (!(await mayBindOnConsumer(consumer))) {
      return fail(
        {},
        {
          message:
            "Binding changes your whole cluster, and your account may not create bindings there. Ask a cluster administrator of your cluster to run:",
          commands: [`kubectl bind login ${env().PORTAL_URL}`, "kubectl bind"],
        },
      );
    }
    // The consumer cluster's identity, as `kubectl bind` sends it: the UID of kube-system.
    const portal = await portalIdentityClient("consumer");
    const kubeSystem = await portal.get({ ...APIS.namespaces, name: "kube-system" });
    const bound = await bindExport(user, {
      template: templateName,
      consumerIdentity: kubeSystem.metadata.uid,
      prettyName: name,
      sessionId: "portal",
    });
    if (!bound) return fail({}, { message: `The export ${templateName} does not exist (any more).` });
    const { namespace, kubeconfig, response } = bound;
    const binding = await finishOnConsumer(consumer, kubeconfig, response.requests[0]);
    return { ok: true, binding, providerNamespace: namespace };
  },
  { returnTo: "/catalog" },
);
