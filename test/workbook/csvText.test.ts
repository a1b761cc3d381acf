/** CSV files as Excel and ERP exports write them: encodings, separators, RFC 4180 quoting, typed columns. */
import { isoDateToSerial } from "../../src/core/cells";
import { readCsvTable } from "../../src/workbook/csvSource";
import { decodeCsv, parseCsvRecords, sniffSeparator } from "../../src/workbook/csvText";

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const utf16le = (text: string, bom = true): Uint8Array => {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[(bom ? 2 : 0) + 2 * i] = text.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
};

describe("the encoding is detected and named", () => {
  test.each([
    ["UTF-8 with BOM", bytes(0xef, 0xbb, 0xbf, 0x43, 0xc3, 0xb3, 0x64), "Cód", "UTF-8 with BOM"],
    ["UTF-8", bytes(0x43, 0xc3, 0xb3, 0x64), "Cód", "UTF-8"],
    // 0xF3 alone is not UTF-8: Windows-1252's ó; 0x80 is its euro sign.
    ["Windows-1252", bytes(0x43, 0xf3, 0x64, 0x3b, 0x80, 0x93, 0x94), "Cód;€“”", "Windows-1252"],
    ["UTF-16 LE with BOM", utf16le("Año;Ñ"), "Año;Ñ", "UTF-16 LE"],
    ["UTF-16 BE with BOM", bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xf1), "Añ", "UTF-16 BE"],
    [
      "UTF-16 LE without its mark",
      utf16le("Cliente;Fecha\r\n", false),
      "Cliente;Fecha\r\n",
      "UTF-16 LE",
    ],
  ])("%s", (_name, input, text, encoding) => {
    expect(decodeCsv(input)).toEqual({ text, encoding });
  });
});

describe("the separator is sniffed", () => {
  test.each([
    ["Cliente;Fecha;Importe\nA;07/01/2023;2.737,43\nB;08/01/2023;6.110", ";"],
    ["Customer,Date,Amount\nA,2023-01-07,2737.43", ","],
    ["Customer\tDate\tAmount\nA\t2023-01-07\t2737.43", "\t"],
    ["Customer|Date|Amount\nA|2023-01-07|2,737.43", "|"],
    // Semicolons inside quoted text do not count; the commas are constant on every line.
    ['Customer,Note,Amount\nA,"a;b;c;d",5\nB,"x;y",6', ","],
  ])("%j → %j", (text, sep) => expect(sniffSeparator(text)).toBe(sep));

  test("Excel's sep= first line says it", () => {
    const r = parseCsvRecords("sep=;\nA,B;C\n1,5;2");
    expect(r).toEqual({
      rows: [
        ["A,B", "C"],
        ["1,5", "2"],
      ],
      separator: ";",
      lines: [2, 3],
    });
  });
});

describe("RFC 4180 records", () => {
  test("quoted separators, doubled quotes and line breaks inside a field", () => {
    const r = parseCsvRecords('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",3\r\n4,,\r\n');
    expect(r).toEqual({
      rows: [
        ["a", "b", "c"],
        ["1", "x, y", 'say "hi"'],
        ["2", "two\nlines", "3"],
        ["4", "", ""],
      ],
      separator: ",",
      lines: [1, 2, 3, 5],
    });
  });
  test('a stray quote inside a field (Pipe 12" steel) is text, and swallows nothing', () => {
    const r = parseCsvRecords(
      'Customer,Product,Amount\nA,Pipe 12" steel,100\nB,Valve,200\nC,Cap,300'
    );
    expect("rows" in r && r.rows).toEqual([
      ["Customer", "Product", "Amount"],
      ["A", 'Pipe 12" steel', "100"],
      ["B", "Valve", "200"],
      ["C", "Cap", "300"],
    ]);
  });
  test("a quote that never closes is refused with the line it opened on", () => {
    expect(parseCsvRecords('a,b\n1,2\n3,"open\n4,5\n')).toEqual({ line: 3 });
  });
  test("a stray opening quote that a later quote closes after whole lines is refused too", () => {
    expect(parseCsvRecords('a,b,c\n1,"12 inch,100\n2,"x",5\n')).toEqual({ line: 2 });
  });
});

describe("a CSV file as a table", () => {
  const win1252 = (text: string): Uint8Array =>
    Uint8Array.from(
      [...text].map((ch) => (ch === "ó" ? 0xf3 : ch === "é" ? 0xe9 : ch.charCodeAt(0)))
    );

  test("Windows-1252, semicolons, decimal comma, dd/mm/yyyy: typed as the same data in UTF-8 and ISO", () => {
    const spanish = readCsvTable(
      "ventas.csv",
      "ventas",
      win1252(
        "Informe de ventas;;\r\n;;\r\nCódigo Cliente;Fecha;Importe\r\nC01;07/01/2023;2.737,43\r\nC02;25/01/2023;6.110\r\n007;01/02/2023;-30,5\r\n"
      ),
      { language: "en" }
    );
    expect(spanish.ok).toBe(true);
    if (!spanish.ok) return;
    const t = spanish.value.table;
    expect(t.headers).toEqual(["Código Cliente", "Fecha", "Importe"]);
    expect(t.headerRow).toBe(3); // two title lines above it
    expect(t.columns).toEqual([
      ["C01", "C02", "007"],
      [isoDateToSerial("2023-01-07"), isoDateToSerial("2023-01-25"), isoDateToSerial("2023-02-01")],
      [2737.43, 6110, -30.5],
    ]);
    expect(t.csv).toMatchObject({ encoding: "Windows-1252", separator: ";", decimal: "," });
    expect(t.csv?.found[1]).toEqual({
      kind: "date",
      texts: 3,
      order: "dmy",
      settledBy: "values",
      format: "dd/mm/yyyy",
    });
    expect(spanish.value.dateColumns).toEqual([false, true, false]);
  });

  test("a column of codes with leading zeros stays text; an ambiguous one stays text for the check to refuse", () => {
    const r = readCsvTable(
      "t.csv",
      "t",
      new TextEncoder().encode("Code,Qty\n007,1.234\n012,6.110\n"),
      {
        language: "en",
      }
    );
    expect(r.ok && r.value.table.columns).toEqual([
      ["007", "012"],
      ["1.234", "6.110"],
    ]);
  });

  test("an unclosed quote names the file, its encoding and the line", () => {
    const r = readCsvTable(
      "ventas.csv",
      "ventas",
      win1252('Cliente;Categoría\nA;"sin cerrar\nB;x\n'),
      {
        language: "es",
      }
    );
    expect(r).toEqual({
      ok: false,
      error: {
        kind: "#VALUE!",
        message:
          "ventas.csv (Windows-1252): la comilla de la línea 2 abre un campo que nunca se cierra; ciérrela o quítela y vuelva a ejecutar",
      },
    });
  });
});
