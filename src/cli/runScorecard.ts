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
import { SourceTable } from "../engine/sourceTable";
import { tableWhere } from "../engine/dataText";
import { dataCheckLines } from "../engine/dataCheckText";
import {
  MappingOverride,
  ROLES,
  Role,
  guessMapping,
  mappingGaps,
  normalizeHeader,
  tableNamed,
} from "../engine/tableMapping";
import { LABELS, Language } from "../plan/labels";
import { computeScorecard } from "../workbook/buildPipeline";
import { buildScorecardPlan, snapshotSummary } from "../plan/scorecardPlan";
import { tableOfFile, tablesOfFolder } from "../workbook/csvSource";
import { SQL_TEXT } from "../sql/sqlText";
import { engineFor } from "../sql/sqlSources";
import { runOnSql } from "../sql/sqlRun";
import { DataCheck } from "../engine/dataCheck";
import { Scorecard } from "../engine/scorecard";
import { TableMapping } from "../engine/tableMapping";
import { planAsValues } from "../plan/planValues";
import { FileWorkbook, OutputOpener } from "../workbook/fileWorkbook";
import { kindOf, notRegularFile, resolvedPath, sameFile } from "../workbook/regularFile";
import { UnreadableFile } from "../xlsx/unreadable";
import { CLI_TEXT, CliText, closestFirst, packageRefusal } from "./cliText";
import { errorLine } from "./errorLine";
import { CliOptions, languageOfArgs, parseCommand } from "./options";
import { PartialFile } from "./partialFile";
import { formatSummary } from "./summary";
import { withStoredSettings } from "./storedDefaults";
import { storedSettingsOf } from "../workbook/storedMapping";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The process exits when the run ends (the command line itself, not a test calling it). */
  readonly processEnds?: boolean;
}

async function load(
  options: CliOptions,
  output: OutputOpener,
  T: CliText
): Promise<Result<FileWorkbook>> {
  const source = options.source;
  const kind = kindOf(source);
  if (kind === null) return valueError(T.missing(source));
  if (kind === "folder") {
    const tables = tablesOfFolder(source, { ...options.reading, language: options.language });
    if (!tables.ok) return tables;
    if (tables.value.length === 0) return valueError(T.noCsv(source));
    return ok(FileWorkbook.ofCsv(tables.value, output));
  }
  const notFile = notRegularFile(source, options.language);
  if (notFile !== null) return valueError(T.notASource(notFile));
  if (extname(source).toLowerCase() === ".csv") {
    const table = tableOfFile(source, { ...options.reading, language: options.language });
    return table.ok ? ok(FileWorkbook.ofCsv([table.value], output)) : table;
  }
  const opened = await FileWorkbook.open(await openAsBlob(source), source, output);
  return opened.ok
    ? opened
    : valueError(packageRefusal(opened.error.message, source, options.language));
}

/**
 * A --table or --column that names nothing is an error listing the candidates, closest first
 * (a typo is never ignored); null when every name is found.
 */
export function unknownNames(
  tables: readonly SourceTable[],
  override: MappingOverride,
  T: CliText
): string | null {
  const names = tables.map((t) => t.name);
  for (const role of ROLES) {
    const wanted = override[role]?.table;
    if (typeof wanted === "string" && tableNamed(tables, wanted) === undefined)
      return T.unknownTable(wanted, closestFirst(wanted, names, normalizeHeader));
  }
  const mapping = guessMapping(tables, override);
  for (const role of ROLES) {
    for (const [column, header] of Object.entries(override[role]?.columns ?? {})) {
      if (typeof header !== "string") continue;
      const spec = `${role}.${column}=${header}`;
      const table = mapping[role as Role]?.table;
      if (table === undefined) return T.noTableFor(spec, role);
      if (!table.headers.some((h) => normalizeHeader(h) === normalizeHeader(header)))
        return T.unknownColumn(
          spec,
          table.name,
          closestFirst(header, table.headers, normalizeHeader)
        );
    }
  }
  return null;
}

/** The tables found, for a refusal that found no sales table: "Ventas (ventas.csv, Windows-1252…: Código Cliente, …)". */
export function tablesSeen(tables: readonly SourceTable[], language: Language, T: CliText): string {
  if (tables.length === 0) return T.noTables;
  return tables
    .map((t) =>
      t.file !== undefined
        ? `${t.name} (${tableWhere(t, language)}: ${t.headers.join(", ")})`
        : `${t.name} (${t.headers.join(", ")})`
    )
    .join("; ");
}

