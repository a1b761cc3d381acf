/**
 * "Can we trust the customer model?" (SPEC.md §2.6, §3.3): MODEL_CHECK live on the holdout of the
 * days to as of (90, in an input cell the formula reads: edit it to check another span), its table
 * under the sheet's own headers, a sentence giving the total miss and a column chart of actual
 * against expected purchases per customer by repeat purchase days before the holdout. The sentence
 * and the customers-to-call block's warning read the table's `all` row, so they follow an edited
 * holdout. Past the 4 MB a custom function may be passed, the engine's table, computed at the build.
 */
import { numberText } from "../../core/numberText";
import { BAD_MISS, ModelCheck } from "../../core/modelCheck";
import { letName, textLiteral } from "../../engine/formulaText";
import { HOLDOUT_DAYS } from "../../engine/holdoutCheck";
import { ChartSpec } from "../chartSpec";
import { Labels, Language } from "../labels";
import { BlockBuilder, BlockWriter, snapshotNote, tooLarge } from "../planBlock";
import { CellResult } from "../planCells";
import { absolute } from "../references";

export interface ModelCheckAnchors {
  /** The `all` row: its customers, and their mean actual and expected purchases in the holdout. */
  readonly customers: string;
  readonly actual: string;
  readonly expected: string;
  /** The holdout's length in days. */
  readonly holdoutDays: string;
}

/** MODEL_CHECK's rows under its header: x = 0 … 6, 7+, all; its columns after the first. */
const ROWS = 9;
const COLUMNS = 5;
const CHART_ROWS = 16;

/** A text with {placeholders} as a formula: its words as text constants joined to the formulas given. */
export function wordsFormula(template: string, parts: Readonly<Record<string, string>>): string {
  return template
    .split(/(\{[a-z]+\})/)
    .filter((piece) => piece !== "")
    .map((piece) => {
      const name = /^\{([a-z]+)\}$/.exec(piece)?.[1];
      return name !== undefined && name in parts ? `(${parts[name]})` : textLiteral(piece);
    })
    .join("&");
}

/** The same text with the engine's values, as the formula shows them in the sheet's language. */
export const wordsText = (template: string, parts: Readonly<Record<string, string>>): string =>
  template.replace(/\{([a-z]+)\}/g, (m, name: string) => parts[name] ?? m);

export const modelCheckBlock: BlockBuilder = (ctx, at) => {
  const { card, words: L } = ctx;
  const h = card.modelCheck;
  const w = new BlockWriter(at.row);
  const r = { title: w.row, sentence: w.row + 1, holdout: w.row + 2, calibration: w.row + 3 };
  w.row += 4;
  w.put({ row: r.title, column: 1, value: L.modelCheck.title, style: "section" });
  const bytes = ctx.columnBytes.customer + ctx.columnBytes.date + ctx.columnBytes.amount;
  const atBuild = tooLarge(bytes);
  const P = at.anchors.parameters.cell;
  const holdoutDays = absolute(r.holdout, 2);
  w.put({ row: r.holdout, column: 1, value: L.modelCheck.holdoutDays, style: "label" });
  w.put({
    row: r.holdout,
    column: 2,
    value: HOLDOUT_DAYS,
    format: "count",
    style: atBuild ? "snapshot" : "input",
  });
  w.put({ row: r.calibration, column: 1, value: L.modelCheck.calibrationEnd, style: "label" });
  w.put({
    row: r.calibration,
    column: 2,
    formula: `${P.asOf}-${holdoutDays}`,
    result: h.calibrationEnd,
    format: "date",
    style: "body",
  });
  if (atBuild)
    w.put({
      row: w.row++,
      column: 1,
      value: snapshotNote(L, "arguments_too_large", bytes),
      style: "note",
    });
  const c = L.modelCheck.columns;
  [
    c.x,
    c.customers,
    c.actualPurchases,
    c.expectedPurchases,
    c.actualRevenue,
    c.expectedRevenue,
  ].forEach((header, j) => w.put({ row: w.row, column: j + 1, value: header, style: "header" }));
  const first = ++w.row;
  const results = tableResults(h.check);
  ["0", "1", "2", "3", "4", "5", "6", L.modelCheck.many, L.modelCheck.all].forEach((x, i) =>
    w.put({ row: first + i, column: 1, value: /^\d$/.test(x) ? Number(x) : x, style: "label" })
  );
  if (atBuild) {
    w.snapshots.push({ subject: "model_check", reason: "arguments_too_large" });
    results.forEach((row, i) =>
      row.forEach((value, j) =>
        w.put({ row: first + i, column: 2 + j, value, format: FORMATS[j], style: "snapshot" })
      )
    );
  } else {
    const m = letName("m");
    const { refs } = ctx;
    w.put({
      row: first,
      column: 2,
      formula: `LET(${m},SPEC.MODEL_CHECK(${refs.customer},${refs.date},${refs.amount},${P.asOf}-${holdoutDays},${P.asOf}),IF(ISNA(INDEX(${m},1,1)),"",INDEX(${m},SEQUENCE(${ROWS})+1,SEQUENCE(1,${COLUMNS})+1)))`,
      spill: { rows: ROWS, columns: COLUMNS, results, formats: FORMATS },
      format: FORMATS[0],
      style: "body",
    });
  }
  w.row = first + ROWS;
  const all = first + ROWS - 1;
  const anchors: ModelCheckAnchors = {
    customers: absolute(all, 2),
    actual: absolute(all, 3),
    expected: absolute(all, 4),
    holdoutDays,
  };
  w.put({
    row: r.sentence,
    column: 1,
    formula: sentenceFormula(L, anchors),
    result: modelCheckSentence(L, ctx.language, h.check),
    style: "note",
  });
  w.row++;
  w.chart(checkChart(L, first, w.row));
  return w.block({ anchors: { modelCheck: anchors } });
};

