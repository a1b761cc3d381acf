/** The small parts of a package: shared strings, relationships, number formats, styles, metadata, app properties. */
import { readFileSync } from "fs";
import { join } from "path";
import { SharedStrings } from "../../src/xlsx/sharedStrings";
import {
  relativeTarget,
  resolveTarget,
  relationshipsPartOf,
  sourceOfRelationshipsPart,
  parseRelationships,
} from "../../src/xlsx/relationships";
import { isBuiltInDate, isDateFormatCode } from "../../src/xlsx/numberFormats";
import { EMPTY_STYLES_XML, StylesEditor, dateStylesOf } from "../../src/xlsx/stylesPart";
import { NEW_METADATA_XML, dynamicArrayMetadata } from "../../src/xlsx/metadataPart";
import { withSheetTitle } from "../../src/xlsx/worksheetAdder";
import { ContentTypes } from "../../src/xlsx/contentTypes";
import { parseXml, child, childrenNamed } from "../../src/xlsx/xmlTree";
import { escapeText, cellText } from "../../src/xlsx/xmlText";
import { partText } from "../support/workbooks";

const REFERENCE = join(__dirname, "..", "fixtures", "excel-authored");

test("shared strings: plain, rich runs joined, phonetic runs left out, entities and _x escapes, empty items, prefixes", () => {
  const xml =
    '<?xml version="1.0"?><x:sst xmlns:x="m" count="7" uniqueCount="7">' +
    "<x:si><x:t>Customer</x:t></x:si>" +
    '<x:si><x:r><x:t>Net </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">sales</x:t></x:r></x:si>' +
    '<x:si><x:t>東京</x:t><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>' +
    "<x:si><x:t>A &amp; B &lt;1&gt; &#233;&#x20AC;</x:t></x:si>" +
    "<x:si><x:t>line_x000D__x000A_two _x005F_x0041_</x:t></x:si>" +
    "<x:si/><x:si><x:t/></x:si></x:sst>";
  const s = SharedStrings.parse(new TextEncoder().encode(xml));
  expect(s.count).toBe(7);
  expect([0, 1, 2, 3, 4, 5, 6].map((i) => s.get(i))).toEqual([
    "Customer",
    "Net sales",
    "東京",
    "A & B <1> é€",
    "line\r\ntwo _x0041_",
    "",
    "",
  ]);
  expect(s.get(7)).toBeUndefined();
});

test("escaping text and reading it back is the identity, _x escapes and control characters included", () => {
  for (const text of [
    "plain",
    "a & b < c > d",
    "_x0041_ stays",
    "tab\there",
    "bell\u0007",
    " spaces ",
  ])
    expect(cellText(escapeText(text))).toBe(text);
});

test.each([
  ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
  ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"], // openpyxl
  ["xl/worksheets/sheet1.xml", "../tables/table1.xml", "xl/tables/table1.xml"],
  ["xl/worksheets/sheet1.xml", "/xl/tables/table1.xml", "xl/tables/table1.xml"],
  ["xl/worksheets/sheet1.xml", "./../drawings/./drawing1.xml", "xl/drawings/drawing1.xml"],
  ["", "xl/workbook.xml", "xl/workbook.xml"],
  ["", "/xl/workbook.xml", "xl/workbook.xml"],
  ["xl/workbook.xml", "worksheets/my%20sheet.xml", "xl/worksheets/my sheet.xml"],
  ["xl\\workbook.xml", "worksheets\\sheet1.xml", "xl/worksheets/sheet1.xml"],
])("a target in %s written %s is part %s", (source, target, part) => {
  expect(resolveTarget(source.replace(/\\/g, "/"), target)).toBe(part);
});

test("targets written back relative to their source part, as Excel writes them", () => {
  expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet5.xml")).toBe(
    "worksheets/sheet5.xml"
  );
  expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/tables/table1.xml")).toBe(
    "../tables/table1.xml"
  );
  expect(relativeTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  expect(relationshipsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
  expect(relationshipsPartOf("")).toBe("_rels/.rels");
  expect(sourceOfRelationshipsPart("xl/worksheets/_rels/sheet1.xml.rels")).toBe(
    "xl/worksheets/sheet1.xml"
  );
  expect(sourceOfRelationshipsPart("_rels/.rels")).toBe("");
});

test("relationships: external targets are kept as written", () => {
  const rels = parseRelationships(
    '<Relationships xmlns="p"><Relationship Id="rId1" Type="t/hyperlink" Target="https://example.com/a?b=1" TargetMode="External"/><Relationship Id="rId2" Type="t/table" Target="/xl/tables/table2.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml"
  );
  expect(rels).toEqual([
    { id: "rId1", type: "t/hyperlink", target: "https://example.com/a?b=1", external: true },
    { id: "rId2", type: "t/table", target: "xl/tables/table2.xml", external: false },
  ]);
});

