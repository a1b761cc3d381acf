/**
 * The command line's output kept byte for byte: `--json` and the summary, in English and Spanish,
 * on the sample workbook (as `npm run demo` builds it) and on the messy test workbook. A change to
 * what the engine says shows up here as a diff of the golden files in test/fixtures/golden/.
 *
 * A deliberate change (a new JSON key, a new indicator) regenerates them:
 *   UPDATE_GOLDEN=1 npx jest test/cli/golden.test.ts
 * and the diff of test/fixtures/golden/ is reviewed and committed with the change.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { writeNewWorkbook } from "../../src/xlsx/newWorkbook";
import { MESSY_TABLES } from "../fixtures/messyWorkbook";
import { runCli } from "../support/commandLine";

const goldenDir = join(__dirname, "..", "fixtures", "golden");
const update = process.env.UPDATE_GOLDEN === "1";
const dir = mkdtempSync(join(tmpdir(), "spec-golden-"));
const sample = join(dir, "sample-distributor.xlsx");
const messy = join(dir, "messy.xlsx");

/** The targets `npm run demo` sets (src/cli/demo.ts). */
const DEMO_TARGETS = [
  "--target",
  "revenue=2500000",
  "--target",
  "svc.activation_rate=0.8",
  "--target",
  "svc.top20_share=0.5",
  "--target",
  "sales.new_customers=15",
];

beforeAll(async () => {
  await writeSampleWorkbook(sample);
  const blob = (await writeNewWorkbook(MESSY_TABLES, {})) as Blob;
  writeFileSync(messy, new Uint8Array(await blob.arrayBuffer()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases: [golden: string, workbook: () => string, args: string[]][] = [
  ["sample.json", () => sample, ["--json", ...DEMO_TARGETS]],
  ["messy.es.json", () => messy, ["--json", "--lang", "es"]],
  ["sample.summary.txt", () => sample, DEMO_TARGETS],
  ["sample.summary.es.txt", () => sample, ["--lang", "es", ...DEMO_TARGETS]],
  ["messy.json", () => messy, ["--json"]],
  ["messy.summary.txt", () => messy, []],
  ["messy.summary.es.txt", () => messy, ["--lang", "es"]],
];

test.each(cases)("%s is byte-identical to the golden", async (golden, workbook, args) => {
  const r = await runCli(workbook(), ...args);
  // Notes and the data check (its lines start "data:", "datos:") go to stderr; nothing else may.
  const other = (line: string): boolean => !/ (note|nota|data|datos):/.test(line);
  expect(r.err.filter(other)).toEqual([]);
  expect(r.status).toBe(0);
  const path = join(goldenDir, golden);
  const text = r.out + "\n";
  if (update) writeFileSync(path, text);
  expect(existsSync(path)).toBe(true);
  expect(text === readFileSync(path, "utf8")).toBe(true);
});
