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
import { mappingGaps } from "../engine/tableMapping";
import { LABELS } from "../plan/labels";
import { computeScorecard } from "../workbook/buildPipeline";
import { buildScorecardPlan, snapshotSummary } from "../plan/scorecardPlan";
import { tablesOfFolder } from "../workbook/csvSource";
import { FileWorkbook, OutputOpener } from "../workbook/fileWorkbook";
import { parseOptions } from "./options";
import { formatSummary } from "./summary";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

async function load(source: string, output: OutputOpener): Promise<Result<FileWorkbook>> {
  if (!existsSync(source))
    return valueError(`${source} does not exist: name an .xlsx workbook or a folder of .csv files`);
  if (statSync(source).isDirectory()) {
    const tables = tablesOfFolder(source);
    if (tables.length === 0)
      return valueError(`${source} has no .csv files: put one .csv per table in it`);
    return ok(FileWorkbook.ofCsv(tables, output));
  }
  if (extname(source).toLowerCase() === ".csv")
    return valueError(
      `${source} is one CSV file: name the folder that holds it, with one .csv per table`
    );
  return FileWorkbook.open(await openAsBlob(source), source, output);
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
  const fail = (message: string): number => {
    io.err(`spec-scorecard: ${message}`);
    return 2;
  };
  const parsed = parseOptions(argv);
  if (!parsed.ok) return fail(parsed.error.message);
  const options = parsed.value;
  const target = options.out === null ? null : resolve(options.out);
  if (target !== null && target === resolve(options.source))
    return fail(
      `--out ${options.out} is the source file: the source is never modified; choose another name`
    );
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
  const { card, mapping } = computed.value;
  // What the mapping could not find, once the input is known to be good: a failure stays one line.
  for (const gap of mappingGaps(mapping)) io.err(`spec-scorecard: note: ${gap}`);
  if (partial !== null) {
    const plan = buildScorecardPlan(card, mapping, options.language);
    try {
      await workbook.writeScorecard(plan, () => undefined);
      partial.commit();
      const computedAtBuild = snapshotSummary(plan, options.language);
      if (computedAtBuild !== null) io.err(`spec-scorecard: note: ${computedAtBuild}`);
    } catch (e) {
      partial.discard();
      return fail(`cannot write ${options.out} (${e instanceof Error ? e.message : String(e)})`);
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
