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

const SCIENTIFIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$/;
const NONE: NumberReadings = { point: NaN, comma: NaN };

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 160 || c === 10 || c === 13;

/**
 * Whether text[a, b) reads as a number with `decimal` as its decimal separator and `group` as
 * its thousands separator: digits, groups of three after a first of one to three, one decimal
 * separator followed by digits (`.5` allowed, `5.` not).
 */
function readsWith(text: string, a: number, b: number, group: number, decimal: number): boolean {
  let dec = -1;
  for (let i = a; i < b; i++) {
    if (text.charCodeAt(i) !== decimal) continue;
    if (dec >= 0) return false;
    dec = i;
  }
  const end = dec < 0 ? b : dec;
  if (dec >= 0 && dec === b - 1) return false;
  for (let i = end + 1; i < b; i++) if (text.charCodeAt(i) === group) return false;
  let last = -1;
  for (let i = a; i < end; i++) {
    if (text.charCodeAt(i) !== group) continue;
    if (last < 0 ? i - a < 1 || i - a > 3 : i - last !== 4) return false;
    last = i;
  }
  if (last >= 0) return end - last === 4;
  return end > a || dec >= 0;
}

/** Both readings of a text (spaces around it allowed; nothing else, no currency, no %). */
export function numberReadings(text: string): NumberReadings {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (a === b) return NONE;
  let sign = 1;
  const first = text.charCodeAt(a);
  if (first === 43 || first === 45) {
    sign = first === 45 ? -1 : 1;
    a++;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
  }
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 44 || c === 46) continue;
    if (c !== 101 && c !== 69) return NONE;
    const t = text.trim();
    return SCIENTIFIC.test(t) ? { point: Number(t), comma: NaN } : NONE;
  }
  if (a === b) return NONE;
  const body = text.slice(a, b);
  const point = readsWith(text, a, b, 44, 46) ? sign * Number(body.replace(/,/g, "")) : NaN;
  const comma = readsWith(text, a, b, 46, 44)
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
