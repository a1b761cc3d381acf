/**
 * Reads a worksheet part's cells straight from its inflated bytes, chunk by chunk: no DOM, no
 * string per tag, one object per sheet. A cell is handed to the sink only when its column is
 * wanted; values are parsed only then. Handles what Excel, LibreOffice, openpyxl, Google Sheets
 * and the Open XML SDK write: optional row and cell references, namespace prefixes, shared
 * strings, inline strings (rich runs too, phonetic runs left out), formula results, booleans,
 * errors, ISO dates (t="d"), and dates by number format in the 1904 date system; comments,
 * processing instructions and CDATA sections wherever XML allows them.
 *
 * What it cannot read right it refuses (a PartDefect naming the cell): bytes that are not UTF-8,
 * a DTD, references XML does not define, rows or cells out of order or outside Excel's grid, a
 * value that is not what its type says, a text over Excel's 32,767 characters.
 *
 * Linear in the bytes however they are chunked: an element cut by a chunk's end is read again
 * from its start only once at least as many bytes as it holds have arrived, so the bytes read
 * again never add up to more than the bytes received; `work` counts every byte looked at.
 */
import { isoDateTimeToSerial } from "./dates";
import { parseDecimal, utf8 } from "./bytes";
import { PartDefect, shortText } from "./unreadable";
import { Utf8Check } from "./utf8Check";
import {
  APOSTROPHE,
  Content,
  INCOMPLETE,
  LT,
  NOT_MARKUP,
  QUOTE,
  SLASH,
  attributeValue,
  isSpace,
  localIs,
  localStart,
  nameEndAt,
  readContent,
  skipMarkup,
  spellsAt,
  tagEndAt,
} from "./xmlBytes";
import { cellAddress, decodeRange } from "../core/cellReferences";

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

/** Excel's grid and its limit on a cell's text. */
export const EXCEL_ROWS = 1048576;
export const EXCEL_COLUMNS = 16384;
export const MAX_CELL_TEXT = 32767;
/** The longest element held while it streams in (a cell with its rich runs, a comment). */
export const MAX_ELEMENT_BYTES = 64 * 1024 * 1024;

const enum Type {
  Number = 1,
  Shared = 2,
  Formula = 3,
  Boolean = 4,
  Error = 5,
  Inline = 6,
  Date = 7,
}

const EMPTY = new Uint8Array(0);

export class SheetScanner {
  private carry: Uint8Array = EMPTY;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private finished = false;
  private readonly utf8 = new Utf8Check();
  private rowNumber = 0;
  private lastColumn = 0;
  /** The cell being read: its column (0 before its reference is known), format and type. */
  private column = 0;
  private style = 0;
  private type = 0;
  /** Its <v>: present, and its text, or (text null) the plain run [start, end) of its bytes. */
  private hasValue = false;
  private valueText: string | null = null;
  private valueStart = 0;
  private valueEnd = 0;
  /** Inside <sheetData>, not yet closed: a part that ends there is cut short. */
  private inSheetData = false;
  private readonly content = new Content();
  /** The sheet's <dimension ref>, when it has one inside Excel's grid. */
  dimension: string | null = null;
  /** Bytes looked at so far, every pass over bytes kept from an earlier chunk counted again. */
  work = 0;

  constructor(
    private readonly sink: CellSink,
    private readonly options: ScanOptions
  ) {}

  /** Takes a chunk; false once the sheet data is over or the sink stopped. */
  push(chunk: Uint8Array): boolean {
    if (this.finished) return false;
    if (!this.utf8.push(chunk)) throw new PartDefect("is not valid UTF-8 text");
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // Reading the kept bytes again costs no more than the bytes that came since.
    if (this.pendingBytes < this.carry.length) return true;
    return this.scanPending();
  }

  /** The part has ended: what is kept is read, and an element cut short is a defect. */
  end(): void {
    if (this.finished) return;
    if (!this.utf8.end())
      throw new PartDefect("is not valid UTF-8 text (it ends inside a character)");
    this.scanPending();
    if (this.finished) return;
    if (this.carry.length > 0)
      throw new PartDefect("ends inside an element: the part is cut short");
    if (this.inSheetData)
      throw new PartDefect("ends before its sheet data does: the part is cut short");
  }

