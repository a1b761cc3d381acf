/**
 * `spec-scorecard`: the task pane's engine on a saved workbook or a folder of CSVs. Returns
 * the exit status; writes nothing unless everything before succeeded.
 */
import { existsSync, renameSync, statSync, unlinkSync } from "fs";
import { dirname, extname, join, resolve, basename } from "path";
import ExcelJS from "exceljs";
import { Result, ok, valueError } from "../core/result";
import { buildScorecard, scorecardJson, Scorecard } from "../engine/scorecard";
import { readScorecardData } from "../engine/scorecardData";
import { SourceTable } from "../engine/sourceTable";
import { TableMapping, guessMapping, mappingGaps } from "../engine/tableMapping";
import { LABELS } from "../plan/labels";
import { buildScorecardPlan } from "../plan/scorecardPlan";
import { tablesOfFolder } from "../workbook/csvSource";
import { tablesOfWorkbook } from "../workbook/xlsxSource";
import { writePlan } from "../workbook/xlsxWriter";
import { CliOptions, parseOptions } from "./options";
import { formatSummary } from "./summary";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

interface Loaded {
  readonly tables: SourceTable[];
  /** The workbook read, for --out to add the sheet to; null for a folder. */
  readonly workbook: ExcelJS.Workbook | null;
}

async function load(source: string): Promise<Result<Loaded>> {
  if (!existsSync(source)) return valueError(`${source} does not exist: name an .xlsx workbook or a folder of .csv files`);
  if (statSync(source).isDirectory()) {
    const tables = tablesOfFolder(source);
    if (tables.length === 0) return valueError(`${source} has no .csv files: put one .csv per table in it`);
    return ok({ tables, workbook: null });
  }
  if (extname(source).toLowerCase() !== ".xlsx") return valueError(`${source} is not an .xlsx workbook: save it as .xlsx, or give a folder of .csv files`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(source);
  } catch (e) {
    return valueError(`cannot read ${source} as an .xlsx workbook (${e instanceof Error ? e.message : String(e)}): open it in Excel and save it as .xlsx`);
  }
  return ok({ tables: tablesOfWorkbook(workbook), workbook });
}

/** A workbook holding each CSV as a sheet with an Excel table, for the scorecard's formulas to refer to. */
export function workbookOfTables(tables: readonly SourceTable[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const t of tables) {
    const ws = workbook.addWorksheet(t.sheet.slice(0, 31));
    const rows = Array.from({ length: t.rowCount }, (_, i) => t.columns.map((c) => c[i] ?? null));
    ws.addTable({
      name: t.name,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: t.headers.map((name) => ({ name, filterButton: true })),
      rows: rows.length > 0 ? rows : [t.headers.map(() => null)],
    });
  }
  return workbook;
}

async function writeOut(path: string, source: string, loaded: Loaded, card: Scorecard, mapping: TableMapping, options: CliOptions): Promise<Result<true>> {
  const target = resolve(path);
  if (target === resolve(source)) return valueError(`--out ${path} is the source file: the source is never modified; choose another name`);
  if (extname(target).toLowerCase() !== ".xlsx") return valueError(`--out ${path} must end in .xlsx`);
  const workbook = loaded.workbook ?? workbookOfTables(loaded.tables);
  const ws = writePlan(workbook, buildScorecardPlan(card, mapping, options.language));
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: workbook.worksheets.indexOf(ws), visibility: "visible" }];
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  try {
    await workbook.xlsx.writeFile(partial);
    renameSync(partial, target);
  } catch (e) {
    if (existsSync(partial)) unlinkSync(partial);
    return valueError(`cannot write ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
  return ok(true);
}

export async function runScorecard(argv: readonly string[], io: Io): Promise<number> {
  const fail = (message: string): number => {
    io.err(`spec-scorecard: ${message}`);
    return 2;
  };
  const parsed = parseOptions(argv);
  if (!parsed.ok) return fail(parsed.error.message);
  const options = parsed.value;
  const loaded = await load(options.source);
  if (!loaded.ok) return fail(loaded.error.message);
  const mapping = guessMapping(loaded.value.tables, options.mapping);
  const unknownTables = Object.values(options.mapping)
    .map((o) => o?.table)
    .filter((t): t is string => typeof t === "string" && !loaded.value.tables.some((x) => x.name === t));
  if (unknownTables.length > 0) return fail(`--table ${unknownTables[0]}: no such table (tables: ${loaded.value.tables.map((t) => t.name).join(", ")})`);
  if (mapping.sales === undefined) {
    const seen = loaded.value.tables.map((t) => `${t.name} (${t.headers.join(", ")})`).join("; ");
    return fail(`no sales table: give a table with customer, date and amount columns (found ${seen || "no tables"})`);
  }
  const data = readScorecardData(mapping);
  if (!data.ok) return fail(`${data.error.message}; fix that cell and run again`);
  const card = buildScorecard(data.value, options.settings);
  if (!card.ok) return fail(card.error.message);
  // What the mapping could not find, once the input is known to be good: a failure stays one line.
  for (const gap of mappingGaps(mapping)) io.err(`spec-scorecard: note: ${gap}`);
  if (options.out !== null) {
    const written = await writeOut(options.out, options.source, loaded.value, card.value, mapping, options);
    if (!written.ok) return fail(written.error.message);
  }
  const labels = LABELS[options.language];
  if (options.json) io.out(JSON.stringify(scorecardJson(card.value, (r) => labels.reasons[r]), null, 2));
  else if (options.out === null) io.out(formatSummary(card.value, labels));
  return 0;
}
