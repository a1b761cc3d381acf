/** The revenue forecasts in words an analyst reads at a glance: which method leads, and how far each missed. */
import { serialToParts } from "../core/cells";
import { MONTHS } from "../engine/period";
import { FORECAST_METHODS, RevenueForecasts } from "../engine/revenueForecast";
import { Labels, Language } from "./labels";
import { percentNumberText } from "../core/numberText";

/** 0.0241 → "2.4%" ("2,4 %" in Spanish). */
export function percentText(x: number, language: Language): string {
  return percentNumberText(x, language, 1);
}

/** "Headline: Prior-year pace … missed their actual revenue by 2.4% on average (Run rate 5.4%; …)". */
export function forecastHeadline(f: RevenueForecasts, L: Labels, language: Language): string {
  const chosenError = f.methods[f.chosen].backtestError;
  if (chosenError === null) return L.forecasts.noBacktest;
  const others = FORECAST_METHODS.filter(
    (m) => m !== f.chosen && f.methods[m].backtestError !== null
  ).map((m) =>
    L.forecasts.other
      .replace("{method}", L.forecasts.methods[m])
      .replace("{error}", percentText(f.methods[m].backtestError as number, language))
  );
  return L.forecasts.headline
    .replace("{method}", L.forecasts.methods[f.chosen])
    .replace("{periods}", String(f.backtest.length))
    .replace("{error}", percentText(chosenError, language))
    .replace("{others}", others.join("; "));
}

/** A period's short name: 2024-07, Q3 2024 (T3 in Spanish), 2024. */
export function periodName(kind: keyof typeof MONTHS, start: number, language: Language): string {
  const { year, month } = serialToParts(start);
  if (kind === "year") return String(year);
  if (kind === "month") return `${year}-${String(month).padStart(2, "0")}`;
  return `${language === "es" ? "T" : "Q"}${Math.floor((month - 1) / 3) + 1} ${year}`;
}
