/**
 * Building a scorecard in a workbook: read the mapped columns, compute the scorecard with the
 * engine, describe the sheet, write it. The same pipeline runs in the task pane, the browser
 * preview and the command line.
 */
import { Result, ok, valueError } from "../core/result";
import { buildScorecard, Scorecard, ScorecardSettings } from "../engine/scorecard";
import { readScorecardData } from "../engine/scorecardData";
import { SourceTable } from "../engine/sourceTable";
import {
  MappingOverride,
  ROLES,
  RoleMapping,
  Role,
  TableMapping,
  guessMapping,
  guessMappingWithChoices,
} from "../engine/tableMapping";
import { DataCheck, checkData } from "../engine/dataCheck";
import { Surface } from "../engine/dataText";
import { DateOrder } from "../core/dateText";
import { DecimalMark } from "../core/numberText";
import { Language } from "../plan/labels";
import { ScorecardPlan, buildScorecardPlan } from "../plan/scorecardPlan";
import { ProgressListener, WorkbookPort, throwIfCancelled } from "./workbookPort";
import { SheetCheck } from "./sheetCheck";
import { datesFrom1904 } from "./dateSystem";
import { StoredSettings } from "./storedSettings";
import { storedSettingsOf } from "./storedMapping";

export interface BuildRequest {
  readonly tables: readonly SourceTable[];
  readonly override: MappingOverride;
  readonly settings: ScorecardSettings;
  readonly language: Language;
  /** Write every cell as its computed value instead of live formulas. */
  readonly values?: boolean;
  /** What settles a column's text: --decimal, --date-order, or the task pane's choices. */
  readonly reading?: { readonly decimal?: DecimalMark; readonly dateOrder?: DateOrder };
  /** Where messages are read (they name the command line's options or the pane's fields). */
  readonly surface?: Surface;
  /**
   * The data as the data check read them for this mapping and reading, while the workbook has not
   * changed since: the build reuses them instead of reading the tables again.
   */
  readonly checked?: CheckedWorkbook;
}

/** The data as read and checked: the mapping over the tables read, and the check. */
export interface CheckedWorkbook {
  readonly mapping: TableMapping;
  readonly check: DataCheck;
}

export interface ComputedScorecard {
  readonly card: Scorecard;
  readonly mapping: TableMapping;
  readonly check: DataCheck;
}

export interface BuildOutcome {
  readonly card: Scorecard;
  readonly sheetName: string;
  readonly mapping: TableMapping;
  /** What the sheet holds as values computed at this build rather than live formulas. */
  readonly snapshots: ScorecardPlan["snapshots"];
  /** The sheet as planned, for checking it again later. */
  readonly plan: ScorecardPlan;
  /** What reading the sheet back found (the task pane, live formulas); null where not read. */
  readonly check: SheetCheck | null;
  /** The data as read: rows, rows left out and why, formats found. */
  readonly dataCheck: DataCheck;
  /** What this build kept in the workbook for the next one. */
  readonly stored: StoredSettings;
  /** Why keeping them failed (the sheet is built all the same); null when kept. */
  readonly storeProblem: string | null;
}

/** The mapping with every role pinned to the table it chose, so reading data cannot change it. */
export function pinnedOverride(mapping: TableMapping, override: MappingOverride): MappingOverride {
  const pinned: MappingOverride = {};
  for (const role of ROLES) {
    const m = mapping[role];
    const columns = Object.fromEntries(
      Object.entries(m?.columns ?? {}).map(([c, j]) => [c, m?.table.headers[j as number] ?? null])
    );
    (pinned as Record<string, unknown>)[role] =
      m === undefined
        ? { table: null }
        : { table: m.table.name, columns: { ...columns, ...(override[role]?.columns ?? {}) } };
  }
  return pinned;
}

/** The columns of a table that the mapping uses, for every role it plays. */
function mappedColumns(mapping: TableMapping, table: SourceTable): number[] {
  const columns = new Set<number>();
  for (const role of ROLES) {
    const m = mapping[role] as RoleMapping<Role> | undefined;
    if (m === undefined || m.table !== table) continue;
    for (const j of Object.values(m.columns as Record<string, number | undefined>))
      if (j !== undefined) columns.add(j);
  }
  return [...columns].sort((a, b) => a - b);
}

