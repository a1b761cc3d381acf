/**
 * The file layer at Excel's scale: a 1,048,575-row, 50,000-customer sales table (with a Customers
 * table) written as Excel would, then `spec-scorecard --json` and `--json --out`, each in a process
 * of its own, timed against inflating the package (`unzip -p book.xlsx > /dev/null`) in the same run.
 */
import { spawnSync } from "child_process";
import { createWriteStream, mkdtempSync, openAsBlob, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Writable } from "stream";
import { newTableOf, writeNewWorkbook } from "../xlsx/newWorkbook";
import { ZipArchive } from "../xlsx/zipArchive";
import { bigTables } from "./benchScorecard";
import { mib } from "./measure";

export const EXCEL_ROWS = 1048575;

/** The bench's workbook: the engine bench's tables at Excel's row limit, dates shown as dates. */
async function writeBigWorkbook(path: string): Promise<void> {
  const tables = bigTables(EXCEL_ROWS, 50000).slice(0, 2);
  const newTables = tables.map((t) =>
    newTableOf(t, (h) =>
      h === "Date" ? "yyyy-mm-dd" : h === "Amount" || h === "Margin" ? "#,##0.00" : undefined
    )
  );
  await writeNewWorkbook(newTables, {
    stream: Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>,
  });
}

/** Seconds to inflate every part: unzip's, or where unzip is missing, this process's own. */
async function inflateSeconds(path: string): Promise<{ seconds: number; by: string }> {
  const started = process.hrtime.bigint();
  const unzip = spawnSync("sh", ["-c", 'unzip -p "$0" > /dev/null', path]);
  if (unzip.status === 0)
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, by: "unzip -p" };
  const again = process.hrtime.bigint();
  const archive = await ZipArchive.open(await openAsBlob(path));
  for (const name of archive.names()) await archive.stream(name, () => undefined);
  return {
    seconds: Number(process.hrtime.bigint() - again) / 1e9,
    by: "zip.js inflate (unzip is not installed)",
  };
}

export function timedCli(args: string[]): { seconds: number; peakMiB: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(__dirname, "measuredRun.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const line = r.stdout.trim().split("\n").pop() ?? "";
  const result = JSON.parse(line || "{}") as { status?: number; peakMiB?: number };
  if (result.status !== 0) throw new Error(`spec-scorecard ${args.join(" ")} failed: ${r.stderr}`);
  return { seconds, peakMiB: result.peakMiB ?? NaN };
}

export async function benchFiles(runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "spec-bench-files-"));
  try {
    const book = join(dir, "book.xlsx");
    console.log(
      `Workbook files: ${EXCEL_ROWS.toLocaleString("en")} sales rows, 50,000 customers, as Excel writes them (shared strings, date formats):`
    );
    const writeStarted = process.hrtime.bigint();
    await writeBigWorkbook(book);
    console.log(
      `  written by our own writer in ${(Number(process.hrtime.bigint() - writeStarted) / 1e9).toFixed(1)} s: ${mib(statSync(book).size)} zipped`
    );
    const median = (xs: number[]): number =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const inflate: number[] = [];
    const json: { seconds: number; peakMiB: number }[] = [];
    const out: { seconds: number; peakMiB: number }[] = [];
    let by = "";
    for (let i = 0; i < runs; i++) {
      const inflated = await inflateSeconds(book);
      inflate.push(inflated.seconds);
      by = inflated.by;
      json.push(timedCli([book, "--json"]));
      out.push(timedCli([book, "--json", "--out", join(dir, `copy${i}.xlsx`)]));
    }
    const floor = median(inflate);
    const show = (
      name: string,
      figures: { seconds: number; peakMiB: number }[],
      ratioTarget: number,
      memoryTarget: number
    ): void => {
      const seconds = median(figures.map((f) => f.seconds));
      const peak = Math.max(...figures.map((f) => f.peakMiB));
      const ratio = seconds / floor;
      console.log(
        `  ${name.padEnd(34)} median ${seconds.toFixed(2).padStart(6)} s = ${ratio.toFixed(1)}× inflating (target ≤ ${ratioTarget}×: ${ratio <= ratioTarget ? "met" : "MISSED"}), ` +
          `peak ${peak.toFixed(0)} MiB (target ≤ ${memoryTarget} MiB: ${peak <= memoryTarget ? "met" : "MISSED"})`
      );
    };
    console.log(
      `  inflating the package (${by})       median ${floor.toFixed(2).padStart(6)} s over ${runs} runs`
    );
    show("spec-scorecard --json", json, 8, 1024);
    show("spec-scorecard --json --out", out, 12, 1536);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
