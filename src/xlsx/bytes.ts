/** Bytes of XML parts: UTF-8 text and numbers read straight from a buffer, without copies. */

const decoder = new TextDecoder();

/** UTF-8 bytes [start, end) as text; short ASCII runs skip the decoder. */
export function utf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (bytes[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii)
      return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** True when [start, end) holds `&` (an entity) or `_x` (an escape): the text needs unescaping. */
export function needsUnescape(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === 38 || (b === 95 && bytes[i + 1] === 120)) return true;
  }
  return false;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A decimal number written as ASCII in [start, end). Up to 15 significant digits and 22 decimals
 * (what Excel writes for most numbers) it is computed exactly as Number() would — an exact integer
 * divided by an exact power of ten is correctly rounded; anything else goes through Number().
 * NaN when it is not a number.
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let dot = false;
  for (; i < end; i++) {
    const b = bytes[i];
    if (b >= 48 && b <= 57) {
      mantissa = mantissa * 10 + (b - 48);
      digits++;
      if (dot) decimals++;
    } else if (b === 46 && !dot) dot = true;
    else break;
  }
  if (i === end && digits > 0 && digits <= 15 && decimals <= 22) {
    const v = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals];
    return negative ? -v : v;
  }
  const text = utf8(bytes, start, end).trim();
  return text === "" ? NaN : Number(text);
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** True when bytes [at, at + text.length) spell `text` (ASCII). */
export function spells(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}
