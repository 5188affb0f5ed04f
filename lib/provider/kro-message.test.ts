import { describe, expect, it } from "vitest";
import { ADDRESS_EXPRESSION } from "./fixes";
import { recorded } from "./fixtures/load";
import { explainKroMessage } from "./kro-message";

describe("kro's messages in plain words", () => {
  it("the recorded rejection of the guide's RGD names the field and the expression to use", () => {
    const rgd = recorded("guide-rgd").rgds[0];
    const message = (rgd.status as { conditions: { type: string; message: string }[] }).conditions.find(
      (c) => c.type === "GraphAccepted",
    )?.message;
    expect(explainKroMessage(message)).toBe(
      'kro only accepts expressions in an RGD\'s status, and status.address is a plain type (like "address: string", as in older guides). ' +
        `Give each status field an expression that reads a resource, e.g. address: ${ADDRESS_EXPRESSION}.`,
    );
  });

  it("several plain status fields are all named", () => {
    expect(explainKroMessage("status fields without expressions are not supported: [address port]")).toContain(
      "status.address, status.port is a plain type",
    );
  });

  it("other kinds of rejection, and silence for what it does not recognise", () => {
    expect(explainKroMessage('no matches for kind "Widget" in version "example.com/v1"')).toMatch(
      /^A resource in the RGD is of a kind the provider does not serve \(Widget\)/,
    );
    expect(explainKroMessage("found a cycle in the resource graph")).toMatch(/depend on each other in a circle/);
    expect(explainKroMessage("the moon is made of cheese")).toBeUndefined();
    expect(explainKroMessage(undefined)).toBeUndefined();
  });
});
