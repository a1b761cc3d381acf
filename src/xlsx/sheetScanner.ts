/**
 * Reads a worksheet part's cells straight from its inflated bytes, chunk by chunk: no DOM, no
 * string per tag, one object per sheet. A cell is handed to the sink only when its column is
 * wanted; values are parsed only then. Handles what Excel, LibreOffice, openpyxl, Google Sheets
 * and the Open XML SDK write: optional row and cell references, namespace prefixes, shared
 * strings, inline strings (rich runs too, phonetic runs left out), formula results, booleans,
 * errors, ISO dates (t="d"), and dates by number format in the 1904 date system.
 */
import { isoDateTimeToSerial } from "./dates";
import { needsUnescape, parseDecimal, utf8 } from "./bytes";
import { cellText } from "./xmlText";

/** What a cell holds, as handed to a sink. */
export const enum CellKind {
  Number = 1,
  Text = 2,
  Boolean = 3,
  Error = 4,
  /** A shared string: `number` is its index. */
  Shared = 5,
  /** A formula whose value was never stored (openpyxl, pandas): `text` is "". */
  Uncalculated = 6,
}

export interface CellSink {
  /** A row begins (1-based). Returning false stops the scan: the rest of the part is not read. */
  row(row: number): boolean;
  /** A cell of a wanted column that holds a value. `text` is "" unless kind is Text or Error. */
  cell(column: number, kind: CellKind, number: number, text: string): void;
}

export interface ScanOptions {
  /** 1 for each wanted column (1-based); a cell outside the array is not wanted. */
  readonly columns: Uint8Array;
  /** 1 for each cell format (xf index) that shows a date. */
  readonly dateStyles: Uint8Array;
  /** Dates are counted from 1904-01-01: date cells are moved to the 1900 system. */
  readonly date1904: boolean;
}

/** Days between the 1904 and the 1900 systems' day 0. */
export const DAYS_1904_TO_1900 = 1462;

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const COLON = 58;

function isSpace(b: number): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13;
}

