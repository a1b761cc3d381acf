/**
 * --values writes the same Scorecard with every cell as its value (planAsValues, the task pane's
 * values switch): no formula anywhere on the sheet, each cell what the live file caches, the same
 * number formats.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { runCli } from "../support/commandLine";
import { sheetCells, sheetXml, storedCell } from "../support/workbooks";

const dir = mkdtempSync(join(tmpdir(), "spec-values-"));
const source = join(dir, "sample.xlsx");
const live = join(dir, "live.xlsx");
const values = join(dir, "values.xlsx");

beforeAll(async () => {
  await writeSampleWorkbook(source, { customers: 60, spanish: true });
  const args = ["--as-of", "2024-12-15", "--period", "month", "--lang", "es"];
  expect((await runCli(source, ...args, "--out", live)).status).toBe(0);
  const r = await runCli(source, ...args, "--values", "--out", values);
  expect(r.status).toBe(0);
  // Everything is a value: no note listing parts computed at the build.
  expect(r.err.filter((l) => l.includes("Calculado al crear el cuadro"))).toEqual([]);
});

test("no formula on the values Scorecard; the live one has many", async () => {
  expect((await sheetXml(live, "Scorecard")).match(/<f[ >]/g)?.length).toBeGreaterThan(60);
  expect((await sheetXml(values, "Scorecard")).match(/<f[ >]/g)).toBeNull();
});

test("every cell holds what the live file caches, spills included, in the same number format", async () => {
  const liveCells = await sheetCells(live, "Scorecard");
  const valueCells = await sheetCells(values, "Scorecard");
  expect(liveCells.size).toBeGreaterThan(300);
  // A formula's blank result is cached as "" in the live file; the values file leaves the cell empty.
  const shown = (cells: Map<string, unknown>): Record<string, unknown> =>
    Object.fromEntries([...cells].filter(([, v]) => v !== ""));
  expect(shown(valueCells)).toEqual(shown(liveCells));
  const numbers = [...liveCells].filter(([, v]) => typeof v === "number").map(([a]) => a);
  const addresses = numbers.filter((_, i) => i % Math.ceil(numbers.length / 8) === 0);
  for (const a of addresses) {
    const [l, v] = [
      await storedCell(live, "Scorecard", a),
      await storedCell(values, "Scorecard", a),
    ];
    expect([a, v.format]).toEqual([a, l.format]);
  }
});
