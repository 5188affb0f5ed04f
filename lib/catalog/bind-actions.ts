"use server";

import { z } from "zod";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { BindingLimitError, BindStepError, NotYourBindingError } from "@/lib/bind/bind-errors";
import { bindingResponse } from "@/lib/bind/binding-response";
import { finishOnConsumer } from "@/lib/bind/finish";
import { mayBindOnConsumer } from "@/lib/bind/konnector-deploy";
import { requestProviderBinding } from "@/lib/bind/provision";
import { BindingName } from "@/lib/catalog/binding-name";
import { getExportTemplate } from "@/lib/catalog/get-template";
import { env } from "@/lib/env";
import { portalIdentityClient, userClient } from "@/lib/k8s/clusters";
import { KubeError } from "@/lib/k8s/errors";

const Input = z.object({ template: z.string().min(1), name: BindingName });

export type BrowserBindResult =
  | { ok: true; binding: string; providerNamespace: string }
  | { ok: false; field?: "name"; message: string; commands?: string[] };

/**
 * Binding without the CLI: kube-bind's backend does the provider handshake and the portal, as the
 * user, does what `kubectl bind` would do on the consumer cluster (including deploying the
 * konnector). Users who may not do all of that there are shown the commands for someone who may,
 * and nothing is created.
 */
export async function bindInBrowser(raw: unknown): Promise<BrowserBindResult> {
  const user = await requireUser("/catalog");
  const parsed = Input.safeParse(raw);
  if (!parsed.success) return { ok: false, field: "name", message: parsed.error.issues[0]?.message ?? "invalid input" };
  const { template: templateName, name } = parsed.data;
  try {
    const template = await getExportTemplate(templateName);
    if (!template) return { ok: false, message: `The export ${templateName} does not exist (any more).` };
    const consumer = await userClient("consumer", k8sIdentity(user));
    if (!(await mayBindOnConsumer(consumer))) {
      return {
        ok: false,
        message:
          "Binding changes your whole cluster, and your account may not create bindings there. Ask a cluster administrator of your cluster to run:",
        commands: [`kubectl bind login ${env().PORTAL_URL}`, "kubectl bind"],
      };
    }
    // The consumer cluster's identity, as `kubectl bind` sends it: the UID of kube-system.
    const portal = await portalIdentityClient("consumer");
    const kubeSystem = await portal.get({ group: "", version: "v1", resource: "namespaces", name: "kube-system" });
    const { namespace, kubeconfig } = await requestProviderBinding(user, {
      template: templateName,
      consumerIdentity: kubeSystem.metadata.uid,
      prettyName: name,
    });
    const response = bindingResponse({
      template,
      requestName: name,
      kubeconfig,
      sessionId: "portal",
      issuer: env().OIDC_ISSUER_URL,
      subject: user.username,
      providerNamespace: namespace,
    });
    const binding = await finishOnConsumer(consumer, kubeconfig, response.requests[0]);
    return { ok: true, binding, providerNamespace: namespace };
  } catch (e) {
    if (e instanceof NotYourBindingError) return { ok: false, message: e.message };
    if (e instanceof BindingLimitError) return { ok: false, message: `${e.message}.` };
    if (e instanceof BindStepError) return { ok: false, message: e.message };
    if (e instanceof KubeError) {
      return {
        ok: false,
        message: e.unreachable
          ? `The ${e.cluster} cluster did not answer; try again.`
          : `The ${e.cluster} cluster refused: ${e.message}`,
      };
    }
    throw e;
  }
}
