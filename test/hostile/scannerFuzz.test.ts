/**
 * The sheet scanner on any chunking and any bytes: the same cells whatever the chunk sizes, work
 * linear in the bytes (a long element cut by every chunk is not read again and again), and on
 * random sheets written every way XML allows, or damaged at random, either the right cells or a
 * PartDefect, nothing else (property-based, with fast-check).
 */
import fc from "fast-check";
import { CellKind, CellSink, SheetScanner } from "../../src/xlsx/sheetScanner";
import { PartDefect } from "../../src/xlsx/unreadable";
import { SharedStrings } from "../../src/xlsx/sharedStrings";
import { XmlElement, child, childrenNamed, parseXml } from "../../src/xlsx/xmlTree";
import { escapeText } from "../../src/xlsx/xmlText";

type Seen = [row: number, column: number, kind: CellKind, value: number | string];

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function scan(bytes: Uint8Array, chunk: (k: number) => number): { seen: Seen[]; work: number } {
  const seen: Seen[] = [];
  let row = 0;
  const sink: CellSink = {
    row(r) {
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
  const scanner = new SheetScanner(sink, {
    columns: new Uint8Array(40).fill(1),
    dateStyles: new Uint8Array(0),
    date1904: false,
  });
  let open = true;
  for (let at = 0, k = 0; at < bytes.length && open; k++) {
    const size = Math.max(1, chunk(k));
    open = scanner.push(bytes.subarray(at, at + size));
    at += size;
  }
  if (open) scanner.end();
  return { seen, work: scanner.work };
}

const encode = (xml: string): Uint8Array => new TextEncoder().encode(xml);

test("chunks of every size from 1 byte give the same cells, for work linear in the bytes", () => {
  const long = "ab&amp;c".repeat(200); // one cell of 1,600 bytes, cut by every chunk boundary
  const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c><c r="B1"><v>1.5</v></c></row>${Array.from(
    { length: 20 },
    (_, i) =>
      `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c><c r="C${i + 2}" t="b"><v>1</v></c></row>`
  ).join("")}</sheetData></worksheet>`;
  const bytes = encode(xml);
  const whole = scan(bytes, () => bytes.length);
  expect(whole.seen).toHaveLength(2 + 40);
  expect(whole.seen[0]).toEqual([1, 1, CellKind.Text, "ab&c".repeat(200)]);
  let worst = 0;
  for (let size = 1; size <= bytes.length; size++) {
    const { seen, work } = scan(bytes, () => size);
    if (size % 97 === 1)
      expect(seen).toEqual(whole.seen); // every size is checked below, cheaper
    else expect(seen.length).toBe(whole.seen.length);
    worst = Math.max(worst, work / bytes.length);
  }
  // Each byte is looked at in at most two passes, once when it arrives and once more when it is
  // kept (read again only after as many new bytes have come), and the part's end reads what is
  // kept once more: at most three times the bytes. Reading each kept element again on every
  // chunk, as before, looked at the long cell's bytes some 1,600 times over with 1-byte chunks.
  expect(worst).toBeLessThanOrEqual(3);
});

/** Markup characters escaped (the `_x` escapes are done already). */
const markup = (t: string): string =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text written every way XML holds it: escaped, in CDATA, as references, cut by comments. */
function writeText(text: string, how: number): string {
  const x = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1"); // as Excel keeps a literal "_x0041_"
  switch (how) {
    case 0:
      return escapeText(text); // escapes a literal "_x0041_" itself
    case 1:
      return x.includes("]]>") ? markup(x) : `<![CDATA[${x}]]>`;
    case 2:
      return [...x].map((ch) => `&#x${ch.codePointAt(0)?.toString(16)};`).join("");
    default: {
      const half = [...x];
      const cut = half.length >> 1;
      return `${markup(half.slice(0, cut).join(""))}<!-- cut -->${markup(half.slice(cut).join(""))}<?pi here?>`;
    }
  }
}

type Cell =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string; how: number; shared: boolean }
  | { kind: "boolean"; value: boolean };

// Text XML can hold (no control characters but tab and line feed), with the characters that
// need escaping and a few from far planes.
const xmlText = fc
  .array(
    fc.oneof(
      fc.constantFrom("<", ">", "&", '"', "'", "]]>", "_x0041_", "\t", "\n", "é", "日", "😀", " "),
      fc
        .string({ minLength: 1, maxLength: 6 })
        .map((s) => s.replace(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/g, "")) // eslint-disable-line no-control-regex
    ),
    { maxLength: 8 }
  )
  .map((parts) => parts.join(""));

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((value) => ({ kind: "number" as const, value })),
  fc.record({
    kind: fc.constant("text" as const),
    value: xmlText,
    how: fc.integer({ min: 0, max: 3 }),
    shared: fc.boolean(),
  }),
  fc.boolean().map((value) => ({ kind: "boolean" as const, value }))
);

