// The repository's layout: the README's "Where things are" map names every top-level folder and
// every lib/ folder that exists (and nothing else), and lib/ stays product code: it imports
// nothing from app/, sandbox/ or test-support/.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/** Folders as git tracks them (ignored build output and caches are not part of the layout). */
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);

function foldersAt(depth: "top" | "lib"): string[] {
  const parts = tracked.map((f) => f.split("/"));
  const dirs =
    depth === "top"
      ? parts.filter((p) => p.length > 1).map((p) => p[0])
      : parts.filter((p) => p[0] === "lib" && p.length > 2).map((p) => `lib/${p[1]}`);
  return [...new Set(dirs)].filter((d) => existsSync(join(ROOT, d))).sort();
}

function readmeMap(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.split("### Where things are")[1]?.split(/\n#{2,3} /)[0];
  if (!section) throw new Error('README.md has no "### Where things are" section');
  return [...section.matchAll(/^\s*- `([^`]+)\/`/gm)].map((m) => m[1]);
}

describe("the README's map of the repository", () => {
  const listed = readmeMap();

  it("lists only folders that exist", () => {
    const missing = listed.filter((d) => !existsSync(join(ROOT, d)) || !statSync(join(ROOT, d)).isDirectory());
    expect(missing).toEqual([]);
  });

  it("lists every top-level folder and every lib/ folder", () => {
    const unlisted = [...foldersAt("top"), ...foldersAt("lib")].filter((d) => !listed.includes(d));
    expect(unlisted).toEqual([]);
  });
});

describe("lib/ imports", () => {
  const specifier = /(?:from|import)\s*\(?\s*"([^"]+)"/g;
  const libFiles = tracked.filter((f) => f.startsWith("lib/") && /\.tsx?$/.test(f));
  const isTest = (f: string) => /\.test\.tsx?$/.test(f);
  const product = libFiles.filter((f) => !isTest(f));

  /** What `file` imports from this repository, as repository paths (packages left out). */
  function imports(file: string): { spec: string; target: string }[] {
    return [...readFileSync(join(ROOT, file), "utf8").matchAll(specifier)].flatMap(([, spec]) => {
      if (spec.startsWith("@/")) return [{ spec, target: normalize(spec.slice(2)) }];
      if (spec.startsWith(".")) return [{ spec, target: relative(ROOT, join(ROOT, dirname(file), spec)) }];
      return [];
    });
  }

  /** `file → specifier` for each import of `files` that resolves into one of `folders`. */
  const importsInto = (files: string[], folders: string[]) =>
    files.flatMap((file) =>
      imports(file)
        .filter(({ target }) => folders.includes(target.split("/")[0]))
        .map(({ spec }) => `${file} → ${spec}`),
    );

  it("of product code reach nothing in app/, sandbox/ or test-support/", () => {
    expect(importsInto(product, ["app", "sandbox", "test-support"])).toEqual([]);
  });

  it("of tests reach the sandbox only through test-support/, and never app/", () => {
    expect(importsInto(libFiles.filter(isTest), ["app", "sandbox"])).toEqual([]);
  });

  const known = new Set(product);
  const file = (target: string) =>
    [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`].find((f) => known.has(f));
  /** file → the product files it imports (type-only imports included) */
  const edges = new Map(product.map((f) => [f, imports(f).flatMap(({ target }) => file(target) ?? [])]));

  it("of product code form no cycles (type-only imports included)", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (f: string, path: string[]) => {
      state.set(f, "open");
      for (const next of edges.get(f) ?? []) {
        if (state.get(next) === "open") cycles.push([...path.slice(path.indexOf(next)), next].join(" → "));
        else if (!state.has(next)) visit(next, [...path, next]);
      }
      state.set(f, "done");
    };
    for (const f of product) if (!state.has(f)) visit(f, [f]);
    expect(cycles).toEqual([]);
  });

  // Loops between folders that predate this check; a new one fails, and one taken apart must be
  // taken off this list.
  const KNOWN_FOLDER_LOOPS = [
    "lib ⇄ lib/k8s",
    "lib/actions ⇄ lib/bind ⇄ lib/catalog ⇄ lib/loadbalancer ⇄ lib/status",
    "lib/live ⇄ lib/provider",
  ];

  it("of product code form no loops between lib/ folders but the known ones", () => {
    const folderOf = (f: string) => f.split("/").slice(0, -1).slice(0, 2).join("/");
    const next = new Map<string, Set<string>>();
    for (const [f, targets] of edges)
      for (const t of targets) next.set(folderOf(f), (next.get(folderOf(f)) ?? new Set()).add(folderOf(t)));
    const reach = (from: string, seen = new Set<string>()) => {
      for (const n of next.get(from) ?? []) if (!seen.has(n)) reach(n, seen.add(n));
      return seen;
    };
    const folders = [...new Set(product.map(folderOf))].sort();
    const reaches = new Map(folders.map((f) => [f, reach(f)]));
    const loopOf = (f: string) => folders.filter((g) => g !== f && reaches.get(f)?.has(g) && reaches.get(g)?.has(f));
    const loops = folders.flatMap((f) => {
      const loop = loopOf(f);
      return loop.length ? [[f, ...loop].sort().join(" ⇄ ")] : [];
    });
    expect([...new Set(loops)].sort()).toEqual(KNOWN_FOLDER_LOOPS);
  });
});
