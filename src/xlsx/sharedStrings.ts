/**
 * The shared string table (xl/sharedStrings.xml), indexed in one pass over its bytes and decoded
 * on demand: a table of a million invoice numbers costs nothing until a column that uses them is
 * read. Rich text runs are joined; phonetic runs (<rPh>) are left out, as Excel shows them.
 */
import { needsUnescape, utf8 } from "./bytes";
import { cellText } from "./xmlText";

export class SharedStrings {
  private readonly cache: (string | undefined)[];

  private constructor(
    private readonly bytes: Uint8Array,
    /** For a plain <si><t>…</t></si>: where its text starts and ends; -1 when decoded already. */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    rich: Map<number, string>
  ) {
    this.cache = new Array<string | undefined>(starts.length);
    for (const [i, s] of rich) this.cache[i] = s;
  }

  static readonly EMPTY = new SharedStrings(
    new Uint8Array(0),
    new Int32Array(0),
    new Int32Array(0),
    new Map()
  );

  get count(): number {
    return this.starts.length;
  }

  /** The i-th string; undefined when the table has no such entry. */
  get(i: number): string | undefined {
    const cached = this.cache[i];
    if (cached !== undefined || i < 0 || i >= this.starts.length) return cached;
    const start = this.starts[i];
    const end = this.ends[i];
    const raw = utf8(this.bytes, start, end);
    const text = needsUnescape(this.bytes, start, end) ? cellText(raw) : raw;
    this.cache[i] = text;
    return text;
  }

  static parse(bytes: Uint8Array): SharedStrings {
    let starts: Int32Array = new Int32Array(1024);
    let ends: Int32Array = new Int32Array(1024);
    const rich = new Map<number, string>();
    let count = 0;
    let pos = 0;
    for (;;) {
      const si = nextElement(bytes, pos, "si");
      if (si < 0) break;
      const siEnd = tagClose(bytes, si);
      if (count === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
      }
      if (bytes[siEnd - 1] === 47) {
        // <si/>: the empty string
        starts[count] = 0;
        ends[count] = 0;
        count++;
        pos = siEnd + 1;
        continue;
      }
      const close = closingTag(bytes, siEnd + 1, "si");
      const runs = textRuns(bytes, siEnd + 1, close);
      if (runs.length === 2) {
        starts[count] = runs[0];
        ends[count] = runs[1];
      } else {
        let text = "";
        for (let k = 0; k < runs.length; k += 2) {
          const raw = utf8(bytes, runs[k], runs[k + 1]);
          text += needsUnescape(bytes, runs[k], runs[k + 1]) ? cellText(raw) : raw;
        }
        rich.set(count, text);
        starts[count] = 0;
        ends[count] = 0;
      }
      count++;
      pos = close + 1;
    }
    return new SharedStrings(bytes, starts.subarray(0, count), ends.subarray(0, count), rich);
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Index of "<" of the next start tag whose local name is `local`, or -1. */
function nextElement(bytes: Uint8Array, from: number, local: string): number {
  for (let i = bytes.indexOf(60, from); i >= 0; i = bytes.indexOf(60, i + 1)) {
    if (bytes[i + 1] === 47 || bytes[i + 1] === 33 || bytes[i + 1] === 63) continue;
    if (localNameIs(bytes, i + 1, local)) return i;
  }
  return -1;
}

/** Index of "<" of the end tag `</…local>` after `from` (for <si>, nothing nests inside of its name). */
function closingTag(bytes: Uint8Array, from: number, local: string): number {
  for (let i = bytes.indexOf(60, from); i >= 0; i = bytes.indexOf(60, i + 1)) {
    if (bytes[i + 1] === 47 && localNameIs(bytes, i + 2, local)) return i;
  }
  return bytes.length;
}

/** The ">" of the tag whose "<" is at `lt`. */
function tagClose(bytes: Uint8Array, lt: number): number {
  const gt = bytes.indexOf(62, lt);
  return gt < 0 ? bytes.length - 1 : gt;
}

function localNameIs(bytes: Uint8Array, at: number, local: string): boolean {
  let start = at;
  let end = at;
  while (end < bytes.length) {
    const b = bytes[end];
    if (b === 58) start = end + 1;
    else if (b === 32 || b === 62 || b === 47 || b === 9 || b === 10 || b === 13) break;
    end++;
  }
  if (end - start !== local.length) return false;
  for (let k = 0; k < local.length; k++) if (bytes[start + k] !== local.charCodeAt(k)) return false;
  return true;
}

/** [start, end) of each <t> text inside [from, to), outside phonetic runs. */
function textRuns(bytes: Uint8Array, from: number, to: number): number[] {
  const runs: number[] = [];
  let phonetic = false;
  for (let i = bytes.indexOf(60, from); i >= 0 && i < to; i = bytes.indexOf(60, i + 1)) {
    const closing = bytes[i + 1] === 47;
    const nameAt = closing ? i + 2 : i + 1;
    if (localNameIs(bytes, nameAt, "rPh")) {
      phonetic = !closing && bytes[tagClose(bytes, i) - 1] !== 47;
      continue;
    }
    if (closing || phonetic || !localNameIs(bytes, nameAt, "t")) continue;
    const gt = tagClose(bytes, i);
    if (bytes[gt - 1] === 47) {
      runs.push(gt, gt); // <t/>
      continue;
    }
    const end = bytes.indexOf(60, gt + 1);
    runs.push(gt + 1, end);
    i = end - 1;
  }
  if (runs.length === 0) runs.push(from, from);
  return runs;
}