/** The column number (A = 1) of a cell reference's letters, "AB12" → 28; 0 for none. */
function columnOfReference(buf: Uint8Array, start: number, end: number): number {
  let col = 0;
  for (let k = start; k < end; k++) {
    const c = buf[k];
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}
export class SheetScanner {
  private carry: Uint8Array | null = null;
  private rowNumber = 0;
  private nextColumn = 1;
  private finished = false;
  /** The sheet's <dimension ref>, when it has one. */
  dimension: string | null = null;
  /** Whether the cell being delivered holds a formula (<f>). */
  private hasFormula = false;

  constructor(
    private readonly sink: CellSink,
    private readonly options: ScanOptions
  ) {}

  /** Scans a chunk; false once the sheet data is over or the sink stopped. */
  push(chunk: Uint8Array): boolean {
    if (this.finished) return false;
    let buf = chunk;
    if (this.carry !== null) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry, 0);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    const n = buf.length;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf(LT, pos);
      if (lt < 0) return true;
      let p = lt + 1;
      if (p >= n) return this.keep(buf, lt);
      const first = buf[p];
      if (first === SLASH) {
        const gt = buf.indexOf(GT, p);
        if (gt < 0) return this.keep(buf, lt);
        if (localIs(buf, p + 1, gt, "sheetData")) {
          this.finished = true;
          return false;
        }
        pos = gt + 1;
        continue;
      }
      if (first === 33 || first === 63) {
        // a comment or a processing instruction: skip it whole
        const end =
          first === 33 && buf[p + 1] === 45 ? findSequence(buf, p, "-->") : buf.indexOf(GT, p);
        if (end < 0) return this.keep(buf, lt);
        pos = end + 1;
        continue;
      }
      let q = p;
      while (q < n && !isSpace(buf[q]) && buf[q] !== GT && buf[q] !== SLASH) q++;
      if (q >= n) return this.keep(buf, lt);
      let local = p;
      for (let k = p; k < q; k++) if (buf[k] === COLON) local = k + 1;
      const length = q - local;
      if (length === 1 && buf[local] === 99 /* c */) {
        const end = this.readCell(buf, lt, local, q);
        if (end < 0) return this.keep(buf, lt);
        pos = end;
        continue;
      }
      const gt = tagEndAt(buf, q);
      if (gt < 0) return this.keep(buf, lt);
      if (
        length === 3 &&
        buf[local] === 114 &&
        buf[local + 1] === 111 &&
        buf[local + 2] === 119 /* row */
      ) {
        const r = attributeNumber(buf, q, gt, 114);
        this.rowNumber = r > 0 ? r : this.rowNumber + 1;
        this.nextColumn = 1;
        if (!this.sink.row(this.rowNumber)) {
          this.finished = true;
          return false;
        }
      } else if (length === 9 && localIs(buf, local, q, "dimension")) {
        const at = attributeValue(buf, q, gt, "ref");
        if (at !== null) this.dimension = utf8(buf, at[0], at[1]);
      }
      pos = gt + 1;
    }
  }

  /** Keeps the unfinished tail for the next chunk. */
  private keep(buf: Uint8Array, from: number): boolean {
    this.carry = buf.slice(from);
    return true;
  }

  /** Reads one <c> element starting at `lt`; returns the index after it, or -1 when it is not all here. */
  private readCell(buf: Uint8Array, lt: number, local: number, nameEnd: number): number {
    const gt = tagEndAt(buf, nameEnd);
    if (gt < 0) return -1;
    const empty = buf[gt - 1] === SLASH;
    // Attributes: r (reference), s (format), t (type).
    let column = 0;
    let style = 0;
    let type = 0; // first byte of t: n, s, b, e, i(nlineStr), d; "str" is 's' + length 3
    let typeLength = 0;
    let i = nameEnd;
    while (i < gt) {
      const b = buf[i];
      if (isSpace(b)) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < gt && buf[i] !== 61 && !isSpace(buf[i])) i++;
      const nameLength = i - nameStart;
      while (i < gt && buf[i] !== QUOTE && buf[i] !== APOSTROPHE) i++;
      const quote = buf[i];
      const valueStart = i + 1;
      let valueEnd = valueStart;
      while (valueEnd < gt && buf[valueEnd] !== quote) valueEnd++;
      i = valueEnd + 1;
      if (nameLength !== 1) continue;
      const name = buf[nameStart];
      if (name === 114 /* r */) column = columnOfReference(buf, valueStart, valueEnd);
      else if (name === 115 /* s */) {
        let s = 0;
        for (let k = valueStart; k < valueEnd; k++) s = s * 10 + (buf[k] - 48);
        style = s;
      } else if (name === 116 /* t */) {
        type = buf[valueStart];
        typeLength = valueEnd - valueStart;
      }
    }
    if (column === 0) column = this.nextColumn;
    if (empty) {
      this.nextColumn = column + 1;
      return gt + 1;
    }

    const wanted = column < this.options.columns.length && this.options.columns[column] === 1;
    // Children: <f> (skipped), <v>, <is> with <t> runs (phonetic <rPh> runs left out).
    let valueStart = -1;
    let valueEnd = -1;
    let inline: string | null = null;
    let inPhonetic = false;
    let formula = false;
    let pos = gt + 1;
    for (;;) {
      const open = buf.indexOf(LT, pos);
      if (open < 0) return -1;
      const closing = buf[open + 1] === SLASH;
      let nameStart = closing ? open + 2 : open + 1;
      let e = nameStart;
      while (e < buf.length && !isSpace(buf[e]) && buf[e] !== GT && buf[e] !== SLASH) e++;
      if (e >= buf.length) return -1;
      for (let k = nameStart; k < e; k++) if (buf[k] === COLON) nameStart = k + 1;
      const len = e - nameStart;
      const end = tagEndAt(buf, e);
      if (end < 0) return -1;
      const c0 = buf[nameStart];
      if (closing) {
        if (len === 1 && c0 === 99 /* </c> */) {
          // Only a whole cell counts: one cut by the chunk's end is read again from its start.
          this.nextColumn = column + 1;
          this.hasFormula = formula;
          if (wanted)
            this.deliver(buf, column, style, type, typeLength, valueStart, valueEnd, inline);
          return end + 1;
        }
        if (len === 1 && c0 === 118 /* </v> */) valueEnd = open;
        else if (len === 3 && c0 === 114 && buf[nameStart + 1] === 80 /* </rPh> */)
          inPhonetic = false;
        pos = end + 1;
        continue;
      }
      const selfClosing = buf[end - 1] === SLASH;
      if (len === 1 && c0 === 102 /* <f>, or a shared formula's <f …/> */) formula = true;
      if (len === 1 && c0 === 118 /* <v> */) {
        valueStart = end + 1;
        valueEnd = selfClosing ? valueStart : -1;
      } else if (len === 1 && c0 === 116 /* <t> in <is> */) {
        if (!selfClosing) {
          const close = buf.indexOf(LT, end + 1);
          if (close < 0) return -1;
          if (!inPhonetic && wanted) inline = (inline ?? "") + textOf(buf, end + 1, close);
          pos = close;
          continue;
        }
        if (inline === null) inline = "";
      } else if (len === 1 && c0 === 102 /* <f> */ && !selfClosing) {
        const close = buf.indexOf(LT, end + 1); // formula text holds no "<"
        if (close < 0) return -1;
        pos = close;
        continue;
      } else if (len === 3 && c0 === 114 && buf[nameStart + 1] === 80 /* <rPh> */ && !selfClosing)
        inPhonetic = true;
      pos = end + 1;
    }
  }

  private deliver(
    buf: Uint8Array,
    column: number,
    style: number,
    type: number,
    typeLength: number,
    valueStart: number,
    valueEnd: number,
    inline: string | null
  ): void {
    const sink = this.sink;
    // A formula whose value was never stored: handed over as one, never as blank or 0.
    if (
      this.hasFormula &&
      (valueStart < 0 || ((type === 0 || type === 110) && valueEnd <= valueStart))
    ) {
      sink.cell(column, CellKind.Uncalculated, 0, "");
      return;
    }
    if (type === 105 /* inlineStr */) {
      if (inline !== null) sink.cell(column, CellKind.Text, 0, inline);
      return;
    }
    if (valueStart < 0 || valueEnd < valueStart) return; // no value: a formula never calculated, say
    if (type === 0 || type === 110 /* n */) {
      if (valueEnd === valueStart) return;
      let v = parseDecimal(buf, valueStart, valueEnd);
      if (v !== v) {
        sink.cell(column, CellKind.Text, 0, textOf(buf, valueStart, valueEnd));
        return;
      }
      if (
        this.options.date1904 &&
        style < this.options.dateStyles.length &&
        this.options.dateStyles[style] === 1
      )
        v += DAYS_1904_TO_1900;
      sink.cell(column, CellKind.Number, v, "");
    } else if (type === 115 /* s or str */) {
      if (typeLength === 1) {
        const index = parseDecimal(buf, valueStart, valueEnd);
        if (index === index) sink.cell(column, CellKind.Shared, index, "");
      } else sink.cell(column, CellKind.Text, 0, textOf(buf, valueStart, valueEnd));
    } else if (type === 98 /* b */) {
      sink.cell(
        column,
        CellKind.Boolean,
        buf[valueStart] === 49 || buf[valueStart] === 116 ? 1 : 0,
        ""
      );
    } else if (type === 101 /* e */) {
      sink.cell(column, CellKind.Error, 0, textOf(buf, valueStart, valueEnd));
    } else if (type === 100 /* d */) {
      const text = textOf(buf, valueStart, valueEnd);
      const serial = isoDateTimeToSerial(text);
      if (serial === serial) sink.cell(column, CellKind.Number, serial, "");
      else sink.cell(column, CellKind.Text, 0, text);
    }
  }
}

