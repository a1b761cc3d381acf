/**
 * How big a custom function's arguments are when Excel hands them over: Excel on the web sends a
 * call's arguments as JSON in one request, and refuses a request over 5 MB. A cell whose call
 * would pass more holds the engine's value instead (computed at the build).
 */

/** The budget for one call's arguments: 5 MB less room for the request's own envelope. */
export const CUSTOM_FUNCTION_ARGUMENTS_LIMIT = 4_000_000;

/** Bytes of a list as a one-column range in JSON, UTF-8: [[v],[v],…]. */
export function listBytes(values: readonly unknown[]): number {
  let bytes = values.length === 0 ? 2 : 1 + 3 * values.length;
  for (const v of values) bytes += cellBytes(v);
  return bytes;
}

/** Bytes of a block of numbers (rows × columns, NaN blank) in JSON, UTF-8. */
export function blockBytes(values: Float64Array, columns: number): number {
  const rows = Math.ceil(values.length / Math.max(1, columns));
  let bytes = rows === 0 ? 2 : 1 + 2 * rows + values.length;
  for (let i = 0; i < values.length; i++)
    bytes += cellBytes(values[i] === values[i] ? values[i] : null);
  return bytes;
}

function cellBytes(v: unknown): number {
  if (v === null || v === undefined) return 2; // ""
  if (typeof v === "number") return Number.isSafeInteger(v) ? integerDigits(v) : String(v).length;
  if (typeof v === "boolean") return v ? 4 : 5;
  return utf8Length(JSON.stringify(String(v)));
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Characters of a whole number in JSON (sign included), without making its string. */
function integerDigits(v: number): number {
  let n = v < 0 ? 2 : 1;
  for (let a = Math.abs(v); a >= 10; a = Math.floor(a / 10)) n++;
  return n;
}

export const megabytes = (bytes: number): string => (bytes / 1_000_000).toFixed(1);
