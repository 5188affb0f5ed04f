import { describe, expect, it } from "vitest";
import { checkLoopbackRedirect } from "./redirect";

describe("CLI redirect_url", () => {
  it.each([
    "http://127.0.0.1:43117/callback",
    "http://localhost:8000/callback",
    "http://[::1]:9999/callback",
    "http://127.0.0.1:1/cb?x=1",
    "http://127.0.0.1:65535/cb?next=%2Fdone%20now",
  ])("accepts %s", (url) => {
    expect(checkLoopbackRedirect(url)).toMatchObject({ ok: true });
  });

  it.each([
    ["another host", "http://evil.example.com:8000/callback"],
    ["https", "https://127.0.0.1:8000/callback"],
    ["protocol-relative", "//127.0.0.1:8000/callback"],
    ["protocol-relative to another host", "//evil.example.com/callback"],
    ["a look-alike host", "http://127.0.0.1.example.com:8000/callback"],
    ["a look-alike localhost", "http://localhost.evil.com:8000/callback"],
    ["userinfo", "http://localhost@evil.com:8000/callback"],
    ["userinfo with port", "http://localhost:8000@evil.com/callback"],
    ["userinfo on loopback", "http://user:pass@127.0.0.1:8000/callback"],
    ["javascript:", "javascript:alert(1)//127.0.0.1:8000/callback"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["encoded host", "http://%31%32%37.0.0.1:8000/callback"],
    ["encoded localhost", "http://%6cocalhost:8000/callback"],
    ["upper-case scheme", "HTTP://127.0.0.1:8000/callback"],
    ["upper-case host", "http://LOCALHOST:8000/callback"],
    ["decimal IP", "http://2130706433:8000/callback"],
    ["short IP", "http://127.1:8000/callback"],
    ["other loopback address", "http://127.0.0.2:8000/callback"],
    ["IPv4-mapped IPv6", "http://[::ffff:127.0.0.1]:8000/callback"],
    ["CR/LF", "http://127.0.0.1:8000/callback\r\nLocation: http://evil.com"],
    ["raw LF", "http://127.0.0.1:8000/cb\n"],
    ["tab", "http://127.0.0.1:8000/call\tback"],
    ["backslash", "http://127.0.0.1:8000\\@evil.com/callback"],
    ["space", "http://127.0.0.1:8000/call back"],
    ["no port", "http://127.0.0.1/callback"],
    ["no path", "http://127.0.0.1:8000"],
    ["root path", "http://127.0.0.1:8000/"],
    ["fragment", "http://127.0.0.1:8000/callback#x"],
    ["overlong", `http://127.0.0.1:8000/${"a".repeat(3000)}`],
    ["empty", ""],
    ["relative", "/callback"],
    ["ftp", "ftp://127.0.0.1:21/callback"],
    ["port 0", "http://127.0.0.1:0/callback"],
    ["port 0 on localhost", "http://localhost:0/callback"],
    ["encoded CR/LF in the path", "http://127.0.0.1:8000/cb%0d%0aSet-Cookie:x=1"],
    ["encoded NUL in the path", "http://127.0.0.1:8000/cb%00"],
    ["encoded tab in the path", "http://127.0.0.1:8000/call%09back"],
    ["encoded DEL in the path", "http://127.0.0.1:8000/cb%7F"],
    ["encoded upper-case control", "http://127.0.0.1:8000/cb%1B"],
    ["encoded control in the query", "http://127.0.0.1:8000/cb?x=%0a"],
  ])("refuses %s", (_what, url) => {
    const result = checkLoopbackRedirect(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/redirect_url/);
  });

  it("refuses non-strings", () => {
    expect(checkLoopbackRedirect(undefined)).toMatchObject({ ok: false, reason: "redirect_url is required" });
    expect(checkLoopbackRedirect(["http://127.0.0.1:1/cb"])).toMatchObject({ ok: false });
  });
});
