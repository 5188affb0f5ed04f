// `npm test`: lint, typecheck, unit and cluster tests, production build, end-to-end tests; with
// step names only those (`npm run test:visual`, `npm run screenshots` use it too).
// It builds the sandbox's binaries if needed, starts ONE sandbox for the whole run and stops it
// (and only what it started) at the end, whatever happens.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { startSandbox } from "../sandbox/index";
import { freePort } from "../sandbox/lib/ports";
import { diesWithParent } from "../sandbox/lib/process";

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  return new Promise((resolve, reject) => {
    const child = spawn(...diesWithParent(cmd, args, "TERM"), { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        console.log(`✔ ${title} (${secs}s)`);
        resolve();
      } else reject(new Error(`${title} failed (${signal ?? `exit ${code}`}) after ${secs}s`));
    });
  });
}

/**
 * Step names choose what runs (all but `screenshots` when none is named); every other argument
 * goes to Playwright, e.g. `e2e e2e/visual.spec.ts --update-snapshots` runs that one spec.
 */
const STEPS = ["lint", "typecheck", "build", "unit", "e2e", "screenshots"];

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const only = args.filter((a) => STEPS.includes(a));
  const playwrightArgs = args.filter((a) => !STEPS.includes(a));
  // The README's screenshots are written only when asked for by name.
  const want = (step: string) => only.includes(step) || (only.length === 0 && step !== "screenshots");
  const npx = (bin: string) => `node_modules/.bin/${bin}`;

  if (want("lint")) await run("lint (biome)", npx("biome"), ["check", "."]);
  if (want("typecheck")) {
    await run("typegen", npx("next"), ["typegen"]);
    await run("typecheck (tsc)", npx("tsc"), ["--noEmit"]);
  }
  if (want("build")) await run("next build", npx("next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
  if (!want("unit") && !want("e2e") && !want("screenshots")) return;

  await run("sandbox binaries", "bash", ["sandbox/bin/build-binaries.sh"]);
  // The e2e suite runs the portal on one URL and, for misconfiguration tests, a second portal on
  // a spare one; both are registered with the sandbox's identity provider.
  const portalUrl = `http://127.0.0.1:${await freePort()}`;
  const spareUrl = `http://127.0.0.1:${await freePort()}`;
  console.log("\n▶ starting the sandbox");
  const sandbox = await startSandbox({ portalUrls: [portalUrl, spareUrl], log: (line) => console.log(`  ${line}`) });
  const env = { SANDBOX_STATE: sandbox.stateFile, PORTAL_URL: portalUrl, PORTAL_SPARE_URL: spareUrl };
  const stop = () => sandbox.stop();
  process.once("SIGINT", () => void stop().finally(() => process.exit(130)));
  process.once("SIGTERM", () => void stop().finally(() => process.exit(143)));
  mkdirSync(RESULTS, { recursive: true });
  try {
    if (want("unit")) {
      await run(
        "unit and cluster tests (vitest)",
        npx("vitest"),
        ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${RESULTS}/vitest.json`],
        env,
      );
    }
    if (want("e2e")) {
      await run(
        "end-to-end tests (playwright)",
        npx("playwright"),
        ["test", "--reporter=list,json", ...playwrightArgs],
        {
          ...env,
          PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/playwright.json`,
        },
      );
    }
    if (want("screenshots")) {
      await run("README screenshots (docs/screenshots/)", npx("playwright"), ["test", ...playwrightArgs], {
        ...env,
        PORTAL_README_SCREENSHOTS: "1",
      });
    }
  } finally {
    console.log("\n▶ stopping the sandbox");
    await stop();
    printTotals();
  }
}

// Outside test-results/, which Playwright empties when it starts.
const RESULTS = ".test-summary";

/** One plain closing line over both runners, e.g. "tests: 221 passed, 0 failed". */
function printTotals() {
  let passed = 0;
  let failed = 0;
  const vitest = `${RESULTS}/vitest.json`;
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, "utf8")) as { numPassedTests: number; numFailedTests: number };
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  const pw = `${RESULTS}/playwright.json`;
  if (existsSync(pw)) {
    const r = JSON.parse(readFileSync(pw, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number };
    };
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected;
  }
  if (passed + failed > 0) console.log(`\ntests: ${passed} passed, ${failed} failed`);
}

main().then(
  () => console.log("\nall checks passed"),
  (e) => {
    console.error(`\n✖ ${(e as Error).message}`);
    process.exit(1);
  },
);
