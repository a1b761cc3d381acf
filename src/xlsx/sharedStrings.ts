/**
 * The shared string table (xl/sharedStrings.xml), indexed in one pass over its bytes and decoded
 * on demand: a table of a million invoice numbers costs nothing until a column that uses them is
 * read. Rich text runs are joined; phonetic runs (<rPh>) are left out, as Excel shows them;
 * comments, processing instructions and CDATA sections are read as XML reads them.
 *
 * Bounded whatever the part declares: its `count` is never used, the arrays grow with the strings
 * read, and the table may hold at most SHARED_STRING_LIMITS.count strings (its bytes are bounded
 * by the package layer, xlsxPackage.ts).
 */
import { PartDefect } from "./unreadable";
import { isUtf8 } from "./utf8Check";
import {
  Content,
  INCOMPLETE,
  LT,
  NOT_MARKUP,
  SLASH,
  localStart,
  nameEndAt,
  readContent,
  skipMarkup,
  spellsAt,
  tagEndAt,
} from "./xmlBytes";

export const SHARED_STRING_LIMITS = {
  /** Bytes of the part, inflated: a million rows of several unique texts fit in a fraction. */
  bytes: 256 * 1024 * 1024,
  count: 1 << 23,
} as const;

/** Excel's limit on a cell's text, and so on a shared string. */
const MAX_TEXT = 32767;

const CUT_SHORT = "ends inside an element: the part is cut short";

export class SharedStrings {
  private readonly cache: (string | undefined)[];

  private constructor(
    private readonly bytes: Uint8Array,
    /** For a string of one run: where its text starts and ends; 0, 0 when held in `joined`. */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    joined: Map<number, string>
  ) {
    this.cache = new Array<string | undefined>(starts.length);
    for (const [i, s] of joined) this.cache[i] = s;
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

  /**
   * The i-th string; undefined when the table has no such entry. A string over Excel's 32,767
   * characters, or with a reference XML does not define, is a PartDefect.
   */
  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.starts.length)) return undefined;
    let text = this.cache[i];
    if (text === undefined) {
      const content = new Content();
      content.start = this.starts[i];
      content.end = this.ends[i];
      content.escaped = true;
      text = content.text(this.bytes);
      this.cache[i] = text;
    }
    if (text.length > MAX_TEXT)
      throw new PartDefect(
        `uses shared string ${i}, of ${text.length.toLocaleString("en")} characters, over Excel's limit of ${MAX_TEXT.toLocaleString("en")} for a cell`,
        "shorten that cell's text in Excel and save the file again"
      );
    return text;
  }

  /** Indexes the part's bytes (already checked against the size limit). */
  static parse(bytes: Uint8Array): SharedStrings {
    if (!isUtf8(bytes)) throw new PartDefect("is not valid UTF-8 text");
    const index = new StringIndex();
    const content = new Content();
    const tag = new Tag();
    let pos = 0;
    while (tag.next(bytes, pos)) {
      const { closing, local, nameEnd, gt } = tag;
      if (closing || nameEnd - local !== 2 || !spellsAt(bytes, local, "si")) {
        pos = gt + 1;
        continue;
      }
      if (bytes[gt - 1] !== SLASH) {
        // The usual item, <si><t>text</t></si> (no prefix, markup or attributes): at once.
        const plain = plainItem(bytes, gt + 1);
        if (plain > 0) {
          index.add(gt + 4, plain, null);
          pos = plain + 9;
        } else pos = readItem(bytes, gt + 1, index, content, tag);
      } else {
        index.add(gt, gt, null); // <si/>: the empty string
        pos = gt + 1;
      }
    }
    return new SharedStrings(bytes, index.starts(), index.ends(), index.joined);
  }
}

/** The strings' places as they are read, in arrays that grow with them. */
class StringIndex {
  private from: Int32Array = new Int32Array(1024);
  private to: Int32Array = new Int32Array(1024);
  readonly joined = new Map<number, string>();
  count = 0;

  add(start: number, end: number, joined: string | null): void {
    if (this.count === SHARED_STRING_LIMITS.count)
      throw new PartDefect(
        `holds more than ${SHARED_STRING_LIMITS.count.toLocaleString("en")} shared strings`,
        "a workbook of Excel's size holds fewer: copy the tables into a new workbook, or save them as CSV"
      );
    if (this.count === this.from.length) {
      this.from = grow(this.from);
      this.to = grow(this.to);
    }
    if (joined === null) {
      this.from[this.count] = start;
      this.to[this.count] = end;
    } else this.joined.set(this.count, joined);
    this.count++;
  }

