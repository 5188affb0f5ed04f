import { expect, type Page } from "@playwright/test";
import type { KubeClient } from "../../lib/k8s/client";
import { KubeError } from "../../lib/k8s/errors";
import type { SandboxUser } from "../../sandbox/state";
import { exists } from "../../test-support/k8s";
import { signIn } from "./sign-in";

export const LB = { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers" };
export const CM = { group: "", version: "v1", resource: "configmaps" };

export interface LoadBalancerFields {
  namespace?: string;
  name: string;
  domain?: string;
  header?: string;
  /** the Service picker's option text */
  service?: RegExp;
}

/** The shared sign-in (kept under this name for the LoadBalancer specs). */
export const signInTo = signIn;

/** The portal's forms enable their submit button once hydrated; fill them only then. */
export async function formReady(page: Page, submit: string | RegExp) {
  await expect(page.getByRole("button", { name: submit, exact: typeof submit === "string" })).toBeEnabled();
}

/** Signs `who` in on the New LoadBalancer form. */
export async function openNewForm(page: Page, who: SandboxUser) {
  await signInTo(page, who, "/loadbalancers/new");
  await expect(page.getByRole("form", { name: "New LoadBalancer" })).toBeVisible();
}

/** The input `#id` is marked invalid and described by its error, which says exactly `message`. */
export async function expectFieldError(page: Page, id: string, message: string | RegExp) {
  const input = page.locator(`#${id}`);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAttribute("aria-describedby", new RegExp(`(^| )${id}-error( |$)`));
  await expect(page.locator(`#${id}-error`)).toHaveText(message);
}

/** Fills the New LoadBalancer form the way a person does, picking the Service from the list. */
export async function fillLoadBalancerForm(page: Page, f: LoadBalancerFields) {
  await formReady(page, "Review");
  if (f.namespace) await page.getByLabel("Namespace", { exact: true }).selectOption(f.namespace);
  await page.getByLabel("Name", { exact: true }).fill(f.name);
  await page.getByLabel("Domain", { exact: true }).fill(f.domain ?? "www.example.com");
  const picker = page.getByLabel(/Pick a Service from your cluster/);
  const option = picker.locator("option", { hasText: f.service ?? /backend in default/ });
  await picker.selectOption({ label: (await option.textContent()) ?? "" });
  await page.getByLabel("Key 1").fill("custom-header");
  await page.getByLabel("Value 1").fill(f.header ?? "hello-kube-bind");
}

export { exists };

/** An empty LoadBalancer `name` in default, so that the form finds the name taken. */
export async function takeName(client: KubeClient, name: string) {
  await client.create(
    { ...LB, namespace: "default" },
    { apiVersion: "networking.kro.run/v1alpha1", kind: "LoadBalancer", metadata: { name }, spec: {} },
  );
}

/** Deletes leftovers of an earlier run and waits until they are gone (finalizers included). */
export async function removeIfPresent(client: KubeClient, ref: typeof LB, namespace: string, name: string) {
  await client.delete({ ...ref, namespace, name }).catch((e) => {
    if (!(e instanceof KubeError && e.notFound)) throw e;
  });
  await expect.poll(() => exists(client, ref, namespace, name), { timeout: 60_000 }).toBe(false);
}

/** Removes a LoadBalancer made by a spec and its settings ConfigMap (`<name>-config`). */
export async function removeLoadBalancer(client: KubeClient, name: string, namespace = "default") {
  await removeIfPresent(client, LB, namespace, name);
  await removeIfPresent(client, CM, namespace, `${name}-config`);
}

/**
 * Creates a LoadBalancer in default through the New LoadBalancer form, as alice does, and ends on
 * its detail page. The form appears once the API is served to her: reload until then.
 */
export async function createThroughForm(page: Page, name: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("form", { name: "New LoadBalancer" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await fillLoadBalancerForm(page, { namespace: "default", name, domain: `${name}.example.com` });
  await page.getByRole("button", { name: "Review" }).click();
  await page
    .getByRole("region", { name: "Review: what will be created" })
    .getByRole("button", { name: "Create LoadBalancer" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/loadbalancers/default/${name}$`));
}

/** No LoadBalancer or ConfigMap of these names on the consumer, nor anywhere on the provider. */
export async function expectNothingCreated(
  consumer: KubeClient,
  provider: KubeClient,
  namespace: string,
  names: { lb: string; cm: string },
) {
  expect(await exists(consumer, LB, namespace, names.lb)).toBe(false);
  expect(await exists(consumer, CM, namespace, names.cm)).toBe(false);
  expect((await provider.list(LB, { fieldSelector: `metadata.name=${names.lb}` })).items).toEqual([]);
  expect((await provider.list(CM, { fieldSelector: `metadata.name=${names.cm}` })).items).toEqual([]);
}
