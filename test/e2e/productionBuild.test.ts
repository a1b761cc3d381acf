/**
 * A production build for a hosted add-in: the public base URL given once (`--env baseUrl=…`, or
 * ADDIN_BASE_URL) is written into the manifest, the functions' metadata and their help links, and
 * no localhost survives anywhere in what is built.
 */
import { execFile } from "child_process";
import { mkdtempSync, readFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { promisify } from "util";
import { ROOT, allElements, readManifest } from "../support/builtAddin";

const run = promisify(execFile);
const WEBPACK = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const BASE = "https://addins.contoso.com/spec-scorecard/";
const out = mkdtempSync(join(tmpdir(), "spec-dist-"));

beforeAll(async () => {
  await run(
    process.execPath,
    [WEBPACK, "--mode", "production", "--env", `baseUrl=${BASE}`, "--env", `outputPath=${out}`],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }
  );
}, 600000);

/** Every text file the build wrote, with its content. */
function builtTexts(dir: string, prefix = ""): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e): [string, string][] =>
    e.isDirectory()
      ? builtTexts(join(dir, e.name), `${prefix}${e.name}/`)
      : /\.(js|json|html|xml|txt|css)$/.test(e.name)
        ? [[`${prefix}${e.name}`, readFileSync(join(dir, e.name), "utf8")]]
        : []
  );
}

test("no file of the build names localhost", () => {
  const files = builtTexts(out);
  expect(files.map(([name]) => name)).toEqual(
    expect.arrayContaining([
      "manifest.xml",
      "functions.json",
      "functions-es.json",
      "functions.js",
      "taskpane.html",
    ])
  );
  expect(files.filter(([, text]) => /localhost/i.test(text)).map(([name]) => name)).toEqual([]);
});

test("every URL of the manifest is under the base URL, the app domain is its origin", () => {
  const doc = readManifest(join(out, "manifest.xml"));
  const urls = allElements(doc).flatMap((e) =>
    ["DefaultValue", "Value"]
      .map((a) => e.getAttribute(a) ?? "")
      .filter((v) => v.startsWith("http"))
  );
  expect(urls.length).toBeGreaterThan(25);
  expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
  expect(urls).toContain(`${BASE}taskpane.html`);
  expect(urls).toContain(`${BASE}functions-es.json`);
  const domains = allElements(doc)
    .filter((e) => e.localName === "AppDomain")
    .map((e) => e.textContent);
  expect(domains).toEqual(["https://addins.contoso.com"]);
});

test.each(["functions.json", "functions-es.json"])(
  "%s links each function's help under the base URL",
  (file) => {
    const metadata = JSON.parse(readFileSync(join(out, file), "utf8")) as {
      functions: { helpUrl?: string }[];
    };
    expect(metadata.functions).toHaveLength(6);
    for (const f of metadata.functions)
      expect(f.helpUrl).toMatch(new RegExp(`^${BASE}help\\.html#`));
  }
);

test("a base URL Office cannot load refuses the build, saying what to give", async () => {
  await expect(
    run(
      process.execPath,
      [
        WEBPACK,
        "--mode",
        "production",
        "--env",
        "baseUrl=http://addins.contoso.com/",
        "--env",
        `outputPath=${out}-bad`,
      ],
      {
        cwd: ROOT,
      }
    )
  ).rejects.toMatchObject({ stderr: expect.stringMatching(/must start with https:\/\//) });
}, 120000);
