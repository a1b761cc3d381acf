/** The workbook part, a table part and the shared strings of a new workbook, as exact text. */
import {
  calcPrXml,
  sharedStringXml,
  sheetXml,
  tableColumnsXml,
  tableStyleInfoXml,
  tableXml,
  workbookXml,
} from "../../src/xlsx/newWorkbook";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

test.each<[string, () => string, string]>([
  ["<sheet>", () => sheetXml("Sales", 1, "rId1"), '<sheet name="Sales" sheetId="1" r:id="rId1"/>'],
  [
    "<sheet>, a name with markup characters",
    () => sheetXml('Q1 "A&B"', 2, "rId2"),
    '<sheet name="Q1 &quot;A&amp;B&quot;" sheetId="2" r:id="rId2"/>',
  ],
  ["<calcPr>", calcPrXml, '<calcPr calcId="191029"/>'],
  [
    "<tableColumns>",
    () => tableColumnsXml(["Customer", "R&D"]),
    '<tableColumns count="2"><tableColumn id="1" name="Customer"/><tableColumn id="2" name="R&amp;D"/></tableColumns>',
  ],
  [
    "<tableStyleInfo>, Excel's default for a new table",
    tableStyleInfoXml,
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>',
  ],
  ["<si>", () => sharedStringXml("A < B"), "<si><t>A &lt; B</t></si>"],
  [
    "<si>, spaces at its ends kept",
    () => sharedStringXml("Net "),
    '<si><t xml:space="preserve">Net </t></si>',
  ],
])("%s", (_name, write, expected) => {
  expect(write()).toBe(expected);
});

test("the workbook part: its sheets in order, the first active", () => {
  expect(workbookXml([sheetXml("Sales", 1, "rId1"), sheetXml("Leads", 2, "rId2")])).toBe(
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
      '<sheets><sheet name="Sales" sheetId="1" r:id="rId1"/><sheet name="Leads" sheetId="2" r:id="rId2"/></sheets>' +
      '<calcPr calcId="191029"/></workbook>'
  );
});

test("a table part, as Excel writes a new table (the reference table01.xlsx's structure)", () => {
  expect(tableXml(1, { name: "Sales", headers: ["Customer", "Amount"] }, "A1:B11")).toBe(
    `${HEAD}<table xmlns="${MAIN}" id="1" name="Sales" displayName="Sales" ref="A1:B11" totalsRowShown="0">` +
      '<autoFilter ref="A1:B11"/>' +
      '<tableColumns count="2"><tableColumn id="1" name="Customer"/><tableColumn id="2" name="Amount"/></tableColumns>' +
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
      "</table>"
  );
});
