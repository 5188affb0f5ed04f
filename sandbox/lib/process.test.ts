import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alive, waitFor } from "./process";

describe("sandbox processes", () => {
  it("end when the process that started them is killed, however it dies", async () => {
    const dir = mkdtempSync(join(tmpdir(), "process-test-"));
    // A launcher that starts a long-running server the way the sandbox does, prints its pid,
    // and is then killed with SIGKILL (no chance to clean up).
    const script = `
      const { startProcess } = require(${JSON.stringify(join(__dirname, "process.ts"))});
      const p = startProcess({ name: "sleeper", command: "sleep", args: ["300"], runDir: ${JSON.stringify(dir)} });
      console.log(p.pid);
      setInterval(() => {}, 1000);
    `;
    const launcher = spawn(process.execPath, ["--import", "tsx", "--input-type=commonjs", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    launcher.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    const pid = await waitFor("the launcher to start its child", () => Number(out.trim()) || undefined, {
      timeoutMs: 30_000,
    });
    expect(alive(pid)).toBe(true);
    launcher.kill("SIGKILL");
    await waitFor("the child to end with its launcher", () => !alive(pid), { timeoutMs: 10_000 });
  });
});