/** Why `--out` cannot be written (null when it can): it is the source, or not a file to replace. */
function outputProblem(out: string, target: string, source: string, T: CliText): string | null {
  if (sameFile(source, target)) return T.outIsSource(out);
  const kind = kindOf(target);
  if (kind === "folder") return T.outIsFolder(out);
  if (kind === "other") return T.outNotFile(out);
  return null;
}

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
  let T = CLI_TEXT[languageOfArgs(argv)];
  const fail = (message: string): number => {
    io.err(errorLine(`spec-scorecard: ${message}`));
    return 2;
  };
  const parsed = parseCommand(argv);
  if (!parsed.ok) return fail(parsed.error.message);
  if (parsed.value.kind !== "run") {
    io.out(parsed.value.text);
    return 0;
  }
  let options = parsed.value.options;
  T = CLI_TEXT[options.language];
  // An existing --out is written through its links: the copy goes where they lead.
  const target = options.out === null ? null : resolvedPath(resolve(options.out));
  const problem =
    target === null ? null : outputProblem(options.out as string, target, options.source, T);
  if (problem !== null) return fail(problem);
  const partial = target === null ? null : new PartialFile(target);
  // Parquet, databases and files past Excel's size are computed in SQL (src/sql).
  const engine = engineFor(options.source, options.engine, SQL_TEXT[options.language]);
  if (!engine.ok) return fail(engine.error.message);
  if (engine.value !== "memory") return runOnSql(engine.value, options, io, partial);
  const loaded = await load(options, partial?.open ?? (async () => ({})), T);
  if (!loaded.ok) return fail(loaded.error.message);
  const workbook = loaded.value;
  if (target !== null && extname(target).toLowerCase() !== workbook.extension)
    return fail(
      T.outEnding(options.out as string, workbook.extension, workbook.extension === ".xlsm")
    );
  const tables = await workbook.describeTables();
  // Names given on the command line are checked as given; stored ones the workbook lost are guessed again.
  const unknown = unknownNames(tables, options.mapping, T);
  if (unknown !== null) return fail(unknown);
  const stored = await workbook.storedSettings(options.language);
  const storedNotes: string[] = [];
  if (stored.kind === "stored") {
    const merged = withStoredSettings(options, stored.stored, tables);
    options = merged.options;
    storedNotes.push(...merged.notes);
  } else if (stored.kind === "refused") io.err(`spec-scorecard: ${T.note}: ${stored.message}`);
  const language = options.language;
  T = CLI_TEXT[language];
  const computed = await computeScorecard(
    workbook,
    {
      tables,
      override: options.mapping,
      settings: options.settings,
      language,
      reading: options.reading,
      surface: "cli",
    },
    () => undefined
  );
  if (!computed.ok) {
    if (guessMapping(tables, options.mapping).sales === undefined)
      return fail(T.noSales(tablesSeen(tables, language, T)));
    return fail(computed.error.message);
  }
  await workbook.verifyRead(); // every byte the figures rest on checked before they are shown
  const { card, mapping, check } = computed.value;
  const notes = [
    ...storedNotes.map((note) => `spec-scorecard: ${T.note}: ${note}`),
    ...runNotes(check, mapping, language),
  ];
  if (partial !== null) {
    const plan = buildScorecardPlan(card, mapping, language);
    try {
      await workbook.writeScorecard(
        options.values ? planAsValues(plan) : plan,
        () => undefined,
        undefined,
        {
          settings: storedSettingsOf(
            {
              override: options.mapping,
              settings: options.settings,
              language,
              reading: options.reading,
            },
            mapping
          ),
        }
      );
      partial.commit();
      const computedAtBuild = options.values ? null : snapshotSummary(plan, language);
      if (computedAtBuild !== null) notes.push(`spec-scorecard: ${T.note}: ${computedAtBuild}`);
    } catch (e) {
      partial.discard();
      if (!isSystemError(e)) throw e; // an unreadable part (exit 2), or a bug (exit 1)
      return fail(T.cannotWrite(options.out as string, e.message));
    }
  }
  return reportRun(io, options, card, check, notes);
}

/** The check, and what the mapping could not find, said once the run has succeeded: a failure stays one line. */
export function runNotes(check: DataCheck, mapping: TableMapping, language: Language): string[] {
  const T = CLI_TEXT[language];
  return [
    ...dataCheckLines(check, language, "cli").map((line) => `spec-scorecard: ${T.data}: ${line}`),
    ...mappingGaps(mapping, language).map((gap) => `spec-scorecard: ${T.note}: ${gap}`),
  ];
}

/** A run's report: the notes on stderr (unless --quiet), then the JSON (--json) or the summary (without --out). */
export function reportRun(
  io: Io,
  options: CliOptions,
  card: Scorecard,
  check: DataCheck,
  notes: readonly string[]
): number {
  // A note (not a failure) may run longer than an error's line, but stays one line.
  if (!options.quiet) for (const line of notes) io.err(errorLine(line, NOTE_LINE));
  const labels = LABELS[options.language];
  if (options.json)
    io.out(
      JSON.stringify({ ...scorecardJson(card, (r) => labels.reasons[r]), data: check }, null, 2)
    );
  else if (options.out === null) io.out(formatSummary(card, labels, options.language));
  return 0;
}
