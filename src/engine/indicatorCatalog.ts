/**
 * The indicators of SPEC.md §3.3, in the sheet's order: each one defined once, by stage, in
 * engine/stages/ (see engine/indicatorDefinition.ts for what a definition holds).
 */
import { IndicatorDefinition } from "./indicatorDefinition";
import { IndicatorValue } from "./indicatorValue";
import { INFORMATION } from "./stages/information";
import { MARKETING } from "./stages/marketing";
import { OVERVIEW } from "./stages/overview";
import { SALES } from "./stages/sales";
import { SERVICE } from "./stages/service";

export const INDICATORS = [
  ...OVERVIEW,
  ...INFORMATION,
  ...MARKETING,
  ...SALES,
  ...SERVICE,
] as const;

export type IndicatorId = (typeof INDICATORS)[number]["id"];

/** Ids are stable: the command line's JSON and --target use them. */
export const INDICATOR_IDS: readonly IndicatorId[] = INDICATORS.map((d) => d.id);

export type IndicatorValues = Record<IndicatorId, IndicatorValue>;

const BY_ID = new Map<string, IndicatorDefinition<IndicatorId>>(INDICATORS.map((d) => [d.id, d]));

/** The definition of an id; undefined for an id that names no indicator. */
export const indicatorById = (id: string): IndicatorDefinition<IndicatorId> | undefined =>
  BY_ID.get(id);
