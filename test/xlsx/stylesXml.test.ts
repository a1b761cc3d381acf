/** The styles part, element by element, and a whole part from the empty one, as exact text. */
import {
  BaseFont,
  EMPTY_STYLES_XML,
  StylesEditor,
  cellXfXml,
  dxfXml,
  fontXml,
  numFmtXml,
  solidFillXml,
} from "../../src/xlsx/stylesPart";

const CALIBRI: BaseFont = { name: "Calibri", family: "2", scheme: "minor", size: 11 };
const BARE: BaseFont = { name: null, family: null, scheme: null, size: 10 };

test.each<[string, () => string, string]>([
  ["<numFmt>", () => numFmtXml(164, "#,##0.00"), '<numFmt numFmtId="164" formatCode="#,##0.00"/>'],
  [
    "<numFmt>, quotes in the code escaped",
    () => numFmtXml(165, '0.0" days"'),
    '<numFmt numFmtId="165" formatCode="0.0&quot; days&quot;"/>',
  ],
  [
    "<font>, bold, sized and coloured, in the base font",
    () => fontXml({ bold: true, size: 16, color: "FF1F4E79" }, CALIBRI),
    '<font><b/><sz val="16"/><color rgb="FF1F4E79"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  ],
  [
    "<font>, italic, the base font's size and theme colour",
    () => fontXml({ italic: true }, CALIBRI),
    '<font><i/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  ],
  [
    "<font>, a base font with no name, family or scheme",
    () => fontXml({ bold: true, italic: true }, BARE),
    '<font><b/><i/><sz val="10"/><color theme="1"/></font>',
  ],
  [
    "<fill>, solid",
    () => solidFillXml("FFFFF2CC"),
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>',
  ],
  [
    "<xf>, all defaults",
    () => cellXfXml(0, 0, 0),
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ],
  [
    "<xf>, a number format only",
    () => cellXfXml(14, 0, 0),
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  ],
  [
    "<xf>, number format, font and fill",
    () => cellXfXml(164, 2, 3),
    '<xf numFmtId="164" fontId="2" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>',
  ],
  [
    "<dxf>, a status colour",
    () => dxfXml({ font: "FF006100", fill: "FFC6EFCE" }),
    '<dxf><font><color rgb="FF006100"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf>',
  ],
])("%s", (_name, write, expected) => {
  expect(write()).toBe(expected);
});

test("the empty part with a date, a titled text, a filled percentage and a status colour", () => {
  const editor = new StylesEditor(EMPTY_STYLES_XML);
  expect(editor.unchanged).toBe(true);
  expect(editor.cellFormat({ numberFormat: "m/d/yyyy" })).toBe(1);
  expect(editor.cellFormat({ font: { bold: true, size: 16 }, numberFormat: "General" })).toBe(2);
  expect(editor.cellFormat({ fill: "FFFFF2CC", numberFormat: "0.0%" })).toBe(3);
  expect(editor.cellFormat({ numberFormat: "m/d/yyyy" })).toBe(1);
  expect(editor.highlight({ font: "FF9C0006", fill: "FFFFC7CE" })).toBe(0);
  expect(editor.unchanged).toBe(false);
  expect(editor.toXml()).toBe(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
      '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
      '<font><b/><sz val="16"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
      '<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
  );
});
