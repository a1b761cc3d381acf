/**
 * The scorecard's model check (SPEC.md §2.6, issue 20): the models fitted at as of − 90 days and
 * checked on the 90 days to as of, exactly what MODEL_CHECK spills on the same sales columns; the
 * `--json` key "model_check"; and the flag that tells to read the customers to call with care.
 */
import { isoDateToSerial, serialToIso } from "../../src/core/cells";
import { BAD_MISS } from "../../src/core/modelCheck";
import { MODEL_CHECK_HEADER, Table, modelCheckOfCells } from "../../src/core/sheetFunctions";
import { sampleSourceTables } from "../support/sampleSources";
import { HOLDOUT_DAYS } from "../../src/engine/holdoutCheck";
import {
  DEFAULT_SETTINGS,
  Scorecard,
  ScorecardSettings,
  buildScorecard,
  scorecardJson,
} from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { SourceTable } from "../../src/engine/sourceTable";
import { guessMapping } from "../../src/engine/tableMapping";
import { LABELS } from "../../src/plan/labels";
import { SALES } from "../fixtures/scorecardFixture";
import { readCdnow } from "../support/cdnow";
import { table } from "../support/tables";

function card(tables: SourceTable[], settings: ScorecardSettings = DEFAULT_SETTINGS): Scorecard {
  const data = readScorecardData(guessMapping(tables));
  if (!data.ok) throw new Error(data.error.message);
  const built = buildScorecard(data.value, settings);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

const json = (c: Scorecard): ReturnType<typeof scorecardJson> =>
  scorecardJson(c, (r) => LABELS.en.reasons[r]);

/** MODEL_CHECK on the sales table's columns, as the sheet calls it: calibration_end D − 90, holdout_end D. */
function modelCheckCell(sales: SourceTable, asOf: number): Table {
  const column = (name: string): unknown[][] =>
    sales.columns[sales.headers.indexOf(name)].map((v) => [v]);
  const t = modelCheckOfCells(
    column("Customer"),
    column("Date"),
    column("Amount"),
    asOf - HOLDOUT_DAYS,
    asOf
  );
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

/** The JSON's rows back as MODEL_CHECK's spilled table (null is a blank cell). */
const asTable = (rows: Record<string, number | string | null>[]): Table => [
  MODEL_CHECK_HEADER,
  ...rows.map((row) => MODEL_CHECK_HEADER.map((name) => row[name] ?? "")),
];

/**
 * A sales table of 40 customers buying on random days, each at its own rate, from a fixed seed;
 * from `from` on, each buys at `factor` times its rate (K1 keeps its rate and buys on the last day).
 */
function steadySales(until: string, from: string | null = null, factor = 1): SourceTable {
  let s = 12345;
  const rnd = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const rows: unknown[][] = [];
  const start = isoDateToSerial("2024-01-01");
  const end = isoDateToSerial(until);
  const change = from === null ? end + 1 : isoDateToSerial(from);
  for (let c = 1; c <= 40; c++) {
    const rate = 0.01 + 0.04 * rnd();
    const first = start + Math.floor(rnd() * 60);
    rows.push([`K${c}`, first, 100]);
    for (let d = first + 1; d <= end; d++) {
      const p = d >= change && c > 1 ? rate * factor : rate;
      if (rnd() < p) rows.push([`K${c}`, d, 50 + Math.round(100 * rnd())]);
    }
  }
  rows.push(["K1", end, 10]); // the last day is as of
  return table("Sales", ["Customer", "Date", "Amount"], rows);
}

describe("on the sample workbook", () => {
  const tables: SourceTable[] = sampleSourceTables();
  const c = card(tables);
  const D = c.period.asOf;

  test("the holdout is the 90 days to as of, and the table is MODEL_CHECK's on the sales columns, to the last digit", () => {
    expect([c.modelCheck.calibrationEnd, c.modelCheck.holdoutEnd]).toEqual([D - 90, D]);
    const j = json(c).model_check;
    expect([j.calibration_end, j.holdout_end, j.holdout_days]).toEqual([
      serialToIso(D - 90),
      serialToIso(D),
      90,
    ]);
    expect(asTable(j.rows)).toEqual(modelCheckCell(tables[0], D));
    expect(j.reason).toBeNull();
  });

  test("the sentence's figures: totals are the all row's means times its customers; the miss a fraction of the actual", () => {
    const j = json(c).model_check;
    const all = j.rows[8];
    expect(all.calibration_purchases).toBe("all");
    expect(j.actual_purchases).toBeCloseTo(
      (all.actual_purchases as number) * (all.customers as number),
      6
    );
    expect(j.expected_purchases).toBeCloseTo(
      (all.expected_purchases as number) * (all.customers as number),
      6
    );
    const actual = j.actual_purchases as number;
    const expected = j.expected_purchases as number;
    expect(j.miss).toBeCloseTo((expected - actual) / actual, 12);
    expect(j.read_with_care).toBe(Math.abs(expected - actual) > BAD_MISS * actual);
  });
});

describe("the CDNOW sample as a sales table, as of 1998-06-30", () => {
  const sample = readCdnow("CDNOW_sample.txt");
  const sales = table(
    "Sales",
    ["Customer", "Date", "Amount"],
    sample.ids.map(([id], i) => [id, sample.dates[i][0], sample.amounts[i][0]])
  );
  const c = card([sales]);

  test("calibration to 1998-04-01, the holdout its last 90 days: MODEL_CHECK's table", () => {
    expect(serialToIso(c.modelCheck.calibrationEnd)).toBe("1998-04-01");
    const j = json(c).model_check;
    expect(asTable(j.rows)).toEqual(modelCheckCell(sales, isoDateToSerial("1998-06-30")));
    expect(j.rows.map((r) => r.calibration_purchases)).toEqual([0, 1, 2, 3, 4, 5, 6, "7+", "all"]);
    // Purchase days in the holdout, counted from the file with awk: 491 by the 2,349 customers of the calibration.
    expect(j.actual_purchases).toBe(491);
  });
});

describe("read with care", () => {
  test("customers who keep buying: the model's expected purchases within 25% of the actual, no flag", () => {
    const c = card([steadySales("2025-12-31")]);
    const j = json(c).model_check;
    expect(j.reason).toBeNull();
    expect(Math.abs(j.miss as number)).toBeLessThan(BAD_MISS);
    expect(j.read_with_care).toBe(false);
    expect(c.modelCheck.readWithCare).toBe(false);
  });

  test("customers who all stop buying in the last 90 days: the model expected far more, flagged", () => {
    const c = card([steadySales("2025-12-31", "2025-10-03", 0)]);
    const j = json(c).model_check;
    expect(j.miss as number).toBeGreaterThan(BAD_MISS);
    expect(j.read_with_care).toBe(true);
  });

  test("customers who buy three times as often in the last 90 days: an under-forecast, flagged", () => {
    const c = card([steadySales("2025-12-31", "2025-10-03", 3)]);
    const j = json(c).model_check;
    expect(j.miss as number).toBeLessThan(-BAD_MISS);
    expect(j.read_with_care).toBe(true);
  });

  test("too few customers: no table, the reason, no flag", () => {
    const c = card([SALES], { ...DEFAULT_SETTINGS, asOf: isoDateToSerial("2025-03-20") });
    const j = json(c).model_check;
    expect(c.modelCheck.check).toBeNull();
    expect(j).toEqual({
      calibration_end: "2024-12-20",
      holdout_end: "2025-03-20",
      holdout_days: 90,
      rows: [],
      actual_purchases: null,
      expected_purchases: null,
      miss: null,
      read_with_care: false,
      reason: LABELS.en.reasons.model_not_fitted,
    });
  });
});
