/**
 * `spec-scorecard` on a SQL source (SPEC.md §4): the same options, messages, exit status and
 * output as on a workbook — the tables found and mapped by §3.1's rules, the data check, the JSON
 * or the summary — with the work done by DuckDB or the database; `--out` writes a new workbook
 * whose Scorecard holds values.
 */
import { basename, extname } from "path";
import { guessMappingWithChoices } from "../engine/tableMapping";
import { CLI_TEXT } from "../cli/cliText";
import { CliOptions } from "../cli/options";
import { errorLine } from "../cli/errorLine";
import { PartialFile } from "../cli/partialFile";
import { Io, reportRun, runNotes, tablesSeen, unknownNames } from "../cli/runScorecard";
import { buildScorecardPlan } from "../plan/scorecardPlan";
import { FileWorkbook } from "../workbook/fileWorkbook";
import { readSqlData } from "./sqlData";
import { sqlScorecard } from "./sqlScorecard";
import { SqlSource, isDatabaseUrl, openDatabase, openFiles } from "./sqlSources";
import { SQL_TEXT } from "./sqlText";

/** The source as the sheet names it: a file's name, or a database's address without its password. */
const sourceLabel = (source: string): string =>
  isDatabaseUrl(source) ? source.replace(/:[^:@/]*@/, "@") : basename(source);

export async function runOnSql(
  engine: "duckdb" | "postgres",
  options: CliOptions,
  io: Io,
  partial: PartialFile | null
): Promise<number> {
  const S = SQL_TEXT[options.language];
  const qualified = Object.values(options.mapping)
    .map((m) => m?.table)
    .filter((t): t is string => typeof t === "string");
  const opened =
    engine === "postgres"
      ? await openDatabase(options.source, qualified, S)
      : await openFiles(options.source, S);
  if (!opened.ok) {
    io.err(errorLine(`spec-scorecard: ${opened.error.message}`));
    return 2;
  }
  try {
    return await runOn(opened.value, options, io, partial);
  } finally {
    await opened.value.close();
  }
}

async function runOn(
  source: SqlSource,
  options: CliOptions,
  io: Io,
  partial: PartialFile | null
): Promise<number> {
  const { language } = options;
  const T = CLI_TEXT[language];
  const fail = (message: string): number => {
    io.err(errorLine(`spec-scorecard: ${message}`));
    return 2;
  };
  if (options.out !== null && extname(options.out).toLowerCase() !== ".xlsx")
    return fail(SQL_TEXT[language].outEnding(options.out));
  const tables = source.tables.map((t) => t.source);
  const unknown = unknownNames(tables, options.mapping, T);
  if (unknown !== null) return fail(unknown);
  const guess = guessMappingWithChoices(tables, options.mapping);
  const mapping = guess.mapping;
  if (mapping.sales === undefined) return fail(T.noSales(tablesSeen(tables, language, T)));
  const c = source.connection;
  const read = await readSqlData(
    c,
    {
      mapping,
      tableOf: (name) => source.tables.find((t) => t.source.name === name) ?? source.tables[0],
      options: { ...options.reading, language },
      surface: "cli",
      choices: guess.choices,
    },
    language
  );
  if (read.check.problem !== null || read.data === null)
    return fail(read.check.problem?.message ?? T.noSales(tablesSeen(tables, language, T)));
  const card = await sqlScorecard(c, {
    data: read.data,
    settings: options.settings,
    sheet: partial !== null,
    leadSources: mapping.leads?.columns.source !== undefined,
  });
  if (!card.ok) return fail(card.error.message);
  if (partial !== null) {
    const valuesNote = SQL_TEXT[language].valuesNote(sourceLabel(options.source));
    const plan = buildScorecardPlan(card.value, mapping, language, { values: true, valuesNote });
    try {
      const workbook = FileWorkbook.ofCsv([], partial.open);
      await workbook.writeScorecard(plan, () => undefined, undefined, { values: true });
      partial.commit();
    } catch (e) {
      partial.discard();
      return fail(T.cannotWrite(options.out as string, e instanceof Error ? e.message : String(e)));
    }
  }
  return reportRun(io, options, card.value, read.check, runNotes(read.check, mapping, language));
}
