import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(stream, "info"), lines };
}

describe("log", () => {
  it("writes one JSON line per call and redacts credentials", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        k8s: { verb: "get", cluster: "provider", token: "abc" },
        authorization: "Bearer abc",
        kubeconfig: "apiVersion: v1",
        secret: { data: { password: "c2VjcmV0" }, stringData: { a: "b" } },
      },
      "call",
    );
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line.k8s).toEqual({ verb: "get", cluster: "provider", token: "[redacted]" });
    expect(line.authorization).toBe("[redacted]");
    expect(line.kubeconfig).toBe("[redacted]");
    expect(line.secret.data).toBe("[redacted]");
    expect(lines[0]).not.toContain("c2VjcmV0");
    expect(lines[0]).not.toContain("abc");
  });
});
