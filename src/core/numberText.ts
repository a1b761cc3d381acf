/**
 * Numbers written as text, with a decimal point (`1,234.56`) or a decimal comma (`1.234,56`),
 * with or without thousands separators (SPEC.md §3.5); and numbers shown to the analyst, one
 * convention per language: `1,234.56` and `9.5%` in English, `1.234,56` and `9,5 %` in Spanish.
 */

/** The decimal separator of a column: "." (decimal point) or "," (decimal comma). */
export type DecimalMark = "." | ",";

/** What a text reads as under each convention: NaN where that convention cannot read it. */
export interface NumberReadings {
  readonly point: number;
  readonly comma: number;
}

const SIGNED = /^([+-]?)\s*([0-9.,]+)$/;
const SCIENTIFIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$/;
const PLAIN_POINT = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const GROUPED_POINT = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN_COMMA = /^(?:\d+(?:,\d+)?|,\d+)$/;
const GROUPED_COMMA = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/** Both readings of a text (spaces around it allowed; nothing else, no currency, no %). */
export function numberReadings(text: string): NumberReadings {
  const t = text.trim();
  if (SCIENTIFIC.test(t)) return { point: Number(t), comma: NaN };
  const m = SIGNED.exec(t);
  if (m === null) return { point: NaN, comma: NaN };
  const sign = m[1] === "-" ? -1 : 1;
  const body = m[2];
  const point =
    PLAIN_POINT.test(body) || GROUPED_POINT.test(body)
      ? sign * Number(body.replace(/,/g, ""))
      : NaN;
  const comma =
    PLAIN_COMMA.test(body) || GROUPED_COMMA.test(body)
      ? sign * Number(body.replace(/\./g, "").replace(",", "."))
      : NaN;
  return { point, comma };
}

/** The reading under one convention. */
export const readingWith = (r: NumberReadings, mark: DecimalMark): number =>
  mark === "." ? r.point : r.comma;

/**
 * What a text says of its column's convention: only one reads it ("." or ","), both read it the
 * same ("either": 1234, 12), they read it differently ("ambiguous": 1.234, 1,234), or none does.
 */
export function decimalEvidence(r: NumberReadings): DecimalMark | "either" | "ambiguous" | null {
  const p = r.point === r.point;
  const c = r.comma === r.comma;
  if (p && c) return r.point === r.comma ? "either" : "ambiguous";
  return p ? "." : c ? "," : null;
}

/** The shortest text of a number as Excel writes a cell: 1001, 0.5, -2.25. */
export const plainNumberText = (n: number): string => String(n);

type Language = "en" | "es";

/** `en`: "1,234.56"; `es`: "1.234,56" — thousands always grouped (Intl's es leaves 4 digits ungrouped). */
export function numberText(
  value: number,
  language: Language,
  decimals = 0,
  minDecimals = decimals
): string {
  const en = value.toLocaleString("en-US", {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: decimals,
  });
  return language === "es" ? en.replace(/[.,]/g, (c) => (c === "," ? "." : ",")) : en;
}

/** A fraction as a percentage: 0.095 → `en` "9.5%", `es` "9,5 %". */
export function percentNumberText(fraction: number, language: Language, decimals = 1): string {
  const n = numberText(100 * fraction, language, decimals);
  return language === "es" ? `${n} %` : `${n}%`;
}

/** An indicator's value as the summary and the task pane show it: money with 2 decimals, percentages with 1, counts whole. */
export function valueText(value: number, format: string, language: Language): string {
  if (format === "money") return numberText(value, language, 2, 2);
  if (format === "percent") return percentNumberText(value, language, 1);
  return numberText(Math.round(value), language);
}
