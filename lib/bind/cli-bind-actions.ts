"use server";

import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { BindingLimitError, BindStepError, NotYourBindingError } from "@/lib/bind/bind-errors";
import { bindingResponse } from "@/lib/bind/binding-response";
import { errorRedirect, successRedirect } from "@/lib/bind/cli-redirect";
import { ConsumerIdentity } from "@/lib/bind/protocol";
import { requestProviderBinding } from "@/lib/bind/provision";
import { LoopbackRedirect } from "@/lib/bind/redirect";
import { BindingName } from "@/lib/catalog/binding-name";
import { getExportTemplate } from "@/lib/catalog/get-template";
import { env } from "@/lib/env";
import { KubeError } from "@/lib/k8s/errors";
import { log } from "@/lib/log";

const CliBind = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "session_id is malformed"),
  redirectUrl: LoopbackRedirect,
  consumerId: ConsumerIdentity.optional(),
});

const BindInput = CliBind.extend({ template: z.string().min(1), name: BindingName });

export type CliBindResult = { ok: true; redirectTo: string } | { ok: false; message: string; redirectTo?: string };

/**
 * Consent given: kube-bind's backend does the provider handshake, then back to `kubectl bind`
 * with the BindingResponse.
 */
export async function bindForCli(raw: unknown): Promise<CliBindResult> {
  const user = await requireUser("/");
  const parsed = BindInput.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join("; ") };
  const input = parsed.data;
  const fail = (error: string, message: string): CliBindResult => ({
    ok: false,
    message,
    redirectTo: errorRedirect(input.redirectUrl, input.sessionId, error, message),
  });
  try {
    const template = await getExportTemplate(input.template);
    if (!template) return fail("not_found", `The export ${input.template} does not exist (any more).`);
    const { namespace, kubeconfig } = await requestProviderBinding(user, {
      template: input.template,
      consumerIdentity: input.consumerId || undefined,
      prettyName: input.name,
    });
    const response = bindingResponse({
      template,
      requestName: input.name,
      kubeconfig,
      sessionId: input.sessionId,
      issuer: env().OIDC_ISSUER_URL,
      subject: user.username,
      providerNamespace: namespace,
    });
    log.info({ audit: { user: user.username, action: "bind", template: input.template, namespace } }, "bound");
    return { ok: true, redirectTo: successRedirect(input.redirectUrl, input.sessionId, response) };
  } catch (e) {
    if (e instanceof NotYourBindingError)
      return fail("access_denied", `${e.message}. Ask them, or bind from another cluster.`);
    if (e instanceof BindingLimitError) return fail("access_denied", `${e.message}.`);
    if (e instanceof BindStepError) {
      log.warn({ bind: { user: user.username, step: e.step, reason: e.reason } }, "bind failed");
      return fail(e.reason === "TemplateNotFound" ? "not_found" : "server_error", e.message);
    }
    if (e instanceof KubeError) {
      log.warn({ bind: { user: user.username, error: e.toJSON() } }, "bind failed");
      return fail(
        "server_error",
        e.unreachable
          ? `The ${e.cluster} cluster did not answer; try again in a minute.`
          : `The ${e.cluster} cluster refused the binding: ${e.message}`,
      );
    }
    throw e;
  }
}

/** The user said no: tell the CLI, which stops waiting. */
export async function cancelCliBind(raw: unknown): Promise<CliBindResult> {
  await requireUser("/");
  const parsed = CliBind.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join("; ") };
  const message = "You cancelled the binding in the portal.";
  return {
    ok: false,
    message,
    redirectTo: errorRedirect(parsed.data.redirectUrl, parsed.data.sessionId, "access_denied", message),
  };
}
