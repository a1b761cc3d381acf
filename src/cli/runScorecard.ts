/**
 * `spec-scorecard`: the task pane's pipeline on a saved workbook or a folder of CSVs. Returns the
 * exit status; writes nothing unless everything before succeeded, and the copy appears only
 * complete (a temporary file beside it, renamed at the end).
 */
import { createWriteStream, existsSync, openAsBlob, renameSync, statSync, unlinkSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { Writable } from "stream";
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
import { planAsValues } from "../plan/planValues";
import { tablesOfFolder } from "../workbook/csvSource";
import { FileWorkbook, OutputOpener } from "../workbook/fileWorkbook";
import { CLI_TEXT, CliText, closestFirst, packageRefusal } from "./cliText";
import { CliOptions, languageOfArgs, parseCommand } from "./options";
import { formatSummary } from "./summary";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

async function load(
  options: CliOptions,
  output: OutputOpener,
  T: CliText
): Promise<Result<FileWorkbook>> {
  const source = options.source;
  if (!existsSync(source)) return valueError(T.missing(source));
  if (statSync(source).isDirectory()) {
    const tables = tablesOfFolder(source, { ...options.reading, language: options.language });
    if (!tables.ok) return tables;
    if (tables.value.length === 0) return valueError(T.noCsv(source));
    return ok(FileWorkbook.ofCsv(tables.value, output));
  }
  if (extname(source).toLowerCase() === ".csv") return valueError(T.oneCsv(source));
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
function tablesSeen(tables: readonly SourceTable[], language: Language, T: CliText): string {
  if (tables.length === 0) return T.noTables;
  return tables
    .map((t) =>
      t.file !== undefined
        ? `${t.name} (${tableWhere(t, language)}: ${t.headers.join(", ")})`
        : `${t.name} (${t.headers.join(", ")})`
    )
    .join("; ");
}

/** The file a copy is written to first, beside its final name, so a failure leaves nothing behind. */
class PartialFile {
  readonly path: string;
  private opened = false;

  constructor(readonly target: string) {
    this.path = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  }

  readonly open: OutputOpener = async () => {
    this.opened = true;
    return { stream: Writable.toWeb(createWriteStream(this.path)) as WritableStream<Uint8Array> };
  };

  commit(): void {
    renameSync(this.path, this.target);
  }

  discard(): void {
    if (this.opened && existsSync(this.path)) unlinkSync(this.path);
  }
}

export async function runScorecard(argv: readonly string[], io: Io): Promise<number> {
  let T = CLI_TEXT[languageOfArgs(argv)];
  const fail = (message: string): number => {
    io.err(`spec-scorecard: ${message}`);
    return 2;
  };
  const parsed = parseCommand(argv);
  if (!parsed.ok) return fail(parsed.error.message);
  if (parsed.value.kind !== "run") {
    io.out(parsed.value.text);
    return 0;
  }
  const options = parsed.value.options;
  const language = options.language;
  T = CLI_TEXT[language];
  const target = options.out === null ? null : resolve(options.out);
  if (target !== null && target === resolve(options.source))
    return fail(T.outIsSource(options.out as string));
  const partial = target === null ? null : new PartialFile(target);
  const loaded = await load(options, partial?.open ?? (async () => ({})), T);
  if (!loaded.ok) return fail(loaded.error.message);
  const workbook = loaded.value;
  if (target !== null && extname(target).toLowerCase() !== workbook.extension)
    return fail(
      T.outEnding(options.out as string, workbook.extension, workbook.extension === ".xlsm")
    );
  const tables = await workbook.describeTables();
  const unknown = unknownNames(tables, options.mapping, T);
  if (unknown !== null) return fail(unknown);
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
  const { card, mapping, check } = computed.value;
  // The check, and what the mapping could not find, once the run has succeeded: a failure stays one line.
  const notes = [
    ...dataCheckLines(check, language, "cli").map((line) => `spec-scorecard: ${T.data}: ${line}`),
    ...mappingGaps(mapping, language).map((gap) => `spec-scorecard: ${T.note}: ${gap}`),
  ];
  if (partial !== null) {
    const plan = buildScorecardPlan(card, mapping, language);
    try {
      await workbook.writeScorecard(options.values ? planAsValues(plan) : plan, () => undefined);
      partial.commit();
      const computedAtBuild = options.values ? null : snapshotSummary(plan, language);
      if (computedAtBuild !== null) notes.push(`spec-scorecard: ${T.note}: ${computedAtBuild}`);
    } catch (e) {
      partial.discard();
      return fail(T.cannotWrite(options.out as string, e instanceof Error ? e.message : String(e)));
    }
  }
  if (!options.quiet) for (const line of notes) io.err(line);
  const labels = LABELS[language];
  if (options.json)
    io.out(
      JSON.stringify({ ...scorecardJson(card, (r) => labels.reasons[r]), data: check }, null, 2)
    );
  else if (options.out === null) io.out(formatSummary(card, labels, language));
  return 0;
}
