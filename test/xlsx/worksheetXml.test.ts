/**
 * The worksheet part, element by element, as XlsxWriter tests each of its _write_* steps: every
 * element the project writes against the exact text Excel writes for it, then a whole small sheet.
 */
import { ErrorValue } from "../../src/core/cells";
import {
  CellOut,
  WorksheetOut,
  cellXml,
  colsXml,
  conditionalFormattingXml,
  dimensionXml,
  drawingXml,
  mergeCellsXml,
  narrowPageMarginsXml,
  pageMarginsXml,
  pageSetupXml,
  rowBreaksXml,
  rowXml,
  sheetFormatPrXml,
  sheetViewsXml,
  tablePartsXml,
  worksheetXml,
} from "../../src/xlsx/worksheetXml";

test.each<[string, () => string, string]>([
  ["<dimension>", () => dimensionXml("A1:H120"), '<dimension ref="A1:H120"/>'],
  [
    "<sheetViews>, grid lines shown, nothing frozen",
    () => sheetViewsXml(true, 0),
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
  ],
  [
    "<sheetViews>, grid lines hidden",
    () => sheetViewsXml(false, 0),
    '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>',
  ],
  [
    "<sheetViews>, the first row frozen",
    () => sheetViewsXml(true, 1),
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
  ],
  [
    "<sheetViews>, three rows frozen, grid lines hidden",
    () => sheetViewsXml(false, 3),
    '<sheetViews><sheetView showGridLines="0" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/></sheetView></sheetViews>',
  ],
  [
    "<sheetViews>, the sheet the workbook opens on, scrolled to the top, three rows frozen",
    () => sheetViewsXml(false, 3, true),
    '<sheetViews><sheetView showGridLines="0" tabSelected="1" topLeftCell="A1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/></sheetView></sheetViews>',
  ],
  [
    "<sheetViews>, selected, nothing frozen",
    () => sheetViewsXml(true, 0, true),
    '<sheetViews><sheetView tabSelected="1" topLeftCell="A1" workbookViewId="0"/></sheetViews>',
  ],
  ["<row>", () => rowXml(7), '<row r="7">'],
  ["<row>, taller", () => rowXml(7, 45), '<row r="7" ht="45" customHeight="1">'],
  ["<sheetFormatPr>", sheetFormatPrXml, '<sheetFormatPr defaultRowHeight="15"/>'],
  ["<cols>, none set", () => colsXml([]), ""],
  [
    "<cols>, a width per column",
    () => colsXml([44, 16.5]),
    '<cols><col min="1" max="1" width="44" customWidth="1"/><col min="2" max="2" width="16.5" customWidth="1"/></cols>',
  ],
  [
    "<conditionalFormatting>, rules in priority order, formulas escaped",
    () =>
      conditionalFormattingXml({
        range: "F21:F44",
        rules: [
          { formula: 'F21="On track"', style: 0 },
          { formula: 'F21="A & B"', style: 2 },
        ],
      }),
    '<conditionalFormatting sqref="F21:F44"><cfRule type="expression" dxfId="0" priority="1"><formula>F21="On track"</formula></cfRule><cfRule type="expression" dxfId="2" priority="2"><formula>F21="A &amp; B"</formula></cfRule></conditionalFormatting>',
  ],
  [
    "<pageMargins>, Excel's defaults",
    pageMarginsXml,
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  ],
  [
    "<pageMargins>, narrow",
    narrowPageMarginsXml,
    '<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  ],
  [
    "<pageSetup>, landscape at a scale",
    () => pageSetupXml(72),
    '<pageSetup scale="72" orientation="landscape"/>',
  ],
  ["<mergeCells>, none", () => mergeCellsXml([]), ""],
  [
    "<mergeCells>",
    () => mergeCellsXml(["A32:L32", "B3:C3"]),
    '<mergeCells count="2"><mergeCell ref="A32:L32"/><mergeCell ref="B3:C3"/></mergeCells>',
  ],
  ["<rowBreaks>, none", () => rowBreaksXml([]), ""],
  [
    "<rowBreaks>: a page break above rows 31 and 55",
    () => rowBreaksXml([31, 55]),
    '<rowBreaks count="2" manualBreakCount="2"><brk id="30" max="16383" man="1"/><brk id="54" max="16383" man="1"/></rowBreaks>',
  ],
  ["<drawing>", () => drawingXml("rId1"), '<drawing r:id="rId1"/>'],
  ["<tableParts>, none", () => tablePartsXml([]), ""],
  [
    "<tableParts>",
    () => tablePartsXml(["rId1", "rId3"]),
    '<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId3"/></tableParts>',
  ],
])("%s", (_name, write, expected) => {
  expect(write()).toBe(expected);
});

const inline = { dynamicArrayMetadata: 1 };
const shared = { dynamicArrayMetadata: 1, sharedString: (text: string) => text.length };
const at = (cell: Omit<CellOut, "row" | "column">): CellOut => ({ row: 4, column: 2, ...cell });

test.each<[string, CellOut, Pick<WorksheetOut, "dynamicArrayMetadata" | "sharedString">, string]>([
  ["a number", at({ value: 45736 }), inline, '<c r="B4"><v>45736</v></c>'],
  [
    "a number with a format",
    at({ value: 0.25, style: 3 }),
    inline,
    '<c r="B4" s="3"><v>0.25</v></c>',
  ],
  ["format 0 is not written", at({ value: 1, style: 0 }), inline, '<c r="B4"><v>1</v></c>'],
  ["a blank with a format", at({ value: "", style: 2 }), inline, '<c r="B4" s="2"/>'],
  ["a blank", at({ value: null }), inline, '<c r="B4"/>'],
  [
    "text, inline",
    at({ value: "A & <B>" }),
    inline,
    '<c r="B4" t="inlineStr"><is><t>A &amp; &lt;B&gt;</t></is></c>',
  ],
  [
    "text with spaces at its ends",
    at({ value: " Net " }),
    inline,
    '<c r="B4" t="inlineStr"><is><t xml:space="preserve"> Net </t></is></c>',
  ],
  ["text, shared", at({ value: "Revenue" }), shared, '<c r="B4" t="s"><v>7</v></c>'],
  ["TRUE", at({ value: true }), inline, '<c r="B4" t="b"><v>1</v></c>'],
  [
    "an error value",
    at({ value: new ErrorValue("#N/A") }),
    inline,
    '<c r="B4" t="e"><v>#N/A</v></c>',
  ],
  [
    "a number no cell can hold",
    at({ value: Infinity }),
    inline,
    '<c r="B4" t="e"><v>#NUM!</v></c>',
  ],
  [
    "a formula and its number, as a dynamic array",
    at({ formula: "SUM(Sales[Amount])", result: 1150, style: 5 }),
    inline,
    '<c r="B4" s="5" cm="1"><f t="array" ref="B4">SUM(Sales[Amount])</f><v>1150</v></c>',
  ],
  [
    "a formula's text result, escaped",
    at({ formula: 'IF(A1>0,"a<b","")', result: "a<b" }),
    inline,
    '<c r="B4" t="str" cm="1"><f t="array" ref="B4">IF(A1&gt;0,"a&lt;b","")</f><v>a&lt;b</v></c>',
  ],
  [
    "a formula without a result",
    at({ formula: "NOW()" }),
    inline,
    '<c r="B4" t="str" cm="1"><f t="array" ref="B4">NOW()</f><v></v></c>',
  ],
  [
    "a formula that spills 3 rows × 2 columns",
    at({ formula: "_xlfn.UNIQUE(A1:B9)", result: 7, spill: { rows: 3, columns: 2 } }),
    { dynamicArrayMetadata: 2 },
    '<c r="B4" cm="2"><f t="array" ref="B4:C6">_xlfn.UNIQUE(A1:B9)</f><v>7</v></c>',
  ],
  [
    "a value a formula spilled: a result, never a shared string",
    at({ value: "Retail", spilled: true }),
    shared,
    '<c r="B4" t="str"><v>Retail</v></c>',
  ],
])("<c>: %s", (_name, cell, sheet, expected) => {
  expect(cellXml(cell, sheet)).toBe(expected);
});

test("a whole sheet: head, rows in order, heights, merges, conditional formats, margins, print set-up, breaks, drawing, tables", async () => {
  const cells: CellOut[] = [
    { row: 1, column: 1, value: "Title", style: 1 },
    { row: 3, column: 1, value: "As of" },
    { row: 3, column: 2, formula: "MAX(T[Date])", result: 45736, style: 2 },
  ];
  let xml = "";
  for await (const chunk of worksheetXml({
    cells,
    columnWidths: [20],
    showGridLines: false,
    frozenRows: 1,
    selected: true,
    rowHeights: new Map([[3, 30]]),
    merges: ["A1:B1"],
    print: { scale: 80, rowBreaks: [3] },
    drawing: "rId2",
    conditionalFormats: [{ range: "B3", rules: [{ formula: "B3>0", style: 0 }] }],
    tableParts: ["rId1"],
    dimension: "A1:B3",
    dynamicArrayMetadata: 1,
  }))
    xml += chunk;
  expect(xml).toBe(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<dimension ref="A1:B3"/>' +
      '<sheetViews><sheetView showGridLines="0" tabSelected="1" topLeftCell="A1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      '<cols><col min="1" max="1" width="20" customWidth="1"/></cols>' +
      "<sheetData>" +
      '<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>Title</t></is></c></row>' +
      '<row r="3" ht="30" customHeight="1"><c r="A3" t="inlineStr"><is><t>As of</t></is></c><c r="B3" s="2" cm="1"><f t="array" ref="B3">MAX(T[Date])</f><v>45736</v></c></row>' +
      "</sheetData>" +
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' +
      '<conditionalFormatting sqref="B3"><cfRule type="expression" dxfId="0" priority="1"><formula>B3&gt;0</formula></cfRule></conditionalFormatting>' +
      '<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<pageSetup scale="80" orientation="landscape"/>' +
      '<rowBreaks count="1" manualBreakCount="1"><brk id="2" max="16383" man="1"/></rowBreaks>' +
      '<drawing r:id="rId2"/>' +
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' +
      "</worksheet>"
  );
});

test("a sheet with no cells and nothing else set", async () => {
  let xml = "";
  for await (const chunk of worksheetXml({ cells: [], dynamicArrayMetadata: 1 })) xml += chunk;
  expect(xml).toBe(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      "<sheetData></sheetData>" +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      "</worksheet>"
  );
});
