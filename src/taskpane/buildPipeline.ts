/**
 * The Build step: read the mapped tables, compute the scorecard with the engine, describe the
 * sheet, write it. The same pipeline runs in the task pane and in the browser preview.
 */
import { Result, ok, valueError } from "../core/result";
import { buildScorecard, Scorecard, ScorecardSettings } from "../engine/scorecard";
import { readScorecardData } from "../engine/scorecardData";
import { SourceTable } from "../engine/sourceTable";
import { MappingOverride, ROLES, TableMapping, guessMapping } from "../engine/tableMapping";
import { Language } from "../plan/labels";
import { buildScorecardPlan } from "../plan/scorecardPlan";
import { ProgressListener, WorkbookPort, throwIfCancelled } from "./workbookPort";

export interface BuildRequest {
  readonly tables: readonly SourceTable[];
  readonly override: MappingOverride;
  readonly settings: ScorecardSettings;
  readonly language: Language;
}

export interface BuildOutcome {
  readonly card: Scorecard;
  readonly sheetName: string;
  readonly mapping: TableMapping;
}

/** The mapping with every role pinned to the table it chose, so reading data cannot change it. */
export function pinnedOverride(mapping: TableMapping, override: MappingOverride): MappingOverride {
  const pinned: MappingOverride = {};
  for (const role of ROLES) {
    const m = mapping[role];
    const columns = Object.fromEntries(Object.entries(m?.columns ?? {}).map(([c, j]) => [c, m?.table.headers[j as number] ?? null]));
    (pinned as Record<string, unknown>)[role] = m === undefined ? { table: null } : { table: m.table.name, columns: { ...columns, ...(override[role]?.columns ?? {}) } };
  }
  return pinned;
}

export async function buildInWorkbook(port: WorkbookPort, request: BuildRequest, onProgress: ProgressListener, signal?: AbortSignal): Promise<Result<BuildOutcome>> {
  const described = guessMapping(request.tables, request.override);
  if (described.sales === undefined) return valueError("no sales table: map a table with customer, date and amount columns in step 1");
  const pinned = pinnedOverride(described, request.override);
  const loaded: SourceTable[] = [];
  for (const role of ROLES) {
    const m = described[role];
    if (m === undefined) continue;
    throwIfCancelled(signal);
    loaded.push(await port.readTable(m.table, onProgress, signal));
  }
  const mapping = guessMapping(loaded, pinned);
  onProgress({ phase: "computing", done: 0, total: 1 });
  await new Promise((resolve) => setTimeout(resolve, 0)); // let the pane paint the progress first
  const data = readScorecardData(mapping);
  if (!data.ok) return data;
  const card = buildScorecard(data.value, request.settings);
  if (!card.ok) return card;
  throwIfCancelled(signal);
  const plan = buildScorecardPlan(card.value, mapping, request.language);
  onProgress({ phase: "computing", done: 1, total: 1 });
  const sheetName = await port.writeScorecard(plan, onProgress, signal);
  return ok({ card: card.value, sheetName, mapping });
}
