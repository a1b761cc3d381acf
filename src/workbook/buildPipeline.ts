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
} from "../engine/tableMapping";
import { Language } from "../plan/labels";
import { ScorecardPlan, buildScorecardPlan } from "../plan/scorecardPlan";
import { ProgressListener, WorkbookPort, throwIfCancelled } from "./workbookPort";
import { SheetCheck } from "./sheetCheck";
import { datesFrom1904 } from "./dateSystem";

export interface BuildRequest {
  readonly tables: readonly SourceTable[];
  readonly override: MappingOverride;
  readonly settings: ScorecardSettings;
  readonly language: Language;
  /** Write every cell as its computed value instead of live formulas. */
  readonly values?: boolean;
}

export interface ComputedScorecard {
  readonly card: Scorecard;
  readonly mapping: TableMapping;
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

/** Reads what the mapping uses and computes the scorecard and its sheet's plan. */
export async function computeScorecard(
  port: WorkbookPort,
  request: BuildRequest,
  onProgress: ProgressListener,
  signal?: AbortSignal
): Promise<Result<ComputedScorecard>> {
  const described = guessMapping(request.tables, request.override);
  if (described.sales === undefined)
    return valueError(
      "no sales table: map a table with customer, date and amount columns in step 1"
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
  const mapping = guessMapping(loaded, pinned);
  onProgress({ phase: "computing", done: 0, total: 1 });
  await new Promise((resolve) => setTimeout(resolve, 0)); // let a pane paint the progress first
  const data = readScorecardData(mapping);
  if (!data.ok) return valueError(`${data.error.message}; fix that cell and run again`);
  const card = buildScorecard(data.value, request.settings);
  if (!card.ok) return card;
  onProgress({ phase: "computing", done: 1, total: 1 });
  return ok({ card: card.value, mapping });
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
  const sheetName = await port.writeScorecard(plan, onProgress, signal, { values });
  const check =
    values || port.checkScorecard === undefined ? null : await port.checkScorecard(sheetName, plan);
  return ok({
    card: computed.value.card,
    sheetName,
    mapping: computed.value.mapping,
    snapshots: plan.snapshots,
    plan,
    check,
  });
}
