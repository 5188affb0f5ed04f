// The namespace and name an edit or delete form sends back (from the page's address): held to
// Kubernetes' name rules before any cluster call, so "..", "%2F" or "a/b" never reach a URL. Pure.
import { z } from "zod";
import { dns1123Label, dns1123Subdomain } from "../forms/kubernetes-rules";

const ruled = (rule: (v: string) => string | null) =>
  z.string().superRefine((v, ctx) => {
    const problem = rule(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const NamespaceName = ruled((v) => dns1123Label(v, "The namespace"));
export const LoadBalancerName = ruled((v) => dns1123Subdomain(v, "The LoadBalancer's name"));

/** The form-level message for input the form never sends, naming each rule it broke. */
export function unreadableForm(error: z.ZodError): string {
  const rules = error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
  return `The form sent data this page does not understand (${rules}); reload the page.`;
}