function textOf(buf: Uint8Array, start: number, end: number): string {
  const raw = utf8(buf, start, end);
  return needsUnescape(buf, start, end) ? cellText(raw) : raw;
}

/** The ">" ending a tag whose name ends at `from`, skipping quoted values; -1 when not here. */
function tagEndAt(buf: Uint8Array, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const b = buf[i];
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === QUOTE || b === APOSTROPHE) quote = b;
    else if (b === GT) return i;
  }
  return -1;
}

/** True when the name in [start, end), prefix aside, is `local`. */
function localIs(buf: Uint8Array, start: number, end: number, local: string): boolean {
  let from = start;
  let stop = end;
  for (let k = start; k < end; k++) {
    if (buf[k] === COLON) from = k + 1;
    else if (isSpace(buf[k])) {
      stop = k;
      break;
    }
  }
  if (stop - from !== local.length) return false;
  for (let k = 0; k < local.length; k++) if (buf[from + k] !== local.charCodeAt(k)) return false;
  return true;
}

/** The value's [start, end) of a named attribute in a start tag, or null. */
function attributeValue(
  buf: Uint8Array,
  from: number,
  gt: number,
  name: string
): [number, number] | null {
  let i = from;
  while (i < gt) {
    while (i < gt && isSpace(buf[i])) i++;
    const nameStart = i;
    while (i < gt && buf[i] !== 61 && !isSpace(buf[i])) i++;
    const nameEnd = i;
    while (i < gt && buf[i] !== QUOTE && buf[i] !== APOSTROPHE) i++;
    if (i >= gt) return null;
    const quote = buf[i];
    const start = i + 1;
    let end = start;
    while (end < gt && buf[end] !== quote) end++;
    if (nameEnd - nameStart === name.length) {
      let same = true;
      for (let k = 0; k < name.length; k++)
        if (buf[nameStart + k] !== name.charCodeAt(k)) same = false;
      if (same) return [start, end];
    }
    i = end + 1;
  }
  return null;
}

/** A one-letter attribute's whole-number value (the row's r), or 0. */
function attributeNumber(buf: Uint8Array, from: number, gt: number, letter: number): number {
  const at = attributeValue(buf, from, gt, String.fromCharCode(letter));
  if (at === null) return 0;
  let v = 0;
  for (let k = at[0]; k < at[1]; k++) {
    const b = buf[k];
    if (b < 48 || b > 57) return 0;
    v = v * 10 + (b - 48);
  }
  return v;
}

function findSequence(buf: Uint8Array, from: number, text: string): number {
  const first = text.charCodeAt(0);
  for (let i = buf.indexOf(first, from); i >= 0; i = buf.indexOf(first, i + 1)) {
    let same = true;
    for (let k = 1; k < text.length; k++) if (buf[i + k] !== text.charCodeAt(k)) same = false;
    if (same) return i + text.length - 1;
  }
  return -1;
}
