/** The worksheet scanner on what different writers put in a sheet, fed in chunks of every size. */
import { CellKind, CellSink, SheetScanner } from "../../src/xlsx/sheetScanner";

type Seen = [row: number, column: number, kind: CellKind, value: number | string];

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** One sheet with every kind of cell; `p` is the element prefix ("x:" as the Open XML SDK writes it, or ""). */
function sheet(p: string): string {
  const ns = p === "" ? `xmlns="${MAIN}"` : `xmlns:${p.slice(0, -1)}="${MAIN}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}><${p}dimension ref="A1:D5"/><${p}sheetData>` +
    // shared string, inline string, rich inline string with a phonetic run left out
    `<${p}row r="1" spans="1:4"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c><${p}c r="B1" t="inlineStr"><${p}is><${p}t>Date</${p}t></${p}is></${p}c>` +
    `<${p}c r="C1" t="inlineStr"><${p}is><${p}r><${p}t>Am</${p}t></${p}r><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>ount</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ア</${p}t></${p}rPh></${p}is></${p}c></${p}row>` +
    // a number, a date-formatted number, a formula's cached number, a boolean
    `<${p}row r="2"><${p}c r="A2"><${p}v>1001</${p}v></${p}c><${p}c r="B2" s="1"><${p}v>45000</${p}v></${p}c><${p}c r="C2"><${p}f>1+1.5</${p}f><${p}v>2.5</${p}v></${p}c><${p}c r="D2" t="b"><${p}v>1</${p}v></${p}c></${p}row>` +
    // a row and cells without references (after row 2: row 3, columns 1, 2, 3, 4); a string formula; an error; an empty styled cell; an ISO date
    `<${p}row><${p}c t="str"><${p}f>"a"&amp;"b"</${p}f><${p}v>a&amp;b &lt;c&gt;</${p}v></${p}c><${p}c t="e"><${p}v>#N/A</${p}v></${p}c><${p}c s="1"/><${p}c t="d"><${p}v>2025-03-01T12:00:00</${p}v></${p}c></${p}row>` +
    // an empty row, then escapes, exponents, a number Excel writes with 17 digits, a formula never calculated
    `<${p}row r="4"/><${p}row r="5"><${p}c r="A5" t="inlineStr"><${p}is><${p}t xml:space="preserve"> Line_x000D_ é </${p}t></${p}is></${p}c><${p}c r="B5"><${p}v>-1.5E-3</${p}v></${p}c>` +
    `<${p}c r="C5"><${p}v>0.30000000000000004</${p}v></${p}c><${p}c r="D5"><${p}f>NOW()</${p}f></${p}c></${p}row>` +
    `</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A9:B9"/></${p}mergeCells></${p}worksheet>`
  );
}

const EXPECTED: Seen[] = [
  [1, 1, CellKind.Shared, 0],
  [1, 2, CellKind.Text, "Date"],
  [1, 3, CellKind.Text, "Amount"],
  [2, 1, CellKind.Number, 1001],
  [2, 2, CellKind.Number, 45000],
  [2, 3, CellKind.Number, 2.5],
  [2, 4, CellKind.Boolean, 1],
  [3, 1, CellKind.Text, "a&b <c>"],
  [3, 2, CellKind.Error, "#N/A"],
  [3, 4, CellKind.Number, 45717.5], // 2025-03-01 is serial 45717; noon is .5
  [5, 1, CellKind.Text, " Line\r é "],
  [5, 2, CellKind.Number, -0.0015],
  [5, 3, CellKind.Number, 0.30000000000000004],
  [5, 4, CellKind.Uncalculated, 0], // a formula never calculated: handed over as one, never as blank or 0
];

function scan(
  xml: string,
  chunk: number,
  options: { columns?: number[]; date1904?: boolean; stopAfterRow?: number } = {}
): { seen: Seen[]; rows: number[]; dimension: string | null } {
  const seen: Seen[] = [];
  const rows: number[] = [];
  let row = 0;
  const sink: CellSink = {
    row(r) {
      if (options.stopAfterRow !== undefined && r > options.stopAfterRow) return false;
      rows.push(r);
      row = r;
      return true;
    },
    cell(column, kind, number, text) {
      seen.push([
        row,
        column,
        kind,
        kind === CellKind.Text || kind === CellKind.Error ? text : number,
      ]);
    },
  };
  const columns = new Uint8Array(20);
  for (const c of options.columns ?? [1, 2, 3, 4]) columns[c] = 1;
  const scanner = new SheetScanner(sink, {
    columns,
    dateStyles: Uint8Array.from([0, 1]),
    date1904: options.date1904 ?? false,
  });
  const bytes = new TextEncoder().encode(xml);
  let open = true;
  for (let at = 0; at < bytes.length && open; at += chunk)
    open = scanner.push(bytes.subarray(at, at + chunk));
  if (open) scanner.end();
  return { seen, rows, dimension: scanner.dimension };
}

describe.each([
  ["no prefix (Excel, LibreOffice, openpyxl)", ""],
  ["x: prefix (Open XML SDK)", "x:"],
])("%s", (_name, prefix) => {
  test.each([1, 2, 3, 7, 64, 1 << 20])(
    "every value, whatever the chunk size (%i bytes)",
    (chunk) => {
      const { seen, rows, dimension } = scan(sheet(prefix), chunk);
      expect(seen).toEqual(EXPECTED);
      expect(rows).toEqual([1, 2, 3, 4, 5]);
      expect(dimension).toBe("A1:D5");
    }
  );
});

test("only the wanted columns are handed over", () => {
  const { seen } = scan(sheet(""), 5, { columns: [1, 3] });
  expect(seen).toEqual(EXPECTED.filter((s) => s[1] === 1 || s[1] === 3));
});

test("in the 1904 date system, date-formatted numbers move to the 1900 system; other numbers do not", () => {
  const { seen } = scan(sheet(""), 64, { date1904: true });
  expect(seen.find((s) => s[0] === 2 && s[1] === 2)).toEqual([2, 2, CellKind.Number, 45000 + 1462]);
  expect(seen.find((s) => s[0] === 2 && s[1] === 1)).toEqual([2, 1, CellKind.Number, 1001]);
});

test("the sink stops the scan: nothing after is read", () => {
  const { seen, rows } = scan(sheet(""), 16, { stopAfterRow: 2 });
  expect(rows).toEqual([1, 2]);
  expect(seen.every((s) => s[0] <= 2)).toBe(true);
});

test("numbers read from bytes are the numbers Number() reads", () => {
  const values = [
    "0",
    "-0",
    "1",
    "123456789012345",
    "1234567890123456789",
    "0.1",
    "0.3",
    "2.675",
    "1E+21",
    "6.02214076e23",
    "-1.5E-3",
    "45717.499988425923",
    "1.7976931348623157E308",
    "5e-324",
  ];
  const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${values.map((v, i) => `<c r="${String.fromCharCode(65 + (i % 20))}1"><v>${v}</v></c>`).join("")}</row></sheetData></worksheet>`;
  const { seen } = scan(xml, 13, { columns: Array.from({ length: 19 }, (_, k) => k + 1) });
  expect(seen.map((s) => s[3])).toEqual(values.map(Number));
});
