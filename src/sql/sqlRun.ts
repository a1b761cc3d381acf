/**
 * `spec-scorecard` on a SQL source (SPEC.md §4): the same options, messages, exit status and
 * output as on a workbook — the tables found and mapped by §3.1's rules, the data check, the JSON
 * or the summary — with the work done by DuckDB or the database; `--out` writes a new workbook
 * whose Scorecard holds values.
 */
import { basename, extname } from "path";
import { Result } from "../core/result";
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
import {
  SqlSource,
  addressOf,
  engineReason,
  isDatabaseUrl,
  messageOf,
  openDatabase,
  openFiles,
} from "./sqlSources";
import { SqlTable } from "./sqlTables";
import { SQL_TEXT, SqlText } from "./sqlText";
import { typedColumnsProblem } from "./typedColumns";

/** The source as the sheet names it: a file's name, or a database's address without its password. */
const sourceLabel = (source: string): string =>
  isDatabaseUrl(source) ? addressOf(source) : basename(source);

/** SQLSTATE classes of errors the server or the machine causes, not the query: what to say. */
const SERVER_TROUBLE: [RegExp, (T: SqlText) => (why: string) => string][] = [
  [/^42501$/, (T) => T.noPrivilege], // insufficient privilege
  [/^(08|57)/, (T) => T.serverStopped], // connection exception; operator intervention (shutdown, cancel)
  [/^(53|58)/, (T) => T.outOfResources], // insufficient resources (disk full, out of memory); system error
];

/**
 * An engine's error the source or the machine caused, as one line with what to do: a damaged file,
 * a table the user may not read, a server gone, a disk full. Null for any other (a bug).
 */
async function troubleOf(e: unknown, source: SqlSource | null, T: SqlText): Promise<string | null> {
  const code = (e as { code?: unknown } | null)?.code;
  const why = engineReason(e);
  if (typeof code === "string") {
    const found = SERVER_TROUBLE.find(([pattern]) => pattern.test(code));
    if (found !== undefined) return found[1](T)(why);
  }
  if (/Connection terminated|ECONNRESET|EPIPE/.test(why)) return T.serverStopped(why);
  const damaged = source === null ? null : await source.damaged().catch(() => null);
  if (damaged !== null) return damaged;
  const message = messageOf(e);
  if (/^(Out of Memory Error|IO Error)/.test(message) || /No space left/i.test(message))
    return T.outOfResources(why);
  return null;
}

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
  const fail = (message: string): number => {
    io.err(errorLine(`spec-scorecard: ${message}`));
    return 2;
  };
  let opened: Result<SqlSource>;
  try {
    opened =
      engine === "postgres"
        ? await openDatabase(options.source, qualified, options.language)
        : await openFiles(options.source, options.language);
  } catch (e) {
    const trouble = await troubleOf(e, null, S);
    if (trouble === null) throw e;
    return fail(trouble);
  }
  if (!opened.ok) return fail(opened.error.message);
  try {
    return await runOn(opened.value, options, io, partial);
  } catch (e) {
    const trouble = await troubleOf(e, opened.value, S);
    if (trouble === null) throw e;
    partial?.discard();
    return fail(trouble);
  } finally {
    await opened.value.close(io.processEnds === true).catch(() => undefined);
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
  const tableOf = (name: string): SqlTable =>
    source.tables.find((t) => t.source.name === name) ?? source.tables[0];
  const typed = await typedColumnsProblem(c, mapping, tableOf, language);
  if (typed !== null) return fail(typed);
  const read = await readSqlData(
    c,
    {
      mapping,
      tableOf,
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
