// Recorded objects for the pure schema tests (see record/schema-crd.ts for how they were made).
import crd from "../lib/forms/fixtures/loadbalancers.networking.kro.run.json";
import openapi from "../lib/forms/fixtures/openapi-v3-networking.kro.run-v1alpha1.json";

export const recordedLoadBalancerCrd: unknown = crd;
export const recordedLoadBalancerOpenApi: unknown = openapi;
