/**
 * The custom functions run, on Windows, in a JavaScript-only runtime that parses no syntax newer
 * than ES2016 on older builds: the built functions script, and every script its page loads, must
 * parse as ES2016 (a newer token and no function registers).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parse } from "acorn";
import { DIST, requireBuild } from "../support/builtAddin";

beforeAll(requireBuild);

/** The scripts functions.html loads from the build (Microsoft's runtime comes from its CDN). */
function functionsScripts(): string[] {
  const page = readFileSync(join(DIST, "functions.html"), "utf8");
  return [...page.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
}

test("functions.html loads the functions script and nothing else of ours", () => {
  expect(functionsScripts()).toEqual(["functions.js"]);
});

test("functions.js loads no other chunk at run time", () => {
  const script = readFileSync(join(DIST, "functions.js"), "utf8");
  // webpack's chunk loading (__webpack_require__.e / importScripts / a script tag) would fetch more code.
  expect(script).not.toMatch(/importScripts|\.e=function|\.e=\(|createElement\("script"\)/);
});

test.each(functionsScripts())("%s parses as ES2016", (file) => {
  const source = readFileSync(join(DIST, file), "utf8");
  expect(() => parse(source, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
});

test("the check can fail: ES2020 syntax does not parse as ES2016", () => {
  expect(() => parse("const a = b ?? c?.d;", { ecmaVersion: 2016 })).toThrow(/Unexpected token/);
  expect(() => parse("async function f() { await g(); }", { ecmaVersion: 2016 })).toThrow();
});
