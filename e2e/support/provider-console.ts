// Helpers for the provider console specs (e2e/provider-*.spec.ts).
import { expect, type Locator, type Page } from "@playwright/test";
import type { KubeClient } from "../../lib/k8s/client";
import { consumerAdmin } from "./bind-consumer";
import { providerAdmin } from "./provider";
import { user } from "./sandbox";
import { signIn } from "./sign-in";

const KB = { group: "kube-bind.io", version: "v1alpha2" };

/** Signs in as the platform admin and opens the console with its first view rendered. */
export async function openConsole(page: Page, path = "/provider") {
  await signIn(page, user("admin"), path);
  await expect(page.getByRole("heading", { level: 1, name: "Provider console" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Setup checklist" })).toBeVisible({ timeout: 30_000 });
  // The page's live stream is open: everything after this arrives without a reload.
  await expect(page.locator('[data-connection="open"]')).toBeVisible({ timeout: 30_000 });
}

/** One step of the setup checklist. */
export const checkItem = (page: Page, id: string): Locator => page.locator(`[data-check="${id}"]`);

/** Waits until every step of the checklist passes. */
export async function expectAllChecksPass(page: Page, timeout = 60_000) {
  await expect(page.locator('[data-check][data-state="ok"]')).toHaveCount(5, { timeout });
}

/** The binding namespace of the consumer cluster the portal reaches (its kube-system UID). */
export async function localBindingNamespace(): Promise<string> {
  return bindingNamespaceOf(await consumerAdmin());
}

/** The binding namespace of a consumer cluster, found by its identity (its kube-system UID). */
export async function bindingNamespaceOf(consumer: KubeClient): Promise<string> {
  const provider = await providerAdmin();
  const uid = (await consumer.get({ group: "", version: "v1", resource: "namespaces", name: "kube-system" })).metadata
    .uid;
  const bindings = await provider.list({ ...KB, resource: "clusterbindings" });
  const mine = bindings.items.find((b) => b.metadata.annotations?.["backend.kube-bind.io/identity"] === uid);
  if (!mine?.metadata.namespace) throw new Error("the consumer has no ClusterBinding: bind it first");
  return mine.metadata.namespace;
}

/** The row of one consumer (by binding namespace) in the console's consumer table. */
export const consumerRow = (page: Page, namespace: string): Locator =>
  page.getByRole("table", { name: "Consumers" }).locator(`[data-consumer="${namespace}"]`);
