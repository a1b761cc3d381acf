/**
 * The hand-worked distributor's Scorecard (test/fixtures/scorecardFixture.ts) as of 2025-03-20,
 * monthly: the mapping guessed from its four tables, the engine's scorecard and the sheet's plan.
 */
import { isoDateToSerial } from "../../src/core/cells";
import { DEFAULT_SETTINGS, Scorecard, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { TableMapping, guessMapping } from "../../src/engine/tableMapping";
import { Language } from "../../src/plan/labels";
import { ScorecardPlan, buildScorecardPlan } from "../../src/plan/scorecardPlan";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";

export function distributorPlan(language: Language = "en"): {
  mapping: TableMapping;
  card: Scorecard;
  plan: ScorecardPlan;
} {
  const mapping = guessMapping([SALES, CUSTOMERS, LEADS, MARKET]);
  const data = readScorecardData(mapping);
  if (!data.ok) throw new Error(data.error.message);
  const card = buildScorecard(data.value, {
    ...DEFAULT_SETTINGS,
    asOf: isoDateToSerial("2025-03-20"),
    period: "month",
  });
  if (!card.ok) throw new Error(card.error.message);
  return { mapping, card: card.value, plan: buildScorecardPlan(card.value, mapping, language) };
}