const sheet = fc.array(fc.array(fc.option(cell, { nil: null }), { minLength: 1, maxLength: 6 }), {
  minLength: 1,
  maxLength: 8,
});

function sheetXml(
  rows: (Cell | null)[][],
  prefix: string,
  rowGaps: boolean
): { xml: string; expected: Seen[] } {
  const p = prefix;
  const expected: Seen[] = [];
  let r = 0;
  const body = rows
    .map((cells, i) => {
      r += rowGaps ? 1 + (i % 3) : 1;
      const xml = cells
        .map((c, j) => {
          if (c === null) return "";
          const ref = `${String.fromCharCode(65 + j)}${r}`;
          if (c.kind === "number") {
            expected.push([r, j + 1, CellKind.Number, c.value === 0 ? 0 : c.value]);
            return `<${p}c r="${ref}"><${p}v>${String(c.value)}</${p}v></${p}c>`;
          }
          if (c.kind === "boolean") {
            expected.push([r, j + 1, CellKind.Boolean, c.value ? 1 : 0]);
            return `<${p}c r="${ref}" t="b"><${p}v>${c.value ? 1 : 0}</${p}v></${p}c>`;
          }
          expected.push([r, j + 1, CellKind.Text, c.value]);
          return c.shared
            ? `<${p}c r="${ref}" t="str"><${p}f>"x"</${p}f><${p}v>${writeText(c.value, c.how)}</${p}v></${p}c>`
            : `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${writeText(c.value, c.how)}</${p}t></${p}is></${p}c>`;
        })
        .join("<!-- between -->");
      return `<${p}row r="${r}">${xml}</${p}row>`;
    })
    .join("");
  const ns = p === "" ? `xmlns="${MAIN}"` : `xmlns:${p.slice(0, -1)}="${MAIN}"`;
  return {
    xml: `<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><${p}worksheet ${ns}><!-- a comment --><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`,
    expected,
  };
}

test("random sheets, written every way XML allows and cut into random chunks, read as written", () => {
  fc.assert(
    fc.property(
      sheet,
      fc.constantFrom("", "x:"),
      fc.boolean(),
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
      (rows, prefix, gaps, sizes) => {
        const { xml, expected } = sheetXml(rows, prefix, gaps);
        const { seen } = scan(encode(xml), (k) => sizes[k % sizes.length]);
        expect(seen).toEqual(expected);
      }
    ),
    { numRuns: 300 }
  );
});

