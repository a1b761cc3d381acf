/**
 * `npm ci` needs nothing but Node and npm: no dependency compiles native code at install, and
 * every peer dependency the project relies on is installed (the project's .npmrc turns npm's
 * automatic peer installs off, so each one is a dependency of its own in package.json).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { ROOT } from "../support/builtAddin";

interface LockedPackage {
  readonly version?: string;
  readonly hasInstallScript?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
};
const packages = lock.packages;
const nameOf = (path: string): string =>
  path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);

/** Install scripts reviewed by hand: none compiles anything. */
const REVIEWED_INSTALL_SCRIPTS: Record<string, string> = {
  "core-js-pure": "postinstall prints a funding banner (node -e), compiles nothing",
};

/**
 * Peers left out on purpose. office-addin-dev-settings runs the Microsoft 365 Agents Toolkit with
 * `npx -p` only to sideload unified-manifest or Outlook add-ins; installed, it pulls keytar, a native
 * module built from source where its prebuilt binary cannot be downloaded.
 */
const PEERS_LEFT_OUT = new Set(["@microsoft/m365agentstoolkit-cli"]);

/** Where Node would find `name` from the package at `from`: its own node_modules, then each parent's. */
function resolveFrom(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate] !== undefined) return candidate;
    if (base === "") return undefined;
    const up = base.lastIndexOf("/node_modules/");
    base = up >= 0 ? base.slice(0, up) : "";
  }
}

test("the lockfile is npm's v3 format, which records install scripts", () => {
  expect(lock.lockfileVersion).toBe(3);
  expect(Object.keys(packages).length).toBeGreaterThan(100);
});

test("no locked package runs an install script that has not been reviewed (native builds among them)", () => {
  const withScripts = Object.entries(packages)
    .filter(([path, p]) => path !== "" && p.hasInstallScript === true)
    .map(([path, p]) => `${nameOf(path)}@${p.version}`);
  const unreviewed = withScripts.filter(
    (id) => REVIEWED_INSTALL_SCRIPTS[id.slice(0, id.lastIndexOf("@"))] === undefined
  );
  expect(unreviewed).toEqual([]);
});

test("nothing that needs a system library to build is locked", () => {
  const native = Object.keys(packages)
    .map(nameOf)
    .filter((n) =>
      ["keytar", "node-gyp-build", "prebuild-install", "@microsoft/m365agentstoolkit-cli"].includes(
        n
      )
    );
  expect(native).toEqual([]);
});

test("npm's automatic peer installs are off, so the toolkit cannot come back through a peer", () => {
  const npmrc = readFileSync(join(ROOT, ".npmrc"), "utf8");
  expect(npmrc).toMatch(/^legacy-peer-deps=true$/m);
});

test("every required peer dependency resolves, but for the ones left out on purpose", () => {
  const missing: string[] = [];
  for (const [path, p] of Object.entries(packages)) {
    for (const peer of Object.keys(p.peerDependencies ?? {})) {
      if (p.peerDependenciesMeta?.[peer]?.optional === true || PEERS_LEFT_OUT.has(peer)) continue;
      if (resolveFrom(path, peer) === undefined)
        missing.push(`${nameOf(path) || "(project)"} → ${peer}`);
    }
  }
  expect(missing).toEqual([]);
});

test("every dependency of every locked package resolves", () => {
  const missing: string[] = [];
  for (const [path, p] of Object.entries(packages)) {
    for (const dep of Object.keys(p.dependencies ?? {}))
      if (resolveFrom(path, dep) === undefined)
        missing.push(`${nameOf(path) || "(project)"} → ${dep}`);
  }
  expect(missing).toEqual([]);
});

test("the SQL engines install without compiling: DuckDB's binary is a prebuilt package per platform, pg is JavaScript", () => {
  const duckdb = Object.entries(packages).filter(([path]) => nameOf(path).startsWith("@duckdb/"));
  expect(duckdb.map(([path]) => nameOf(path))).toEqual(
    expect.arrayContaining([
      "@duckdb/node-api",
      "@duckdb/node-bindings",
      "@duckdb/node-bindings-linux-x64",
    ])
  );
  expect(duckdb.filter(([, p]) => p.hasInstallScript === true)).toEqual([]);
  expect(packages["node_modules/@duckdb/node-bindings"].optionalDependencies).toHaveProperty(
    "@duckdb/node-bindings-win32-x64"
  );
  expect(packages["node_modules/pg"].hasInstallScript).toBeUndefined();
  expect(Object.keys(packages).map(nameOf)).not.toContain("pg-native");
});
