/**
 * How ids and labels (segments, product lines, lead sources, statuses) are compared: exactly as
 * the Scorecard sheet's formulas compare them, so that the live sheet and the engine agree on
 * messy data. A text is cleaned as CLEAN(SUBSTITUTE(text, UNICHAR(160), " ")) then TRIM (control
 * characters dropped, no-break spaces made spaces, runs of spaces made one, none at the ends),
 * and compared as its LOWER. UNICHAR(160), not CHAR(160): CHAR follows the platform's code page,
 * and neither Mac Excel nor LibreOffice gives a no-break space for CHAR(160).
 */

// eslint-disable-next-line no-control-regex -- CLEAN removes exactly these characters
const CONTROL = /[\u0000-\u001f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS = /[\u0000-\u001f]/g;

/** The text as TRIM(CLEAN(SUBSTITUTE(text, UNICHAR(160), " "))) shows it. */
export function cleanText(text: string): string {
  let s = text;
  if (s.indexOf("\u00a0") >= 0) s = s.replace(/\u00a0/g, " ");
  if (CONTROL.test(s)) s = s.replace(CONTROLS, "");
  if (s.indexOf("  ") >= 0) s = s.replace(/ {2,}/g, " ");
  if (s.charCodeAt(0) === 32) s = s.slice(1);
  if (s.charCodeAt(s.length - 1) === 32) s = s.slice(0, -1);
  return s;
}

/** The comparison key: LOWER of the cleaned text. */
export function textKey(text: string): string {
  return cleanText(text).toLowerCase();
}

/** The formula that makes the same key of a column or cell, as Excel text. */
export function textKeyFormula(expression: string): string {
  return `LOWER(TRIM(CLEAN(SUBSTITUTE(${expression}&"",UNICHAR(160)," "))))`;
}

/**
 * The same key in SQL (src/sql), for DuckDB and PostgreSQL alike: no-break spaces made spaces,
 * control characters dropped, runs of spaces made one, then TRIM (spaces only, as Excel's) and
 * LOWER. `replaceAll` is the engine's regular-expression replace of every match.
 */
export function textKeySql(
  expression: string,
  replaceAll: (e: string, pattern: string, replacement: string) => string
): string {
  return keyOfCleanTextSql(cleanTextSql(expression, replaceAll));
}

/** The key of a text cleaned already (cleanTextSql's): its lower case. */
export const keyOfCleanTextSql = (clean: string): string => `LOWER(${clean})`;

/** TRIM(CLEAN(SUBSTITUTE(text, UNICHAR(160), " "))) in SQL: the text as shown, for labels. */
export function cleanTextSql(
  expression: string,
  replaceAll: (e: string, pattern: string, replacement: string) => string
): string {
  const noBreak = `REPLACE(${expression}, CHR(160), ' ')`;
  return `TRIM(${replaceAll(replaceAll(noBreak, "[\\x01-\\x1f]", ""), " {2,}", " ")})`;
}
