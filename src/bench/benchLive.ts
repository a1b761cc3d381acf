/**
 * The live sheet's cost in a real spreadsheet engine: LibreOffice opening and saving a
 * 100,000-row, 4,000-customer workbook with the Scorecard (every formula recalculated on load),
 * against opening and saving the same workbook without it. SPEC.md §3: at most 3×.
 */
import { spawnSync } from "child_process";
import { createWriteStream, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Writable } from "stream";
import { newTableOf, writeNewWorkbook } from "../xlsx/newWorkbook";
import { bigTables } from "./benchScorecard";
import { convertWithLibreOffice, libreOfficeVersion } from "./libreOffice";

export async function benchLive(runs: number): Promise<void> {
  let version: string;
  try {
    version = libreOfficeVersion();
  } catch (e) {
    console.log(
      `Live sheet in LibreOffice: skipped (${e instanceof Error ? e.message : String(e)})`
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "spec-bench-live-"));
  try {
    const book = join(dir, "sales-100k.xlsx");
    const tables = bigTables(100000, 4000).map((t) =>
      newTableOf(t, (h) => (h === "Date" || h === "Created" ? "yyyy-mm-dd" : undefined))
    );
    await writeNewWorkbook(tables, {
      stream: Writable.toWeb(createWriteStream(book)) as WritableStream<Uint8Array>,
    });
    const withSheet = join(dir, "sales-100k-scorecard.xlsx");
    const cli = spawnSync(
      process.execPath,
      [join(__dirname, "..", "cli", "main.js"), book, "--out", withSheet],
      { encoding: "utf8" }
    );
    if (cli.status !== 0) throw new Error(`spec-scorecard failed: ${cli.stderr}`);
    console.log(
      `Live sheet in ${version}: 100,000 sales rows, 4,000 customers, 100,000 leads; open and save, every formula recalculated on load:`
    );
    const median = (xs: number[]): number =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const without: number[] = [];
    const withScorecard: number[] = [];
    for (let i = 0; i < runs; i++) {
      without.push(convertWithLibreOffice(book, "xlsx", "always").seconds);
      withScorecard.push(convertWithLibreOffice(withSheet, "xlsx", "always").seconds);
    }
    const ratio = median(withScorecard) / median(without);
    console.log(
      `  without the Scorecard               median ${median(without).toFixed(2).padStart(6)} s over ${runs} runs`
    );
    console.log(
      `  with the Scorecard, recalculated    median ${median(withScorecard).toFixed(2).padStart(6)} s = ${ratio.toFixed(2)}× (target ≤ 3×: ${ratio <= 3 ? "met" : "MISSED"})`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
