/** The scorecard as text, for a terminal: what the command prints without --json or --out. */
import { serialToIso } from "../core/cells";
import { IndicatorFormat } from "../engine/indicatorCatalog";
import { Scorecard } from "../engine/scorecard";
import { Labels } from "../plan/labels";

function show(value: number | null, format: IndicatorFormat): string {
  if (value === null) return "—";
  switch (format) {
    case "money":
      return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case "percent":
      return `${(value * 100).toFixed(1)}%`;
    default:
      return Math.round(value).toLocaleString("en-US");
  }
}

export function formatSummary(card: Scorecard, L: Labels): string {
  const p = card.period;
  const lines = [
    `${L.title} — ${L.parameters.asOf} ${serialToIso(p.asOf)}, ${L.periodKinds[p.kind]} ${serialToIso(p.current.start)}..${serialToIso(p.full.end)}`,
    "",
    [L.columns.indicator.padEnd(52), L.columns.value.padStart(16), L.columns.previous.padStart(16), L.columns.forecast.padStart(24), "  " + L.columns.status].join(""),
  ];
  for (const r of card.indicators) {
    const status = r.status === null ? "" : L.statuses[r.status];
    const name = L.indicators[r.info.id];
    const value = r.value === null && r.reason !== null ? L.reasons[r.reason] : show(r.value, r.info.format);
    lines.push([name.padEnd(52), value.padStart(16), show(r.previous, r.info.format).padStart(16), (r.info.flow ? show(r.forecast, r.info.format) : "").padStart(24), "  " + status].join(""));
  }
  return lines.join("\n");
}