test.each([
  ["yyyy-mm-dd", true],
  ["m/d/yyyy", true],
  ["[$-409]mmmm d, yyyy;@", true],
  ["dd/mm/yyyy hh:mm", true],
  ["[h]:mm:ss", true],
  ["General", false],
  ["#,##0.00", false],
  ['0.0" days"', false],
  ["[Red]#,##0;[Blue]-#,##0", false],
  ["0.00E+00", false],
  ['#,##0 "d"', false],
])("format %s shows a date: %s", (code, date) => {
  expect(isDateFormatCode(code)).toBe(date);
});

test("built-in date formats are known by id", () => {
  expect([14, 15, 22, 45].every(isBuiltInDate)).toBe(true);
  expect([0, 1, 4, 10, 49].some(isBuiltInDate)).toBe(false);
});

test("date styles: built-in and custom number formats", () => {
  const xml =
    '<styleSheet xmlns="m"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="#,##0.0"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs></styleSheet>';
  expect(Array.from(dateStylesOf(xml))).toEqual([0, 1, 1, 0, 0]);
  expect(Array.from(dateStylesOf(null))).toEqual([]);
});

describe("styles added after the source's own", () => {
  const source = readFileSync(join(REFERENCE, "table01.xlsx")); // only to keep the reference in view of this suite
  test("indexes of the source's formats are kept; new ones follow; counts match; nothing else changes", () => {
    expect(source.length).toBeGreaterThan(0);
    const editor = new StylesEditor(EMPTY_STYLES_XML);
    const title = editor.cellFormat({
      font: { bold: true, size: 16, color: "FF1F4E79" },
      numberFormat: "General",
    });
    const money = editor.cellFormat({ numberFormat: "#,##0.00" });
    const percent = editor.cellFormat({ fill: "FFFFF2CC", numberFormat: "0.0%" });
    expect(editor.cellFormat({ numberFormat: "#,##0.00" })).toBe(money);
    const good = editor.highlight({ font: "FF006100", fill: "FFC6EFCE" });
    expect([title, money, percent, good]).toEqual([1, 2, 3, 0]);
    const out = parseXml(editor.toXml());
    const count = (name: string, item: string): [string | undefined, number] => {
      const el = child(out, name);
      return [el?.attributes.get("count"), el === undefined ? 0 : childrenNamed(el, item).length];
    };
    expect(count("cellXfs", "xf")).toEqual(["4", 4]);
    expect(count("fonts", "font")).toEqual(["2", 2]);
    expect(count("fills", "fill")).toEqual(["3", 3]);
    expect(count("numFmts", "numFmt")).toEqual(["1", 1]);
    expect(count("dxfs", "dxf")).toEqual(["1", 1]);
    // numFmts inserted first, as the schema orders them
    expect(out.children[0].local).toBe("numFmts");
    expect(
      childrenNamed(child(out, "numFmts") ?? out, "numFmt")[0].attributes.get("numFmtId")
    ).toBe("164");
    expect(childrenNamed(child(out, "cellXfs") ?? out, "xf")[0].attributes.get("numFmtId")).toBe(
      "0"
    );
  });

  test("a source with prefixes and custom formats numbered past 164 gets the next free ids", () => {
    const xml =
      '<x:styleSheet xmlns:x="m"><x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="0.000"/></x:numFmts><x:fonts count="1"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts><x:cellXfs count="1"><x:xf numFmtId="170"/></x:cellXfs></x:styleSheet>';
    const editor = new StylesEditor(xml);
    expect(editor.cellFormat({ numberFormat: "0.000" })).toBe(1); // the source's own format code is reused
    expect(editor.cellFormat({ font: { italic: true }, numberFormat: "0.0" })).toBe(2);
    const out = editor.toXml();
    expect(out).toContain('<x:numFmt numFmtId="171" formatCode="0.0"/>');
    expect(out).toContain(
      '<x:font><x:i/><x:sz val="10"/><x:color theme="1"/><x:name val="Arial"/></x:font>'
    );
    // The source had no fills, borders or cell style formats: the defaults our ids point at are added.
    expect(out).toContain(
      '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>'
    );
    expect(out).toContain('<x:borders count="1">');
    expect(out.indexOf("<x:fonts")).toBeLessThan(out.indexOf("<x:fills"));
    expect(out.indexOf("<x:fills")).toBeLessThan(out.indexOf("<x:borders"));
    expect(out.indexOf("<x:cellStyleXfs")).toBeLessThan(out.indexOf("<x:cellXfs"));
  });
});