  starts(): Int32Array {
    return this.from.subarray(0, this.count);
  }

  ends(): Int32Array {
    return this.to.subarray(0, this.count);
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * One <si> after its start tag: its <t> runs (one run is kept as its place in the bytes, several
 * are joined now), phonetic runs left out. Returns the index after </si>.
 */
/** Bytes of "</t></si>". */
const PLAIN_END = [60, 47, 116, 62, 60, 47, 115, 105, 62];

/**
 * Where the text of an item written `<t>text</t></si>` from `from` ends (its "<"), or -1 when the
 * item is written any other way (read then in full by readItem).
 */
function plainItem(bytes: Uint8Array, from: number): number {
  if (bytes[from] !== LT || bytes[from + 1] !== 116 || bytes[from + 2] !== 62) return -1;
  const end = bytes.indexOf(LT, from + 3);
  if (end < 0) return -1;
  for (let k = 0; k < PLAIN_END.length; k++) if (bytes[end + k] !== PLAIN_END[k]) return -1;
  return end;
}

/**
 * The next start or end tag from a position, comments, CDATA and processing instructions skipped;
 * one object reused for every tag, so the scan allocates nothing per tag.
 */
class Tag {
  closing = false;
  /** Where the tag's local name (after any prefix) begins and ends, and its closing `>`. */
  local = 0;
  nameEnd = 0;
  gt = 0;

  /** Reads the next tag at or after `pos`: false when no `<` is left; a tag cut short is a PartDefect. */
  next(bytes: Uint8Array, pos: number): boolean {
    for (;;) {
      const lt = bytes.indexOf(LT, pos);
      if (lt < 0) return false;
      const markup = skipMarkup(bytes, lt);
      if (markup === INCOMPLETE) throw new PartDefect(CUT_SHORT);
      if (markup !== NOT_MARKUP) {
        pos = markup;
        continue;
      }
      this.closing = bytes[lt + 1] === SLASH;
      const nameStart = this.closing ? lt + 2 : lt + 1;
      this.nameEnd = nameEndAt(bytes, nameStart);
      this.gt = this.nameEnd < 0 ? INCOMPLETE : tagEndAt(bytes, this.nameEnd);
      if (this.gt < 0) throw new PartDefect(CUT_SHORT);
      this.local = localStart(bytes, nameStart, this.nameEnd);
      return true;
    }
  }
}

function readItem(
  bytes: Uint8Array,
  from: number,
  index: StringIndex,
  content: Content,
  tag: Tag
): number {
  let runs: string[] | null = null;
  let single: [number, number] | null = null;
  let phonetic = false;
  let pos = from;
  for (;;) {
    if (!tag.next(bytes, pos)) throw new PartDefect(CUT_SHORT);
    const { closing, local, nameEnd, gt } = tag;
    const length = nameEnd - local;
    const name = length === 1 ? "t" : length === 2 ? "si" : length === 3 ? "rPh" : "";
    const named = name !== "" && spellsAt(bytes, local, name) ? name : "";
    pos = gt + 1;
    if (closing) {
      if (named === "si") {
        if (runs !== null) index.add(0, 0, runs.join(""));
        else if (single !== null) index.add(single[0], single[1], null);
        else index.add(0, 0, "");
        return pos;
      }
      if (named === "rPh") phonetic = false;
      continue;
    }
    const selfClosing = bytes[gt - 1] === SLASH;
    if (named === "rPh") phonetic = !selfClosing;
    if (named !== "t") continue;
    let text: string | [number, number] = "";
    if (!selfClosing) {
      pos = readContent(bytes, gt + 1, "t", content);
      if (pos < 0) throw new PartDefect(CUT_SHORT);
      text = content.joined ?? [content.start, content.end];
    }
    if (phonetic) continue;
    if (runs === null && single === null && typeof text !== "string") single = text;
    else {
      runs ??= single === null ? [] : [rangeText(bytes, single, content)];
      single = null;
      runs.push(typeof text === "string" ? text : rangeText(bytes, text, content));
    }
  }
}

function rangeText(bytes: Uint8Array, range: [number, number], content: Content): string {
  content.start = range[0];
  content.end = range[1];
  content.joined = null;
  content.escaped = true;
  return content.text(bytes);
}
