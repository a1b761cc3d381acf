/** The scorecard as text, for a terminal: what the command prints without --json or --out. */
import { serialToIso } from "../core/cells";
import { IndicatorFormat } from "../engine/indicatorDefinition";
import { FORECAST_METHODS } from "../engine/revenueForecast";
import { Scorecard } from "../engine/scorecard";
import { forecastHeadline, percentText } from "../plan/forecastWords";
import { Labels, Language } from "../plan/labels";
import { valueText } from "../core/numberText";

function show(value: number | null, format: IndicatorFormat, language: Language): string {
  return value === null ? "—" : valueText(value, format, language);
}

export function formatSummary(card: Scorecard, L: Labels, language: Language): string {
  const p = card.period;
  const lines = [
    `${L.title} — ${L.parameters.asOf} ${serialToIso(p.asOf)}, ${L.periodKinds[p.kind]} ${serialToIso(p.current.start)}..${serialToIso(p.full.end)}`,
    "",
    [
      L.columns.indicator.padEnd(52),
      L.columns.value.padStart(16),
      L.columns.previous.padStart(16),
      L.columns.forecast.padStart(24),
      "  " + L.columns.status,
    ].join(""),
  ];
  for (const r of card.indicators) {
    const status = r.status === null ? "" : L.statuses[r.status];
    const name = r.info.words[language];
    const value =
      r.value === null && r.reason !== null
        ? L.reasons[r.reason]
        : show(r.value, r.info.format, language);
    lines.push(
      [
        name.padEnd(52),
        value.padStart(16),
        show(r.previous, r.info.format, language).padStart(16),
        (r.info.flow ? show(r.forecast, r.info.format, language) : "").padStart(24),
        "  " + status,
      ].join("")
    );
  }
  const f = card.revenueForecasts;
  lines.push("", L.forecasts.title);
  for (const method of FORECAST_METHODS) {
    const m = f.methods[method];
    const error =
      m.backtestError === null
        ? ""
        : `${L.forecasts.backtestError} ${percentText(m.backtestError, language)}`;
    lines.push(
      `${method === f.chosen ? "✓ " : "  "}${L.forecasts.methods[method].padEnd(50)}${show(m.value, "money", language).padStart(16)}  ${error}`
    );
  }
  lines.push(forecastHeadline(f, L, language));
  const list = card.customersToCall;
  lines.push("", L.toCall.title);
  if (list.customers.length === 0) lines.push(L.toCall.none);
  else {
    lines.push(
      [
        L.toCall.customer.padEnd(24),
        L.toCall.lastPurchase.padStart(14),
        L.toCall.lapseDay.padStart(14),
        L.toCall.pAlive.padStart(26),
        L.toCall.expectedRevenue.padStart(28),
      ].join("")
    );
    for (const c of list.customers) {
      lines.push(
        [
          card.customerLabels[c.customer].padEnd(24),
          serialToIso(c.lastPurchase).padStart(14),
          serialToIso(c.lapseDay).padStart(14),
          (c.pAlive === null ? "—" : percentText(c.pAlive, language)).padStart(26),
          show(c.expectedRevenue, "money", language).padStart(28),
        ].join("")
      );
    }
  }
  if (list.reason !== null)
    lines.push(L.toCall.unranked.replace("{reason}", L.reasons[list.reason]));
  return lines.join("\n");
}
