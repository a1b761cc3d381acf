/**
 * Gives every distinct customer a dense code 0..count-1, so that per-customer figures live in
 * typed arrays. Ids are compared by their text key (textKey.ts: cleaned, trimmed as Excel's TRIM,
 * case-insensitively), exactly as the Scorecard sheet's formulas compare them; a number is its
 * shortest text, so 1001, 1001.0 and " 1001 " are one customer. 0 is blank (Excel desktop
 * hands an empty cell over as 0), and so is text "0".
 */
import { CellList, Matrix } from "./lists";
import { NumberCodes } from "./numberCodes";
import { cleanText } from "./textKey";

export const BLANK_CUSTOMER = -1;
export const UNREADABLE_CUSTOMER = -2;

export class CustomerIndex {
  private readonly byNumber = new NumberCodes();
  private readonly byText = new Map<string, number>();
  /** Raw strings seen before, so a repeated id is trimmed and lower-cased once. */
  private readonly byRawText = new Map<string, number>();
  /** Each customer's id as first seen: a number, or the text cleaned and trimmed. */
  private readonly firstSeen: (string | number)[] = [];

  get count(): number {
    return this.firstSeen.length;
  }

  /** The id as first seen, for display. */
  label(code: number): string {
    return String(this.firstSeen[code]);
  }

  /** The id as first seen: a number stays a number. */
  firstValue(code: number): string | number {
    return this.firstSeen[code];
  }

  /** The code of a cell, creating it when new; BLANK_CUSTOMER or UNREADABLE_CUSTOMER otherwise. */
  code(v: unknown): number {
    if (typeof v === "number") return this.codeOfNumber(v);
    if (typeof v === "string") {
      const seen = this.byRawText.get(v);
      if (seen !== undefined) return seen;
      const c = this.codeOfText(v);
      this.byRawText.set(v, c);
      return c;
    }
    if (v === null || v === undefined) return BLANK_CUSTOMER;
    return UNREADABLE_CUSTOMER;
  }

  /**
   * The codes of a whole list into `out`, in one pass; returns the first position whose cell
   * is not an id (a boolean, say), or -1.
   */
  codeAll(list: CellList, out: Int32Array): number {
    const flat = list.flat;
    const column = list.column as Matrix;
    const numbers = this.byNumber;
    const texts = this.byRawText;
    for (let i = 0; i < list.length; i++) {
      const v = flat !== null ? flat[i] : column[i][0];
      let c = -1;
      if (typeof v === "number") c = numbers.get(v);
      else if (typeof v === "string") c = texts.get(v) ?? -1;
      if (c < 0) {
        c = this.code(v); // new, blank or unreadable: the slow path
        if (c === UNREADABLE_CUSTOMER) return i;
      }
      out[i] = c;
    }
    return -1;
  }

  private codeOfNumber(v: number): number {
    if (v === 0) return BLANK_CUSTOMER;
    if (!Number.isFinite(v)) return UNREADABLE_CUSTOMER;
    let c = this.byNumber.get(v);
    if (c < 0) {
      c = this.firstSeen.length;
      this.firstSeen.push(v);
      this.byNumber.set(v, c);
    }
    return c;
  }

  private codeOfText(raw: string): number {
    const cleaned = cleanText(raw);
    if (cleaned === "") return BLANK_CUSTOMER;
    const key = cleaned.toLowerCase();
    // Text that is exactly a number's shortest form is that number's customer.
    if (mayBeNumber(key)) {
      const n = Number(key);
      if (String(n) === key) return this.codeOfNumber(n);
    }
    let c = this.byText.get(key);
    if (c === undefined) {
      c = this.firstSeen.length;
      this.firstSeen.push(cleaned);
      this.byText.set(key, c);
    }
    return c;
  }
}

/** A number's shortest text starts with a digit or a minus sign. */
function mayBeNumber(key: string): boolean {
  const first = key.charCodeAt(0);
  return (first >= 48 && first <= 57) || first === 45;
}