test("random damage to a sheet's bytes: the cells, or a PartDefect, never anything else", () => {
  const { xml } = sheetXml(
    [
      [
        { kind: "text", value: "Customer", how: 0, shared: false },
        { kind: "number", value: 45000 },
      ],
      [
        { kind: "text", value: "C&1 <x>", how: 1, shared: false },
        { kind: "number", value: 12.5 },
      ],
      [
        { kind: "text", value: "Zoë 😀", how: 3, shared: true },
        { kind: "boolean", value: true },
      ],
    ],
    "",
    true
  );
  const bytes = encode(xml);
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          at: fc.nat({ max: bytes.length - 1 }),
          what: fc.constantFrom("flip", "delete", "insert"),
          byte: fc.integer({ min: 0, max: 255 }),
        }),
        { minLength: 1, maxLength: 4 }
      ),
      fc.integer({ min: 1, max: 64 }),
      (damages, size) => {
        let damaged = Array.from(bytes);
        for (const d of damages) {
          const at = Math.min(d.at, damaged.length - 1);
          if (d.what === "flip") damaged[at] = d.byte;
          else if (d.what === "delete")
            damaged = [...damaged.slice(0, at), ...damaged.slice(at + 1)];
          else damaged = [...damaged.slice(0, at), d.byte, ...damaged.slice(at)];
        }
        try {
          scan(Uint8Array.from(damaged), () => size);
        } catch (e) {
          if (!(e instanceof PartDefect)) throw e;
        }
      }
    ),
    { numRuns: 2000 }
  );
});

test("line ends written as CR LF or CR read as LF, as XML reads them; a CR written as a reference stays", () => {
  const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb\rc&#13;d</t></is></c><c r="B1" t="str"><v>e\r\nf</v></c></row></sheetData></worksheet>`;
  for (const size of [1, 5, 1000])
    expect(scan(encode(xml), () => size).seen).toEqual([
      [1, 1, CellKind.Text, "a\nb\nc\rd"],
      [1, 2, CellKind.Text, "e\nf"],
    ]);
});

test("random damage to a shared string table: its strings, or a PartDefect, never anything else", () => {
  const sst = encode(
    `<?xml version="1.0"?><sst xmlns="${MAIN}" count="4"><si><t>Plain</t></si><si><r><t>Ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">ch &amp; </t></r><rPh sb="0" eb="1"><t>ph</t></rPh></si><si><t><![CDATA[<cdata>]]></t></si><si/><si><t>_x000D_&#233;</t></si></sst>`
  );
  const intact = SharedStrings.parse(sst);
  expect([0, 1, 2, 3, 4].map((i) => intact.get(i))).toEqual([
    "Plain",
    "Rich & ",
    "<cdata>",
    "",
    "\ré",
  ]);
  fc.assert(
    fc.property(
      fc.array(
        fc.record({ at: fc.nat({ max: sst.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }),
        {
          minLength: 1,
          maxLength: 4,
        }
      ),
      (damages) => {
        const damaged = Uint8Array.from(sst);
        for (const d of damages) damaged[d.at] = d.byte;
        try {
          const strings = SharedStrings.parse(damaged);
          for (let i = 0; i < strings.count; i++) strings.get(i);
        } catch (e) {
          if (!(e instanceof PartDefect)) throw e;
        }
      }
    ),
    { numRuns: 2000 }
  );
});

test("random damage to a part read as a tree (the workbook part): a tree, or a PartDefect", () => {
  const xml = `<?xml version="1.0"?><!-- x --><workbook xmlns="${MAIN}" xmlns:r="r"><sheets><sheet name="Sales &amp; more" sheetId="1" r:id="rId1"/><sheet name='It&apos;s' sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="SPEC_Scorecard" hidden="1">'Scorecard'!$A$1</definedName><definedName name="x"><![CDATA[1<2]]></definedName></definedNames><?pi?></workbook>`;
  expect(
    childrenNamed(child(parseXml(xml), "sheets") as XmlElement, "sheet").map((s) =>
      s.attributes.get("name")
    )
  ).toEqual(["Sales & more", "It's"]);
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          at: fc.nat({ max: xml.length - 1 }),
          ch: fc.constantFrom("<", ">", "&", '"', "'", "/", "!", "?", "[", "]", "-", "x", "#", ";"),
        }),
        {
          minLength: 1,
          maxLength: 4,
        }
      ),
      (damages) => {
        let damaged = xml;
        for (const d of damages) damaged = damaged.slice(0, d.at) + d.ch + damaged.slice(d.at + 1);
        try {
          parseXml(damaged);
        } catch (e) {
          if (!(e instanceof PartDefect)) throw e;
        }
      }
    ),
    { numRuns: 3000 }
  );
});
