import { describe, expect, it } from "vitest";
import { safeRedirectUrl, safeReturnPath } from "./safe-redirect";

const ORIGIN = "http://portal.example:8080";

describe("safeReturnPath", () => {
  it.each([
    ["/", "/"],
    ["/catalog", "/catalog"],
    ["/loadbalancers/a/b?tab=1#x", "/loadbalancers/a/b?tab=1#x"],
    [
      "/?session_id=abc&redirect_url=http%3A%2F%2F127.0.0.1%3A1%2Fcb",
      "/?session_id=abc&redirect_url=http%3A%2F%2F127.0.0.1%3A1%2Fcb",
    ],
    [`${ORIGIN}/catalog`, "/catalog"],
    ["catalog", "/catalog"],
    // Stays on the origin, but in the parser's percent-encoded form (never a raw byte in Location).
    ["/\u3002/evil.example", "/%E3%80%82/evil.example"],
    ["/%E3%80%82/evil.example", "/%E3%80%82/evil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%5c/evil.example", "/%5c/evil.example"],
    ["/%0b/evil.example", "/%0b/evil.example"],
    ["/%0c/evil.example", "/%0c/evil.example"],
    ["/\u000b/evil.example", "/%0B/evil.example"],
    ["/\u000c/evil.example", "/%0C/evil.example"],
    // Scheme-relative with the same scheme: a path on the origin, as browsers read it.
    ["http:evil.example", "/evil.example"],
    // A path the parser leaves starting with "//" must not become protocol-relative.
    ["/x/..//evil.example", "/evil.example"],
  ])("keeps %j on the origin as %j", (input, expected) => {
    expect(safeReturnPath(input, ORIGIN)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "https://evil.example/",
    "http://portal.example:8081/",
    "https://portal.example:8080/",
    "http://portal.example.evil.example:8080/",
    "http://user@evil.example/",
    "javascript:alert(1)",
    "data:text/html,x",
    "",
  ])("refuses %j", (input) => {
    expect(safeReturnPath(input, ORIGIN)).toBe("/");
    expect(safeReturnPath(input, ORIGIN, "/catalog")).toBe("/catalog");
  });

  it("takes the first of repeated parameters and refuses a missing one", () => {
    expect(safeReturnPath(["/a", "//evil.example"], ORIGIN)).toBe("/a");
    expect(safeReturnPath(undefined, ORIGIN)).toBe("/");
  });

  it("never returns anything a Location header cannot carry", () => {
    for (let c = 0; c < 0x80; c++) {
      const out = safeReturnPath(`/${String.fromCharCode(c)}/evil.example`, ORIGIN);
      expect(out).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
      expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
    }
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  it("keeps same-origin URLs and sends everything else home", () => {
    expect(safeRedirectUrl(`${ORIGIN}/catalog`, ORIGIN)).toBe(`${ORIGIN}/catalog`);
    expect(safeRedirectUrl("/signin?signedOut=1", ORIGIN)).toBe(`${ORIGIN}/signin?signedOut=1`);
    expect(safeRedirectUrl("https://evil.example/", ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl("/\t/evil.example", ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