describe("the dynamic-array record, as Excel writes xl/metadata.xml", () => {
  test("a new part is the reference's part", async () => {
    const reference = await partText(join(REFERENCE, "dynamic_array02.xlsx"), "xl/metadata.xml");
    expect(NEW_METADATA_XML).toBe(reference);
    expect(dynamicArrayMetadata(null)).toEqual({ cellMetadataIndex: 1, xml: reference });
  });

  test("an existing part with the record is reused as it is", async () => {
    const reference = await partText(join(REFERENCE, "dynamic_array01.xlsx"), "xl/metadata.xml");
    expect(dynamicArrayMetadata(reference)).toEqual({ cellMetadataIndex: 1, xml: null });
  });

  test("an existing part without it (rich values only) gets the type, block and record after its own", () => {
    const rich =
      '<metadata xmlns="m" xmlns:xlrd="r"><metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000"/></metadataTypes><futureMetadata name="XLRICHVALUE" count="1"><bk><extLst><ext uri="x"><xlrd:rvb i="0"/></ext></extLst></bk></futureMetadata><valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>';
    const { cellMetadataIndex, xml } = dynamicArrayMetadata(rich);
    expect(cellMetadataIndex).toBe(1);
    const root = parseXml(xml as string);
    expect(
      childrenNamed(child(root, "metadataTypes") ?? root, "metadataType").map((t) =>
        t.attributes.get("name")
      )
    ).toEqual(["XLRICHVALUE", "XLDAPR"]);
    expect(
      root.children.filter((c) => c.local === "futureMetadata").map((f) => f.attributes.get("name"))
    ).toEqual(["XLRICHVALUE", "XLDAPR"]);
    expect(xml).toContain(
      '</futureMetadata><cellMetadata count="1"><bk><rc t="2" v="0"/></bk></cellMetadata><valueMetadata'
    );
    expect(root.attributes.get("xmlns:xda")).toBe(
      "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"
    );
    expect(dynamicArrayMetadata(xml as string)).toEqual({ cellMetadataIndex: 1, xml: null });
  });
});

test("content types: overrides added and removed, defaults kept", async () => {
  const xml = await partText(join(REFERENCE, "table01.xlsx"), "[Content_Types].xml");
  const types = new ContentTypes(xml);
  expect(types.typeOf("xl/tables/table1.xml")).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
  );
  expect(types.typeOf("xl/worksheets/_rels/sheet1.xml.rels")).toBe(
    "application/vnd.openxmlformats-package.relationships+xml"
  );
  const edited = new ContentTypes(
    types.edited(new Map([["xl/worksheets/sheet2.xml", "w"]]), new Set(["xl/tables/table1.xml"]))
  );
  expect(edited.typeOf("xl/worksheets/sheet2.xml")).toBe("w");
  expect(edited.typeOf("xl/tables/table1.xml")).toBe("application/xml");
  expect(edited.typeOf("xl/workbook.xml")).toBe(types.typeOf("xl/workbook.xml"));
});

describe("docProps/app.xml lists the new sheet after the worksheets", () => {
  test("as Excel writes it", async () => {
    const app = await partText(join(REFERENCE, "table01.xlsx"), "docProps/app.xml");
    const out = withSheetTitle(app, ["Sheet1"], "Scorecard") as string;
    expect(out).toContain("<vt:i4>2</vt:i4>");
    expect(out).toContain(
      '<vt:vector size="2" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr><vt:lpstr>Scorecard</vt:lpstr></vt:vector>'
    );
  });

  test("in Spanish, with named ranges after the worksheets", () => {
    const app =
      '<Properties xmlns="p" xmlns:vt="v"><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Hojas de cálculo</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>Rangos con nombre</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
      '<TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>Ventas</vt:lpstr><vt:lpstr>Clientes</vt:lpstr><vt:lpstr>Ventas!Print_Area</vt:lpstr></vt:vector></TitlesOfParts></Properties>';
    const out = withSheetTitle(app, ["Ventas", "Clientes"], "Scorecard") as string;
    expect(out).toContain(
      "<vt:lpstr>Hojas de cálculo</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4>"
    );
    expect(out).toContain(
      "<vt:lpstr>Rangos con nombre</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4>"
    );
    expect(out).toContain(
      '<vt:vector size="4" baseType="lpstr"><vt:lpstr>Ventas</vt:lpstr><vt:lpstr>Clientes</vt:lpstr><vt:lpstr>Scorecard</vt:lpstr><vt:lpstr>Ventas!Print_Area</vt:lpstr></vt:vector>'
    );
  });

  test("a part that does not list the worksheets is left alone", () => {
    expect(
      withSheetTitle(
        '<Properties xmlns="p"><Application>LibreOffice</Application></Properties>',
        ["A"],
        "Scorecard"
      )
    ).toBeNull();
  });
});
