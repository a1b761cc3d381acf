/**
 * 4 · Service (SPEC.md §3.3): activation, concentration, customers about to lapse and the revenue
 * the customer models expect. Live through the add-in's own functions, which the engine's totals
 * call the same core as.
 */
import { CUSTOMER_FORECAST_HEADER } from "../../core/sheetFunctions";
import { EmptyCaseError, blankOnlyOn } from "../expectedEmpty";
import { DataRefs, ParameterCells, letName, within } from "../formulaText";
import { ColumnBytes, IndicatorDefinition, indicator } from "../indicatorDefinition";
import { IndicatorValue, none, some } from "../indicatorValue";
import { concentrationSql, countWhere } from "../../sql/spanSql";
import {
  PARETO_PERCENT,
  RevenueConcentration,
  SpanTotals,
  TOP_SHARE_PERCENT,
} from "../indicatorTotals";

/** CUSTOMER_FORECAST's column of expected revenue, counted from 1. */
const EXPECTED_REVENUE_COLUMN = CUSTOMER_FORECAST_HEADER.indexOf("expected_revenue") + 1;

/** What a call over the sales table's customers, dates and amounts passes. */
const salesBytes = (b: ColumnBytes): number => b.customer + b.date + b.amount;

/**
 * SPEC.ACTIVATION_RATE at `asOf` with the sheet's definition, over `base` when given (else all
 * customers); blank only when there is no customer base (#DIV/0!, and `alsoBlank`), so a function
 * that is not loaded shows #NAME?.
 */
export function activationRateCall(
  r: DataRefs,
  p: ParameterCells,
  asOf: string,
  base: string | undefined,
  alsoBlank: readonly EmptyCaseError[] = []
): string {
  const baseArgument = base === undefined ? "" : `,${base}`;
  return blankOnlyOn(
    ["#DIV/0!", ...alsoBlank],
    `SPEC.ACTIVATION_RATE(${r.customer},${r.date},${r.amount},${asOf},${p.window},${p.minPurchases},${p.minAmount}${baseArgument})`
  );
}

export const ACTIVATION_RATE = indicator({
  id: "svc.activation_rate",
  stage: "service",
  format: "percent",
  better: "more",
  flow: false,
  headline: true,
  value: (t) =>
    t.customerBase === 0 ? none("no_customer_base") : some(t.activeCustomers / t.customerBase),
  sql: {
    customers: () => ({
      customerBase: countWhere("in_base = 1"),
      activeCustomers: countWhere("active = 1"),
    }),
  },
  live: {
    kind: "call",
    // The base is the Customers table's ids when mapped (SPEC.md §3.3).
    call: ({ refs, parameters }, s) =>
      activationRateCall(refs, parameters, s.end, refs.customerIds),
    argumentBytes: (b) => salesBytes(b) + b.customerIds,
  },
  words: { en: "Activation rate", es: "Tasa de activación" },
});

/** CONCENTRATION (SPEC.md §2.3) of the span's revenue by customer, by `measure`. */
function concentrationIndicator<const Id extends string>(
  id: Id,
  measure: "TOP_PCT" | "HHI" | "PARETO",
  n: number | null,
  figure: keyof RevenueConcentration,
  more: Pick<IndicatorDefinition, "better" | "format" | "headline" | "words">
): IndicatorDefinition<Id> {
  const argument = n === null ? `"${measure}"` : `"${measure}",${n}`;
  const value = (t: SpanTotals): IndicatorValue =>
    t.concentration === null ? none("no_revenue_in_period") : some(t.concentration[figure]);
  return indicator({
    id,
    stage: "service",
    flow: false,
    ...more,
    value,
    sql: { customers: (s) => ({ [figure]: concentrationSql(measure, n ?? 0, s.dialect) }) },
    live: {
      kind: "call",
      // Blank only when the span has no revenue (#DIV/0!).
      call: ({ refs: r }, s) =>
        blankOnlyOn(
          ["#DIV/0!"],
          `SPEC.CONCENTRATION(IF(${within(r, s.start, s.end)},${r.amount},0),${r.customer},${argument})`
        ),
      argumentBytes: (b) => b.customer + b.amount,
    },
  });
}

export const TOP20_SHARE = concentrationIndicator(
  "svc.top20_share",
  "TOP_PCT",
  TOP_SHARE_PERCENT,
  "topShare",
  {
    format: "percent",
    better: "less",
    headline: true,
    words: {
      en: "Revenue share of top 20% customers",
      es: "Participación del 20% de clientes principales",
    },
  }
);

export const HHI = concentrationIndicator("svc.hhi", "HHI", null, "hhi", {
  format: "index",
  better: "less",
  headline: false,
  words: { en: "Concentration index (HHI)", es: "Índice de concentración (HHI)" },
});

// More customers needed for 80% of sales means sales are less concentrated: more is better.
export const PARETO_CUSTOMERS = concentrationIndicator(
  "svc.pareto_customers",
  "PARETO",
  PARETO_PERCENT,
  "paretoCustomers",
  {
    format: "count",
    better: "more",
    headline: false,
    words: {
      en: "Customers making 80% of revenue",
      es: "Clientes que suman el 80% de las ventas",
    },
  }
);

export const LAPSING_CUSTOMERS = indicator({
  id: "svc.lapsing_customers",
  stage: "service",
  format: "count",
  better: "less",
  flow: false,
  headline: false,
  value: (t) => (t.customerBase === 0 ? none("no_customer_base") : some(t.lapsingCustomers)),
  sql: { customers: () => ({ lapsingCustomers: countWhere("lapsing = 1") }) },
  // Each customer's activity now and 30 days on: per customer, no formula keeps it live at this cost.
  live: { kind: "atBuild", reason: "per_customer" },
  words: {
    en: "Active customers lapsing within 30 days",
    es: "Clientes activos que dejan de estarlo en 30 días",
  },
});

export const EXPECTED_REVENUE = indicator({
  id: "svc.expected_revenue",
  stage: "service",
  format: "money",
  better: "more",
  flow: false,
  headline: false,
  value: (t) => t.expectedRevenue,
  // The models are fitted in the engine, on the summaries SQL sends (src/sql/sqlModels.ts).
  sql: null,
  live: {
    kind: "call",
    // Σ of CUSTOMER_FORECAST's expected_revenue column; blank when it holds no number (no spend
    // model) or the models cannot be fitted for too few customers (#N/A). COUNT skips errors, so the
    // sum's own error (#NAME?, #NUM!) is shown before COUNT is asked.
    call: ({ refs: r }, s) => {
      const f = letName("f");
      const sum = letName("s");
      // As of on the period's last day (a past period of the trend): nothing left to expect.
      return `IF(${s.end}>=${s.periodEnd},"",${blankOnlyOn(
        ["#N/A"],
        `IF(ISERROR(${sum}),${sum},IF(COUNT(${f})=0,"",${sum}))`,
        `${f},INDEX(SPEC.CUSTOMER_FORECAST(${r.customer},${r.date},${r.amount},${s.end},${s.periodEnd}-${s.end}),0,${EXPECTED_REVENUE_COLUMN}),${sum},SUM(${f}),`
      )})`;
    },
    argumentBytes: salesBytes,
  },
  words: {
    en: "Expected revenue to period end (model)",
    es: "Ventas esperadas al cierre (modelo)",
  },
});

export const SERVICE = [
  ACTIVATION_RATE,
  TOP20_SHARE,
  HHI,
  PARETO_CUSTOMERS,
  LAPSING_CUSTOMERS,
  EXPECTED_REVENUE,
] as const;
