/** Status against a target (SPEC.md §3.3): on track, at risk within 10% of it, off track. */
import { IndicatorDefinition } from "./indicatorDefinition";

export type Status = "on_track" | "at_risk" | "off_track";

/** The share of the target an indicator may miss by and still be at risk rather than off track. */
export const AT_RISK_MARGIN = 0.1;

/**
 * Compares the figure an analyst would judge by with the target: the forecast to period end for
 * flows (a quarter's target is for the whole quarter), the value otherwise.
 */
export function statusOf(
  info: IndicatorDefinition,
  value: number | null,
  forecast: number | null,
  target: number | null
): Status | null {
  if (target === null) return null;
  const basis = info.flow ? forecast : value;
  if (basis === null) return null;
  const slack = AT_RISK_MARGIN * Math.abs(target);
  if (info.better === "less") {
    if (basis <= target) return "on_track";
    return basis <= target + slack ? "at_risk" : "off_track";
  }
  if (basis >= target) return "on_track";
  return basis >= target - slack ? "at_risk" : "off_track";
}

/** Run rate to the period end: value × days in period ÷ elapsed days. */
export function forecastOf(
  info: IndicatorDefinition,
  value: number | null,
  daysInPeriod: number,
  elapsedDays: number
): number | null {
  if (!info.flow || value === null || elapsedDays <= 0) return null;
  return (value * daysInPeriod) / elapsedDays;
}