/**
 * Reads what the mapping uses and checks it (SPEC.md §3.5): the mapping over the tables as read
 * (text converted, total rows left out) and the data check, whose `problem` is the first cell or
 * column that cannot be read, in one line that says what to fix. Fails only without a sales table.
 */
export async function checkWorkbookData(
  port: WorkbookPort,
  request: BuildRequest,
  onProgress: ProgressListener,
  signal?: AbortSignal
): Promise<Result<CheckedWorkbook>> {
  const guess = guessMappingWithChoices(request.tables, request.override);
  const described = guess.mapping;
  if (described.sales === undefined)
    return valueError(
      request.language === "es"
        ? "no hay tabla de ventas: asigne en el paso 1 una tabla con columnas de cliente, fecha e importe"
        : "no sales table: map a table with customer, date and amount columns in step 1"
    );
  const pinned = pinnedOverride(described, request.override);
  const date1904 = (await port.dateSystem?.()) === 1904;
  const loaded: SourceTable[] = [];
  for (const role of ROLES) {
    const m = described[role];
    if (m === undefined || loaded.some((t) => t.name === m.table.name && t.sheet === m.table.sheet))
      continue;
    throwIfCancelled(signal);
    const table = await port.readTable(
      m.table,
      mappedColumns(described, m.table),
      onProgress,
      signal
    );
    loaded.push(date1904 ? datesFrom1904(table, described) : table);
  }
  const checked = checkData({
    mapping: guessMapping(loaded, pinned),
    options: { ...request.reading, language: request.language },
    surface: request.surface ?? "pane",
    choices: guess.choices,
    hiddenSkipped: guess.hiddenSkipped,
  });
  return ok(checked);
}

/** The scorecard of data already read and checked (the pane's targets step shows it before the build). */
export function scorecardOf(
  checked: CheckedWorkbook,
  settings: ScorecardSettings
): Result<Scorecard> {
  if (checked.check.problem !== null) return valueError(checked.check.problem.message);
  const data = readScorecardData(checked.mapping);
  if (!data.ok) return valueError(`${data.error.message}; fix that cell and run again`);
  return buildScorecard(data.value, settings);
}

/** Reads and checks what the mapping uses (unless the request holds it read), and computes the scorecard. */
export async function computeScorecard(
  port: WorkbookPort,
  request: BuildRequest,
  onProgress: ProgressListener,
  signal?: AbortSignal
): Promise<Result<ComputedScorecard>> {
  const checked =
    request.checked !== undefined
      ? ok(request.checked)
      : await checkWorkbookData(port, request, onProgress, signal);
  if (!checked.ok) return checked;
  const { mapping, check } = checked.value;
  if (check.problem !== null) return valueError(check.problem.message);
  onProgress({ phase: "computing", done: 0, total: 1 });
  await new Promise((resolve) => setTimeout(resolve, 0)); // let a pane paint the progress first
  const card = scorecardOf(checked.value, request.settings);
  if (!card.ok) return card;
  onProgress({ phase: "computing", done: 1, total: 1 });
  return ok({ card: card.value, mapping, check });
}

/** Computes the scorecard and writes its sheet, replacing the one an earlier build made. */
export async function buildInWorkbook(
  port: WorkbookPort,
  request: BuildRequest,
  onProgress: ProgressListener,
  signal?: AbortSignal
): Promise<Result<BuildOutcome>> {
  const computed = await computeScorecard(port, request, onProgress, signal);
  if (!computed.ok) return computed;
  throwIfCancelled(signal);
  const plan = buildScorecardPlan(computed.value.card, computed.value.mapping, request.language);
  const values = request.values === true;
  const stored = storedSettingsOf(request, computed.value.mapping);
  const sheetName = await port.writeScorecard(plan, onProgress, signal, {
    values,
    settings: stored,
  });
  let storeProblem: string | null = null;
  if (port.storeSettings !== undefined)
    await port
      .storeSettings(stored)
      .catch((e: unknown) => (storeProblem = e instanceof Error ? e.message : String(e)));
  const check =
    values || port.checkScorecard === undefined ? null : await port.checkScorecard(sheetName, plan);
  return ok({
    card: computed.value.card,
    sheetName,
    mapping: computed.value.mapping,
    snapshots: plan.snapshots,
    plan,
    check,
    dataCheck: computed.value.check,
    stored,
    storeProblem,
  });
}
