/**
 * A CSV file's quotes checked to its end before DuckDB reads it, by the rules of the engine's own
 * CSV reading (workbook/csvText.ts's parseCsvRecords): a field is quoted only when a quote is its
 * first character; inside it a doubled quote is one quote; it ends at the next single quote. A
 * quote that never closes, or a quoted field spanning lines followed by text (its opening quote a
 * stray one that swallowed whole lines), is refused with the line it opened on: DuckDB would read
 * the rest of the file as one field. One pass in chunks, jumping from quote to quote.
 */
import { closeSync, openSync, readSync } from "fs";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Line breaks (LF, CRLF, a lone CR) of a file before byte `end`, plus one: the line `end` is on. */
function lineAt(path: string, end: number): number {
  const fd = openSync(path, "r");
  const buffer = Buffer.alloc(1 << 20);
  let line = 1;
  let previous = 0;
  try {
    for (let at = 0; at < end;) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        const b = buffer[i];
        if (b === LF || (previous === CR && b !== LF)) line++;
        previous = b;
      }
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return previous === CR ? line + 1 : line;
}

/** The line of a quote that opens a field never closed (or a stray one), or null when none does. */
export function openQuoteLine(path: string, separator: string): number | null {
  const sep = separator.charCodeAt(0);
  const fd = openSync(path, "r");
  const buffer = Buffer.alloc(1 << 20);
  // 0: outside a quoted field; 1: inside one; 2: inside, just after a quote (closing or doubled).
  let state = 0;
  let opened = -1;
  let spans = false;
  let last = LF; // the byte before the chunk: the file starts a field
  let base = 0;
  let bad = -1;
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      // A byte-order mark is no character of the first field.
      const bom = base === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
      let i = bom ? 3 : 0;
      let lf = -1; // the next line break at or after i (cached: a long line is searched once)
      let cr = -1;
      while (i < n && bad < 0) {
        if (state === 0) {
          const q = buffer.indexOf(QUOTE, i);
          if (q < 0 || q >= n) break;
          const before = q === (bom ? 3 : 0) ? last : buffer[q - 1];
          if (before === sep || before === LF || before === CR) {
            state = 1;
            opened = base + q;
            spans = false;
          }
          i = q + 1;
        } else if (state === 1) {
          const q = buffer.indexOf(QUOTE, i);
          const end = q < 0 || q >= n ? n : q;
          if (!spans) {
            if (lf >= 0 && lf < i) lf = buffer.indexOf(LF, i);
            if (lf === -1) lf = buffer.indexOf(LF, i);
            if (cr >= 0 && cr < i) cr = buffer.indexOf(CR, i);
            if (cr === -1) cr = buffer.indexOf(CR, i);
            spans = (lf >= 0 && lf < end) || (cr >= 0 && cr < end);
            if (lf < 0) lf = n; // none left in this chunk
            if (cr < 0) cr = n;
          }
          if (end === n) break;
          state = 2;
          i = q + 1;
        } else {
          const b = buffer[i];
          if (b === QUOTE) {
            state = 1;
            i++;
          } else {
            if (spans && b !== sep && b !== LF && b !== CR) bad = opened;
            state = 0;
          }
        }
      }
      if (bad >= 0) break;
      last = buffer[n - 1];
      base += n;
    }
  } finally {
    closeSync(fd);
  }
  if (bad < 0 && state === 1) bad = opened;
  return bad < 0 ? null : lineAt(path, bad);
}
