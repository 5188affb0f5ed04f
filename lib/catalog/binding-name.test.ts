import { describe, expect, it } from "vitest";
import { BindingName } from "./binding-name";

describe("binding name", () => {
  it("accepts a lowercase label", () => {
    expect(BindingName.parse("loadbalancer-2")).toBe("loadbalancer-2");
  });

  it.each([
    ["", "Name: required"],
    ["Load_Balancer", "Name: lowercase letters, digits and '-', at most 63 characters"],
    ["-lb", "starting and ending with a letter or digit"],
    ["a".repeat(64), "at most 63 characters"],
  ])("rejects %j naming the field and the rule in plain words", (name, message) => {
    const r = BindingName.safeParse(name);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toContain(message);
    expect(r.error?.issues[0].message).not.toMatch(/RFC|metadata\./);
  });
});
