/**
 * How big a custom function's arguments are when Excel hands them over: Excel on the web sends a
 * call's arguments as JSON in one request, and refuses a request over 5 MB. A cell whose call
 * would pass more holds the engine's value instead (computed at the build).
 */

/** The budget for one call's arguments: 5 MB less room for the request's own envelope. */
export const CUSTOM_FUNCTION_ARGUMENTS_LIMIT = 4_000_000;

/** Bytes of a list as a one-column range in JSON: [[v],[v],…]. */
export function listBytes(values: readonly unknown[]): number {
  let bytes = 2;
  for (const v of values) bytes += 4 + cellBytes(v);
  return bytes;
}

/** Bytes of a block of numbers (rows × columns, NaN blank) in JSON. */
export function blockBytes(values: Float64Array, columns: number): number {
  let bytes = 2;
  for (let i = 0; i < values.length; i++) bytes += 1 + cellBytes(values[i] === values[i] ? values[i] : null);
  return bytes + 2 * (values.length / Math.max(1, columns));
}

function cellBytes(v: unknown): number {
  if (v === null || v === undefined) return 2; // ""
  if (typeof v === "number") return String(v).length;
  if (typeof v === "boolean") return v ? 4 : 5;
  return JSON.stringify(String(v)).length;
}

export const megabytes = (bytes: number): string => (bytes / 1_000_000).toFixed(1);
