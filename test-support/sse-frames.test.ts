import { describe, expect, it } from "vitest";
import { parseSseFrame, sseSplitter } from "./sse-frames";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("the shared SSE parser", () => {
  it("keeps a frame split across chunks (and a CRLF split between them) until its blank line", () => {
    const split = sseSplitter();
    expect(split(bytes('event: view\r\nid: 7\r\ndata: {"a"'))).toEqual([]);
    expect(split(bytes(":1}\r"))).toEqual([]);
    expect(split(bytes("\n\r\n: hb\n\n"))).toEqual([{ event: "view", id: "7", data: '{"a":1}' }, { comment: "hb" }]);
  });

  it("joins data lines with a newline and strips only one space after the colon", () => {
    expect(parseSseFrame("data:  two spaces\ndata:\ndata: last\nretry: 500")).toEqual({
      data: " two spaces\n\nlast",
      retry: "500",
    });
  });

  it("ignores unknown fields; a field without a colon has an empty value", () => {
    expect(parseSseFrame("foo: bar\nevent")).toEqual({ event: "" });
  });
});
