// metav1.Condition as every reader here takes it: lenient about what writers leave out, since a
// foreign or stale status must not hide its object.
import { z } from "zod";

export const Condition = z.looseObject({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
  observedGeneration: z.number().optional(),
});
export type Condition = z.infer<typeof Condition>;

export const findCondition = <C extends { type: string }>(conditions: readonly C[] | undefined, type: string) =>
  conditions?.find((c) => c.type === type);

export const isConditionTrue = (conditions: readonly Condition[] | undefined, type: string) =>
  findCondition(conditions, type)?.status === "True";