  private scanPending(): boolean {
    let buf: Uint8Array;
    if (this.carry.length === 0 && this.pending.length === 1) buf = this.pending[0];
    else {
      buf = new Uint8Array(this.carry.length + this.pendingBytes);
      buf.set(this.carry, 0);
      let at = this.carry.length;
      for (const c of this.pending) {
        buf.set(c, at);
        at += c.length;
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.work += buf.length;
    const rest = this.scan(buf);
    if (rest < 0) {
      this.finished = true;
      this.carry = EMPTY;
      return false;
    }
    if (buf.length - rest > MAX_ELEMENT_BYTES)
      throw new PartDefect(
        `holds an element over ${MAX_ELEMENT_BYTES / 1048576} MiB long`,
        "a cell Excel writes is far shorter: open it in Excel and save it again"
      );
    this.carry = rest === buf.length ? EMPTY : buf.slice(rest);
    return true;
  }

  /** Scans whole elements; returns where an unfinished one starts (buf.length if none), or -1 at the end of the sheet data. */
  private scan(buf: Uint8Array): number {
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf(LT, pos);
      if (lt < 0) return buf.length;
      const markup = skipMarkup(buf, lt);
      if (markup === INCOMPLETE) return lt;
      if (markup !== NOT_MARKUP) {
        pos = markup;
        continue;
      }
      const closing = buf[lt + 1] === SLASH;
      const nameStart = closing ? lt + 2 : lt + 1;
      const nameEnd = nameEndAt(buf, nameStart);
      if (nameEnd < 0) return lt;
      if (closing) {
        const gt = tagEndAt(buf, nameEnd);
        if (gt < 0) return lt;
        if (localIs(buf, nameStart, nameEnd, "sheetData")) return -1;
        pos = gt + 1;
        continue;
      }
      const local = localStart(buf, nameStart, nameEnd);
      if (nameEnd - local === 1 && buf[local] === 99 /* c */) {
        const end = this.readCell(buf, nameEnd);
        if (end < 0) return lt;
        pos = end;
        continue;
      }
      const gt = tagEndAt(buf, nameEnd);
      if (gt < 0) return lt;
      if (nameEnd - local === 3 && spellsAt(buf, local, "row")) {
        if (!this.startRow(buf, nameEnd, gt)) return -1;
      } else if (nameEnd - local === 9 && spellsAt(buf, local, "sheetData")) {
        this.inSheetData = buf[gt - 1] !== SLASH;
      } else if (nameEnd - local === 9 && spellsAt(buf, local, "dimension")) {
        const at = attributeValue(buf, nameEnd, gt, "ref");
        const ref = at === null ? "" : ascii(buf, at[0], at[1]);
        const range = decodeRange(ref);
        if (range !== null && range.lastRow <= EXCEL_ROWS && range.lastColumn <= EXCEL_COLUMNS)
          this.dimension = ref;
      }
      pos = gt + 1;
    }
  }

  /** A <row>: its number (the next one when it has none), checked; false when the sink stops. */
  private startRow(buf: Uint8Array, from: number, gt: number): boolean {
    const at = attributeValue(buf, from, gt, "r");
    let r = this.rowNumber + 1;
    if (at !== null) {
      r = wholeNumber(buf, at[0], at[1]);
      if (r < 1 || r > EXCEL_ROWS)
        throw new PartDefect(
          `has a row numbered '${shortText(ascii(buf, at[0], at[1]), 20)}', outside Excel's rows 1 to ${EXCEL_ROWS.toLocaleString("en")}`
        );
      if (r <= this.rowNumber)
        throw new PartDefect(
          `has row ${r} after row ${this.rowNumber}: rows out of order or twice`
        );
    } else if (r > EXCEL_ROWS)
      throw new PartDefect(`has more rows than Excel's ${EXCEL_ROWS.toLocaleString("en")}`);
    this.rowNumber = r;
    this.lastColumn = 0;
    return this.sink.row(r);
  }

  /** Reads one <c> element whose name ends at `nameEnd`; returns the index after it, or -1 when it is not all here. */
  private readCell(buf: Uint8Array, nameEnd: number): number {
    const gt = tagEndAt(buf, nameEnd);
    if (gt < 0) return INCOMPLETE;
    this.column = 0;
    try {
      return this.readCellFrom(buf, nameEnd, gt);
    } catch (e) {
      // A defect inside a cell (a reference XML does not define, say) is named by that cell.
      if (!(e instanceof PartDefect) || e.cell !== undefined || this.column === 0) throw e;
      throw new PartDefect(e.message, e.advice, cellAddress(this.rowNumber, this.column));
    }
  }

  private readCellFrom(buf: Uint8Array, nameEnd: number, gt: number): number {
    this.cellHead(buf, nameEnd, gt);
    const column = this.column;
    // The row's last column moves on only once the whole cell is here (a cut one is read again).
    if (buf[gt - 1] === SLASH) {
      this.lastColumn = column;
      return gt + 1;
    }
    const wanted = column < this.options.columns.length && this.options.columns[column] === 1;
    // Children: <f> (skipped), <v>, <is> with <t> runs (phonetic <rPh> runs left out).
    this.hasValue = false;
    let inline: string | null = null;
    let inPhonetic = false;
    let formula = false;
    const content = this.content;
    let pos = gt + 1;
    for (;;) {
      const open = buf.indexOf(LT, pos);
      if (open < 0) return INCOMPLETE;
      const next = buf[open + 1];
      if (next === 33 || next === 63 || next === undefined) {
        const markup = skipMarkup(buf, open); // a comment, CDATA or a processing instruction
        if (markup === INCOMPLETE) return INCOMPLETE;
        pos = markup;
        continue;
      }
      const closing = next === SLASH;
      const nameStart = closing ? open + 2 : open + 1;
      const e = nameEndAt(buf, nameStart);
      if (e < 0) return INCOMPLETE;
      const end = tagEndAt(buf, e);
      if (end < 0) return INCOMPLETE;
      const local = localStart(buf, nameStart, e);
      const len = e - local;
      const c0 = buf[local];
      if (closing) {
        if (len === 1 && c0 === 99 /* </c> */) {
          this.lastColumn = column;
          if (!wanted) return end + 1;
          // A formula whose value was never stored: handed over as one, never as blank or 0.
          if (formula && this.type === Type.Number && !this.holdsValue())
            this.sink.cell(column, CellKind.Uncalculated, 0, "");
          else if (this.type === Type.Inline) {
            if (inline !== null) this.deliverText(CellKind.Text, inline);
          } else if (this.hasValue) this.deliver(buf);
          return end + 1;
        }
        if (len === 3 && spellsAt(buf, local, "rPh")) inPhonetic = false;
        pos = end + 1;
        continue;
      }
      const selfClosing = buf[end - 1] === SLASH;
      if (len === 1 && (c0 === 118 /* v */ || c0 === 116 /* t */ || c0 === 102) /* f */) {
        let after = end + 1;
        if (!selfClosing) {
          after = readContent(buf, end + 1, c0 === 118 ? "v" : c0 === 116 ? "t" : "f", content);
          if (after < 0) return INCOMPLETE;
        }
        if (c0 === 102) formula = true;
        else if (c0 === 118) {
          this.hasValue = true;
          const plainRun = !selfClosing && content.joined === null && !content.escaped;
          this.valueText = plainRun ? null : selfClosing || !wanted ? "" : content.text(buf);
          this.valueStart = content.start;
          this.valueEnd = content.end;
        } else if (c0 === 116 && !inPhonetic && wanted)
          inline = (inline ?? "") + (selfClosing ? "" : content.text(buf));
        pos = after;
        continue;
      }
      if (len === 3 && spellsAt(buf, local, "rPh")) inPhonetic = !selfClosing;
      else if ((len === 1 && c0 === 99) || (len === 3 && spellsAt(buf, local, "row")))
        throw new PartDefect("has an element inside another cell: the sheet is malformed");
      pos = end + 1;
    }
  }

  /** A cell's attributes: r (its reference, checked against the row and the grid), s and t. */
  private cellHead(buf: Uint8Array, from: number, gt: number): void {
    let column = 0;
    let style = 0;
    let type: number = Type.Number;
    let seen = 0;
    let i = from;
    while (i < gt) {
      const b = buf[i];
      if (b === 32 || b === 9 || b === 10 || b === 13 || b === SLASH) {
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
      const bit = name === 114 ? 1 : name === 115 ? 2 : name === 116 ? 4 : 0;
      if (bit === 0) continue;
      if ((seen & bit) !== 0)
        throw new PartDefect(`has a cell with two ${String.fromCharCode(name)} attributes`);
      seen |= bit;
      if (bit === 1) column = this.referencedColumn(buf, valueStart, valueEnd);
      else if (bit === 2) {
        style = wholeNumber(buf, valueStart, valueEnd);
        if (style < 0)
          throw new PartDefect(
            `has a cell whose format s is '${shortText(ascii(buf, valueStart, valueEnd), 20)}', not a number`
          );
      } else {
        type = typeOf(buf, valueStart, valueEnd);
        if (type === 0)
          throw new PartDefect(
            `has a cell of type '${shortText(ascii(buf, valueStart, valueEnd), 20)}', which Excel does not know`
          );
      }
    }
    if (this.rowNumber === 0) throw new PartDefect("has a cell outside any row");
    if (column === 0) column = this.lastColumn + 1;
    if (column > EXCEL_COLUMNS)
      throw new PartDefect(`has a cell past Excel's last column (XFD) in row ${this.rowNumber}`);
    if (column <= this.lastColumn)
      throw new PartDefect(
        `has cell ${cellAddress(this.rowNumber, column)} after ${cellAddress(this.rowNumber, this.lastColumn)}: cells out of order or twice`
      );
    this.column = column;
    this.style = style;
    this.type = type;
  }

  /** The column of a cell reference ("C7"), which must name the current row. */
  private referencedColumn(buf: Uint8Array, start: number, end: number): number {
    let k = start;
    let column = 0;
    for (; k < end && k - start < 3; k++) {
      const c = buf[k] | 0x20; // lower case
      if (c < 97 || c > 122) break;
      column = column * 26 + (c - 96);
    }
    const row = wholeNumber(buf, k, end);
    if (column === 0 || row !== this.rowNumber)
      throw new PartDefect(
        `has a cell referenced '${shortText(ascii(buf, start, end), 20)}' in row ${this.rowNumber}`
      );
    return column;
  }

  /** Whether the cell's <v> is there and holds more than white space. */
  private holdsValue(): boolean {
    if (!this.hasValue) return false;
    return this.valueText !== null ? this.valueText.trim() !== "" : this.valueEnd > this.valueStart;
  }

  /** The cell's <v> as its type says; a value that is not what the type says is a PartDefect. */
  private deliver(buf: Uint8Array): void {
    const sink = this.sink;
    const column = this.column;
    const raw = this.valueText;
    const start = this.valueStart;
    const end = this.valueEnd;
    switch (this.type) {
      case Type.Number: {
        if (raw !== null && raw.trim() === "") return; // no value: a formula never calculated
        let v = raw === null ? parseDecimal(buf, start, end) : Number(raw);
        if (v !== v && raw === null && utf8(buf, start, end).trim() === "") return;
        if (!Number.isFinite(v))
          throw new PartDefect(
            `holds '${shortText(raw ?? utf8(buf, start, end), 30)}' where a number should be`
          );
        const dates = this.options.dateStyles;
        const style = this.style;
        if (this.options.date1904 && style < dates.length && dates[style] === 1)
          v += DAYS_1904_TO_1900;
        sink.cell(column, CellKind.Number, v, "");
        return;
      }
      case Type.Shared: {
        const index = raw === null ? wholeNumber(buf, start, end) : wholeText(raw);
        if (index < 0)
          throw new PartDefect(
            `refers to shared string '${shortText((raw ?? utf8(buf, start, end)).trim(), 20)}', which is not an index`
          );
        sink.cell(column, CellKind.Shared, index, "");
        return;
      }
      case Type.Boolean: {
        const s = (raw ?? utf8(buf, start, end)).trim();
        const b = s === "1" || s === "true" ? 1 : s === "0" || s === "false" ? 0 : -1;
        if (b < 0)
          throw new PartDefect(`holds '${shortText(s, 20)}' where TRUE or FALSE should be`);
        sink.cell(column, CellKind.Boolean, b, "");
        return;
      }
      case Type.Date: {
        const t = raw ?? utf8(buf, start, end);
        const serial = isoDateTimeToSerial(t);
        if (serial === serial) sink.cell(column, CellKind.Number, serial, "");
        else this.deliverText(CellKind.Text, t);
        return;
      }
      default:
        this.deliverText(
          this.type === Type.Error ? CellKind.Error : CellKind.Text,
          raw ?? utf8(buf, start, end)
        );
    }
  }

  private deliverText(kind: CellKind, text: string): void {
    if (text.length > MAX_CELL_TEXT)
      throw new PartDefect(
        `holds ${text.length.toLocaleString("en")} characters, over Excel's limit of ${MAX_CELL_TEXT.toLocaleString("en")} for a cell`,
        "shorten that cell's text in Excel and save the file again"
      );
    this.sink.cell(this.column, kind, 0, text);
  }
}

/** A cell's type attribute (t) as a Type; 0 for one Excel does not know. */
function typeOf(buf: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 1) {
    switch (buf[start]) {
      case 110:
        return Type.Number; // n
      case 115:
        return Type.Shared; // s
      case 98:
        return Type.Boolean; // b
      case 101:
        return Type.Error; // e
      case 100:
        return Type.Date; // d
      default:
        return 0;
    }
  }
  if (length === 3 && spellsAt(buf, start, "str")) return Type.Formula;
  if (length === 9 && spellsAt(buf, start, "inlineStr")) return Type.Inline;
  return 0;
}

/** The whole number a text holds (spaces around allowed; digits only, at most 10), or -1. */
function wholeText(text: string): number {
  const t = text.trim();
  return /^\d{1,10}$/.test(t) ? Number(t) : -1;
}

/** The whole number written in [start, end) (digits only, at most 10), or -1. */
function wholeNumber(buf: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 10) return -1;
  let v = 0;
  for (let k = start; k < end; k++) {
    const b = buf[k];
    if (b < 48 || b > 57) return -1;
    v = v * 10 + (b - 48);
  }
  return v;
}

function ascii(buf: Uint8Array, start: number, end: number): string {
  return new TextDecoder().decode(buf.subarray(start, Math.min(end, start + 200)));
}
