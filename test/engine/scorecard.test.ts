/** Every indicator of SPEC.md §3.3 on the hand-worked fixture; figures worked out in the comments. */
import { isoDateToSerial } from "../../src/core/cells";
import { IndicatorId } from "../../src/engine/indicatorCatalog";
import {
  DEFAULT_SETTINGS,
  Scorecard,
  ScorecardSettings,
  buildScorecard,
} from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { guessMapping } from "../../src/engine/tableMapping";
import { SourceTable } from "../../src/engine/sourceTable";
import { AS_OF_ISO, CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";

const SETTINGS: ScorecardSettings = {
  ...DEFAULT_SETTINGS,
  asOf: isoDateToSerial(AS_OF_ISO),
  period: "month",
  targets: {
    revenue: 1800,
    "svc.top20_share": 0.35,
    "svc.activation_rate": 0.7,
    "info.customers_buying": 10,
  },
};

function card(tables: SourceTable[], settings: ScorecardSettings = SETTINGS): Scorecard {
  const data = readScorecardData(guessMapping(tables));
  if (!data.ok) throw new Error(data.error.message);
  const built = buildScorecard(data.value, settings);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

const full = card([SALES, CUSTOMERS, LEADS, MARKET]);
const get = (c: Scorecard, id: IndicatorId) =>
  c.indicators.find((i) => i.info.id === id) as Scorecard["indicators"][number];

test.each<[IndicatorId, number | null, number | null]>([
  // id, current value, previous value
  ["revenue", 1150, 780], // 300+50+450+250+120-20 ; 200+500+80
  ["margin", 225, 160], // 60+10+90+50+20-5 ; 50+100+10
  ["info.customers_buying", 4, 3], // A B C D ; A B E
  ["info.revenue_per_customer", 287.5, 260],
  ["info.penetration", 0.1, 0.08], // A B C D E bought in (2024-03-20, 2025-03-20], of 10+40 accounts ; A B E F in (2024-02-21, 2025-02-20]
  ["mkt.leads", 3, 1],
  ["mkt.lead_conversion", 2 / 3, 1], // Won, and Lost with customer C ; "won " trimmed
  ["sales.new_customers", 2, 1], // C first buys on the period's first day, D ; E
  ["sales.repeat_customers", 2, 2], // A B ; A B
  ["sales.repeat_rate", 0.5, 2 / 3], // of A B E F (bought 2024-03-01..2025-02-28) A B buy now ; of A B F (2024-02-01..2025-01-31) A B
  ["sales.upsell_customers", 1, 1], // A 350 > 200 ; B 500 > 400
  ["sales.upsell_revenue", 150, 100],
  ["sales.cross_sell_customers", 1, 0], // A buys line Y, new to it; B's "x" is line X
  ["svc.activation_rate", 5 / 7, 3 / 7], // A B C D(120-20 ≥ 0) E of the 7 listed ; in (2024-11-22, 2025-02-20]: A B E
  ["svc.top20_share", 450 / 1150, 500 / 780],
  [
    "svc.hhi",
    (10000 * (450 ** 2 + 350 ** 2 + 250 ** 2 + 100 ** 2)) / 1150 ** 2,
    (10000 * (500 ** 2 + 200 ** 2 + 80 ** 2)) / 780 ** 2,
  ],
  ["svc.pareto_customers", 3, 2], // 450+350 < 920 ≤ +250 ; 500+200 ≥ 624
  // Active at as of with a 90-day window, all still active 30 days on with no more purchases:
  // A B C D E bought after 2025-01-19 ; A B E (as of 02-20) bought after 2024-12-22.
  ["svc.lapsing_customers", 0, 0],
  ["svc.expected_revenue", null, null], // 7 customers: too few for the customer models
])("%s", (id, value, previous) => {
  const r = get(full, id);
  if (value === null) expect(r.value).toBeNull();
  else expect(r.value).toBeCloseTo(value, 9);
  if (previous === null) expect(r.previous).toBeNull();
  else expect(r.previous).toBeCloseTo(previous, 9);
});

test("forecasts run rate to the period end for flows only, never for distinct-customer counts or ratios", () => {
  // March has 31 days, 20 elapsed.
  expect(get(full, "revenue").forecast).toBeCloseTo((1150 * 31) / 20, 9);
  expect(get(full, "margin").forecast).toBeCloseTo((225 * 31) / 20, 9);
  expect(get(full, "mkt.leads").forecast).toBeCloseTo((3 * 31) / 20, 9);
  expect(get(full, "sales.new_customers").forecast).toBeCloseTo((2 * 31) / 20, 9);
  for (const id of [
    "info.customers_buying",
    "info.revenue_per_customer",
    "sales.repeat_customers",
    "sales.upsell_customers",
    "sales.cross_sell_customers",
    "sales.repeat_rate",
  ] as const)
    expect([id, get(full, id).forecast]).toEqual([id, null]);
  expect(get(full, "sales.upsell_revenue").forecast).toBeCloseTo((150 * 31) / 20, 9);
  expect(get(full, "svc.activation_rate").forecast).toBeNull();
  expect(get(full, "svc.pareto_customers").forecast).toBeNull();
});

test("change is value minus previous", () => {
  expect(get(full, "revenue").change).toBeCloseTo(370, 9);
  expect(get(full, "sales.cross_sell_customers").change).toBe(1);
});

test.each<[IndicatorId, string | null]>([
  ["revenue", "at_risk"], // forecast 1782.5 vs 1800: within 10%
  ["info.customers_buying", "off_track"], // 4 buying customers vs 10: a count is judged by its value
  ["svc.top20_share", "off_track"], // 0.391 vs 0.35, less is better: above 0.385
  ["svc.activation_rate", "on_track"], // 0.714 ≥ 0.7
  ["margin", null], // no target
])("status of %s is %s", (id, status) => {
  expect(get(full, id).status).toBe(status);
});

test("breakdowns: revenue and buying customers by segment, leads by source", () => {
  expect(full.bySegment).toEqual([
    { segment: "Retail", revenue: 600, customers: 2 },
    { segment: "Wholesale", revenue: 450, customers: 1 },
    { segment: null, revenue: 100, customers: 1 },
  ]);
  expect(full.byLeadSource).toEqual([
    { source: "Website", leads: 2, converted: 1 },
    { source: "Referral", leads: 1, converted: 1 },
  ]);
});

test("value tiers: 7 scored customers, A = top round(1.4) = 1, A+B = round(3.5) = 4", () => {
  expect(full.tiers.map((t) => [t.tier, t.customers, t.channel])).toEqual([
    ["A", 1, "key_account_manager"],
    ["B", 3, "inside_sales"],
    ["C", 3, "digital_self_service"],
  ]);
  const share = full.tiers.reduce((s, t) => s + (t.revenueShare ?? 0), 0);
  expect(share).toBeCloseTo(1, 9); // every buying customer is scored
  expect(full.value.attributes).toEqual([
    "volume",
    "frequency",
    "margin",
    "breadth",
    "tenure",
    "serviceCost",
    "creditDays",
    "daysLate",
  ]);
  // H never bought: its volume is 0, frequency 0, tenure blank.
  const h = full.value.customers.findIndex((c) => full.customerLabels[c] === "H");
  expect(full.value.tiers[h]).toBe("C");
});

test("without Leads, Market, Customers, margin or product line: those indicators are not available, with the reason", () => {
  const bare = card([{ ...SALES, headers: ["Customer", "Date", "Amount", "Notes", "Comment"] }]);
  const reasons = Object.fromEntries(
    bare.indicators.filter((i) => i.value === null).map((i) => [i.info.id, i.reason])
  );
  expect(reasons).toEqual({
    margin: "no_margin_column",
    "info.penetration": "no_market_table",
    "mkt.leads": "no_leads_table",
    "mkt.lead_conversion": "no_leads_table",
    "sales.cross_sell_customers": "no_product_line_column",
    "svc.expected_revenue": "model_not_fitted",
  });
  // Without a Customers table the activation base is every customer with a row by as of: A B C D E F.
  expect(get(bare, "svc.activation_rate").value).toBeCloseTo(5 / 6, 9);
  expect(bare.bySegment).toBeNull();
  expect(bare.byLeadSource).toBeNull();
});

test("as of defaults to the latest sales date", () => {
  const latest = card([SALES], { ...SETTINGS, asOf: null });
  expect(latest.period.asOf).toBe(isoDateToSerial("2025-03-25"));
  expect(latest.asOfGiven).toBe(false);
});

test("quarter period: a customer whose first purchase is the quarter's first day is new", () => {
  const q = card([SALES], { ...SETTINGS, period: "quarter", asOf: isoDateToSerial("2025-03-20") });
  // Q1 to 03-20: first purchases in 2025-01-01..03-20: B (01-10), C (03-01), D (03-15), E (02-15).
  expect(get(q, "sales.new_customers").value).toBe(4);
  expect(get(q, "sales.repeat_customers").value).toBe(1); // A
});

test("the activation definition is the one the function uses: 2 purchase days", () => {
  const strict = card([SALES, CUSTOMERS], {
    ...SETTINGS,
    activation: { windowDays: 90, minPurchases: 2, minAmount: 0 },
  });
  // A (02-05, 03-05, 03-18) and B (01-10, 02-10, 03-10) have 2+ days; D has one purchase day.
  expect(get(strict, "svc.activation_rate").value).toBeCloseTo(2 / 7, 9);
});

describe("customers about to lapse, with a 30-day activation window", () => {
  const lapsing = card([SALES, CUSTOMERS], {
    ...SETTINGS,
    activation: { windowDays: 30, minPurchases: 1, minAmount: 0 },
  });
  // Active at 03-20 (a purchase after 02-18): A B C D. By 04-19 the window holds no row up to as of.
  test("all four active customers lapse within 30 days; E was no longer active", () => {
    expect(get(lapsing, "svc.lapsing_customers").value).toBe(4);
  });

  test("customers to call: each one's last purchase and the day it stops counting as active, soonest first without a model", () => {
    const day = isoDateToSerial;
    expect(lapsing.customersToCall.reason).toBe("model_not_fitted");
    expect(
      lapsing.customersToCall.customers.map((c) => [
        lapsing.customerLabels[c.customer],
        c.lastPurchase,
        c.lapseDay,
        c.pAlive,
        c.expectedRevenue,
      ])
    ).toEqual([
      ["C", day("2025-03-01"), day("2025-03-31"), null, null], // one purchase, 30 days on
      ["B", day("2025-03-10"), day("2025-04-09"), null, null],
      // D bought 120 on 03-15 and returned 20 on 03-16: from 04-14 the window holds only the return.
      ["D", day("2025-03-15"), day("2025-04-14"), null, null],
      ["A", day("2025-03-18"), day("2025-04-17"), null, null],
    ]);
  });

  test("a minimum net amount of 110: D's 120 − 20 never made it active, so it cannot lapse", () => {
    const strict = card([SALES, CUSTOMERS], {
      ...SETTINGS,
      activation: { windowDays: 30, minPurchases: 1, minAmount: 110 },
    });
    expect(get(strict, "svc.lapsing_customers").value).toBe(3);
    // A's net falls to 50 once 03-05's 300 leaves the window, on 04-04: before B's 04-09.
    expect(
      strict.customersToCall.customers.map((c) => [strict.customerLabels[c.customer], c.lapseDay])
    ).toEqual([
      ["C", isoDateToSerial("2025-03-31")],
      ["A", isoDateToSerial("2025-04-04")],
      ["B", isoDateToSerial("2025-04-09")],
    ]);
  });
});

test("bad data names the sheet, the cell, the table and its column", () => {
  const broken = {
    ...SALES,
    columns: SALES.columns.map((c, j) => (j === 1 ? c.map((v, i) => (i === 4 ? "ayer" : v)) : c)),
  };
  const data = readScorecardData(guessMapping([broken]));
  expect(data.ok).toBe(false);
  if (!data.ok)
    expect(data.error.message).toBe(
      "cell B6 of sheet Sales (column Date of table Sales) is the text 'ayer', expected a date (customer B)"
    );
});
