/**
 * A CSV file's bytes as Excel and ERP exports write them (SPEC.md §3.5): the encoding detected
 * (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252), the separator sniffed among
 * `,` `;` tab and `|` (or given by Excel's `sep=` first line), and RFC 4180 records. A quote that
 * never closes is an error naming the line it opened on: rows are never swallowed.
 */

export type CsvEncoding = "UTF-8" | "UTF-8 with BOM" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252";
export const CSV_SEPARATORS = [",", ";", "\t", "|"] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** The text of a file and the encoding it was read in. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8 with BOM" };
  if (b0 === 0xff && b1 === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16 LE" };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16 BE" };
  // UTF-16 without its mark: text of Latin letters has a zero byte beside each one.
  const zeros = utf16Zeros(bytes);
  if (zeros !== null)
    return {
      text: new TextDecoder(zeros === "odd" ? "utf-16le" : "utf-16be").decode(bytes),
      encoding: zeros === "odd" ? "UTF-16 LE" : "UTF-16 BE",
    };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: windows1252(bytes), encoding: "Windows-1252" };
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest are Latin-1's own code points). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 text. Decoded by hand: Node's TextDecoder reads the "windows-1252" label as
 * Latin-1, which turns the euro sign and the curly quotes into control characters.
 */
export function windows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join("");
}

/** Where the zero bytes of the first 1,000 are when nearly all at one parity: "odd" (LE), "even" (BE). */
function utf16Zeros(bytes: Uint8Array): "odd" | "even" | null {
  const n = Math.min(bytes.length, 1000) & ~1;
  if (n < 4) return null;
  let odd = 0;
  let even = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 1 ? odd++ : even++;
  if (odd > n / 4 && even === 0) return "odd";
  if (even > n / 4 && odd === 0) return "even";
  return null;
}

/** A quote that never closes: the 1-based line it opened on. */
export interface UnclosedQuote {
  readonly line: number;
}

export interface CsvRecords {
  readonly rows: string[][];
  readonly separator: CsvSeparator;
  /** The 1-based line each row starts on (a quoted field may span lines). */
  readonly lines: number[];
}

/** The separator of Excel's `sep=;` first line, when the file has one. */
function declaredSeparator(text: string): CsvSeparator | null {
  const m = /^sep=(.)\r?\n/.exec(text);
  return m !== null && (CSV_SEPARATORS as readonly string[]).includes(m[1])
    ? (m[1] as CsvSeparator)
    : null;
}

/**
 * The separator whose field count is the same on the first lines (up to 20), the most fields
 * winning; with none constant, the one that splits the header most. Quoted text is not counted.
 */
export function sniffSeparator(text: string): CsvSeparator {
  const lines: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 20; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === "\n" || ch === "\r")) {
      if (current.trim() !== "") lines.push(current);
      current = "";
    } else if (!quoted) current += ch;
  }
  if (current.trim() !== "" && lines.length < 20) lines.push(current);
  let best: CsvSeparator = ",";
  let bestScore = -1;
  for (const sep of CSV_SEPARATORS) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const constant = counts.every((c) => c === header);
    const score = (constant ? 1_000_000 : 0) + header;
    if (score > bestScore) [best, bestScore] = [sep, score];
  }
  return best;
}

/** RFC 4180 records; a field is quoted only when its first character is a quote. */
export function parseCsvRecords(
  text: string,
  separator?: CsvSeparator
): CsvRecords | UnclosedQuote {
  const declared = declaredSeparator(text);
  const body = declared === null ? text : text.slice(text.indexOf("\n") + 1);
  const sep = separator ?? declared ?? sniffSeparator(body);
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = declared === null ? 1 : 2;
  let row: string[] = [];
  let rowLine = line;
  let field = "";
  let i = 0;
  const n = body.length;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    lines.push(rowLine);
    row = [];
    field = "";
  };
  while (i < n) {
    const ch = body[i];
    if (ch === '"' && field === "") {
      // A quoted field: to the next quote not doubled.
      const opened = line;
      let j = i + 1;
      let spansLines = false;
      for (;;) {
        if (j >= n) return { line: opened };
        const c = body[j];
        if (c === '"') {
          if (body[j + 1] === '"') {
            field += '"';
            j += 2;
            continue;
          }
          break;
        }
        if (c === "\n") {
          line++;
          spansLines = true;
        } else if (c === "\r" && body[j + 1] !== "\n") {
          line++;
          spansLines = true;
        }
        field += c;
        j++;
      }
      i = j + 1;
      // After the closing quote comes a separator or the end of the line; text there means the
      // quote that opened the field was a stray one, and its field swallowed whole lines.
      const next = body[i];
      if (spansLines && next !== undefined && next !== sep && next !== "\n" && next !== "\r")
        return { line: opened };
      continue;
    }
    if (ch === sep) {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      i += ch === "\r" && body[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) endRow();
  return { rows, separator: sep, lines };
}

/** How messages name a separator. */
export const separatorName = (sep: CsvSeparator): string => (sep === "\t" ? "tab" : sep);
