/**
 * `spec-scorecard`: the task pane's pipeline on a saved workbook or a folder of CSVs. Returns the
 * exit status: 0, or 2 for input it cannot use, with one line saying what to fix (errorLine.ts);
 * anything else thrown is a bug (main.ts exits 1). Writes nothing unless everything before
 * succeeded, and the copy appears only complete (a temporary file beside it, renamed at the end).
 */
import { openAsBlob } from "fs";
import { extname, resolve } from "path";
import { Result, ok, valueError } from "../core/result";
import { scorecardJson } from "../engine/scorecard";
import { mappingGaps } from "../engine/tableMapping";
import { LABELS } from "../plan/labels";
import { computeScorecard } from "../workbook/buildPipeline";
import { buildScorecardPlan, snapshotSummary } from "../plan/scorecardPlan";
import { tablesOfFolder } from "../workbook/csvSource";
import { FileWorkbook, OutputOpener } from "../workbook/fileWorkbook";
import { kindOf, notRegularFile, resolvedPath, sameFile } from "../workbook/regularFile";
import { UnreadableFile } from "../xlsx/unreadable";
import { errorLine } from "./errorLine";
import { parseOptions } from "./options";
import { PartialFile } from "./partialFile";
import { formatSummary } from "./summary";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

async function load(source: string, output: OutputOpener): Promise<Result<FileWorkbook>> {
  const kind = kindOf(source);
  if (kind === null)
    return valueError(`${source} does not exist: name an .xlsx workbook or a folder of .csv files`);
  if (kind === "folder") {
    const tables = tablesOfFolder(source);
    if (tables.length === 0)
      return valueError(`${source} has no .csv files: put one .csv per table in it`);
    return ok(FileWorkbook.ofCsv(tables, output));
  }
  const notFile = notRegularFile(source);
  if (notFile !== null)
    return valueError(`${notFile}: name an .xlsx workbook or a folder of .csv files`);
  if (extname(source).toLowerCase() === ".csv")
    return valueError(
      `${source} is one CSV file: name the folder that holds it, with one .csv per table`
    );
  return FileWorkbook.open(await openAsBlob(source), source, output);
}

/** Why `--out` cannot be written (null when it can): it is the source, or not a file to replace. */
function outputProblem(out: string, target: string, source: string): string | null {
  if (sameFile(source, target))
    return `--out ${out} is the source file: the source is never modified; choose another name`;
  const kind = kindOf(target);
  if (kind === "folder") return `--out ${out} is a folder: name the workbook to write`;
  if (kind === "other")
    return `--out ${out} is not a regular file (a pipe or a device): name a workbook file to write`;
  return null;
}

/** A note (not a failure) may run longer than an error's line, but stays one line. */
const NOTE_LINE = 1000;

/** An error the system gave (no such folder, no permission, disk full): not a bug. */
function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  // Not `instanceof Error`: Node's own errors may come from another realm (a test runner's).
  const error = e as Partial<NodeJS.ErrnoException> | null;
  return typeof error?.code === "string" && typeof error.message === "string";
}

export async function runScorecard(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    io.err(errorLine(`spec-scorecard: ${e.message}`));
    return 2;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const fail = (message: string): number => {
    io.err(errorLine(`spec-scorecard: ${message}`));
    return 2;
  };
  const parsed = parseOptions(argv);
  if (!parsed.ok) return fail(parsed.error.message);
  const options = parsed.value;
  // An existing --out is written through its links: the copy goes where they lead.
  const target = options.out === null ? null : resolvedPath(resolve(options.out));
  const problem =
    target === null ? null : outputProblem(options.out as string, target, options.source);
  if (problem !== null) return fail(problem);
  const partial = target === null ? null : new PartialFile(target);
  const loaded = await load(options.source, partial?.open ?? (async () => ({})));
  if (!loaded.ok) return fail(loaded.error.message);
  const workbook = loaded.value;
  if (target !== null && extname(target).toLowerCase() !== workbook.extension) {
    const kind = workbook.extension === ".xlsm" ? "a macro-enabled workbook" : "a workbook";
    return fail(
      `--out ${options.out} must end in ${workbook.extension}: the source is ${kind}, and Excel opens it only under that ending`
    );
  }
  const tables = await workbook.describeTables();
  const unknownTables = Object.values(options.mapping)
    .map((o) => o?.table)
    .filter((t): t is string => typeof t === "string" && !tables.some((x) => x.name === t));
  if (unknownTables.length > 0)
    return fail(
      `--table ${unknownTables[0]}: no such table (tables: ${tables.map((t) => t.name).join(", ")})`
    );
  const computed = await computeScorecard(
    workbook,
    { tables, override: options.mapping, settings: options.settings, language: options.language },
    () => undefined
  );
  if (!computed.ok) {
    if (computed.error.message.startsWith("no sales table")) {
      const seen = tables.map((t) => `${t.name} (${t.headers.join(", ")})`).join("; ");
      return fail(
        `no sales table: give a table with customer, date and amount columns (found ${seen || "no tables"})`
      );
    }
    return fail(computed.error.message);
  }
  await workbook.verifyRead(); // every byte the figures rest on checked before they are shown
  const { card, mapping } = computed.value;
  // What the mapping could not find, once the input is known to be good: a failure stays one line.
  for (const gap of mappingGaps(mapping))
    io.err(errorLine(`spec-scorecard: note: ${gap}`, NOTE_LINE));
  if (partial !== null) {
    const plan = buildScorecardPlan(card, mapping, options.language);
    try {
      await workbook.writeScorecard(plan, () => undefined);
      partial.commit();
      const computedAtBuild = snapshotSummary(plan, options.language);
      if (computedAtBuild !== null)
        io.err(errorLine(`spec-scorecard: note: ${computedAtBuild}`, NOTE_LINE));
    } catch (e) {
      partial.discard();
      if (!isSystemError(e)) throw e; // an unreadable part (exit 2), or a bug (exit 1)
      return fail(
        `cannot write ${options.out} (${e.message}): check that its folder exists and may be written to`
      );
    }
  }
  const labels = LABELS[options.language];
  if (options.json)
    io.out(
      JSON.stringify(
        scorecardJson(card, (r) => labels.reasons[r]),
        null,
        2
      )
    );
  else if (options.out === null) io.out(formatSummary(card, labels, options.language));
  return 0;
}