/** Customers are a count; purchases and revenue are means per customer. */
const FORMATS = ["count", "mean", "mean", "money", "money"] as const;

/** MODEL_CHECK's table without its header and first column, as the engine has it ("" for blanks). */
function tableResults(check: ModelCheck | null): CellResult[][] {
  const blank = (v: number): CellResult => (Number.isNaN(v) ? "" : v);
  if (check === null)
    return Array.from({ length: ROWS }, () => new Array<CellResult>(COLUMNS).fill(""));
  return check.rows.map((row) => [
    row.customers,
    blank(row.actualPurchases),
    blank(row.expectedPurchases),
    blank(row.actualRevenue),
    blank(row.expectedRevenue),
  ]);
}

/** LET names of the totals: §e expected purchases, §a actual ones (a whole number of days). */
const totals = (a: ModelCheckAnchors): string =>
  `${letName("e")},${a.customers}*${a.expected},${letName("a")},ROUND(${a.customers}*${a.actual},0),`;

/** True when the miss is beyond BAD_MISS of the actual purchases (given §e and §a). */
export const missedBadly = `ABS(${letName("e")}-${letName("a")})>${BAD_MISS}*${letName("a")}`;

/**
 * "The model expected 1,653 purchases in the last 90 days; customers made 1,882: it
 * under-forecast by 12%.", and the warning when the miss is beyond 25%; the reason when the
 * models cannot be fitted (MODEL_CHECK's #N/A, shown blank).
 */
function sentenceFormula(L: Labels, a: ModelCheckAnchors): string {
  const [e, actual] = [letName("e"), letName("a")];
  const W = L.modelCheck;
  const parts = {
    expected: `FIXED(${e},0)`,
    actual: `FIXED(${actual},0)`,
    days: a.holdoutDays,
    pct: `FIXED(ABS(${e}-${actual})/${actual}*100,0)`,
    direction: `IF(${e}<${actual},${textLiteral(W.under)},${textLiteral(W.over)})`,
  };
  const said = `IF(${actual}=0,${wordsFormula(W.sentenceNone, parts)},${wordsFormula(W.sentence, parts)})`;
  return `IF(${a.customers}="",${textLiteral(L.reasons.model_not_fitted)},LET(${totals(a)}${said}&IF(${missedBadly},${textLiteral(W.care)},"")))`;
}

/** The sentence with the engine's figures, in the sheet's language. */
export function modelCheckSentence(
  L: Labels,
  language: Language,
  check: ModelCheck | null
): string {
  if (check === null) return L.reasons.model_not_fitted;
  const W = L.modelCheck;
  const e = check.expectedPurchases;
  const a = check.actualPurchases;
  const parts = {
    expected: numberText(e, language),
    actual: numberText(a, language),
    days: String(check.horizonDays),
    pct: a === 0 ? "" : numberText((Math.abs(e - a) / a) * 100, language),
    direction: e < a ? W.under : W.over,
  };
  const said = wordsText(a === 0 ? W.sentenceNone : W.sentence, parts);
  return check.missedBadly ? `${said}${W.care}` : said;
}

/** Actual against expected purchases per customer, x = 0 … 7+ (the `all` row left out). */
function checkChart(L: Labels, first: number, row: number): ChartSpec {
  const rows = { firstRow: first, lastRow: first + ROWS - 2 };
  return {
    id: "model_check",
    kind: "column",
    title: L.modelCheck.chartTitle,
    categories: { ...rows, firstColumn: 1, lastColumn: 1 },
    series: [
      { name: L.modelCheck.actual, values: { ...rows, firstColumn: 3, lastColumn: 3 } },
      { name: L.modelCheck.expected, values: { ...rows, firstColumn: 4, lastColumn: 4 } },
    ],
    anchor: { row, column: 1, columns: 6, rows: CHART_ROWS },
    valueFormat: "0.0",
  };
}

/** The customers-to-call block's warning, live from the check's `all` row: blank when the miss is within 25%. */
export function readWithCareFormula(L: Labels, a: ModelCheckAnchors): string {
  const text = wordsFormula(L.toCall.readWithCare, { days: a.holdoutDays });
  return `IF(${a.customers}="","",LET(${totals(a)}IF(${missedBadly},${text},"")))`;
}

export function readWithCareText(L: Labels, check: ModelCheck | null, careful: boolean): string {
  return careful && check !== null
    ? wordsText(L.toCall.readWithCare, { days: String(check.horizonDays) })
    : "";
}
