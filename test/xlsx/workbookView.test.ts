/** The workbook opens on the Scorecard: activeTab and firstSheet on the first workbook view, the sheet selected before deselected. */
import { deselectedHead, withActiveTab } from "../../src/xlsx/workbookView";

const W = '<workbook xmlns="m">';
const SHEETS = '<sheets><sheet name="A"/><sheet name="B"/><sheet name="Scorecard"/></sheets>';

test.each([
  [
    "a view on the first sheet: moved to the Scorecard",
    `${W}<bookViews><workbookView xWindow="0" activeTab="0"/></bookViews>${SHEETS}</workbook>`,
    `${W}<bookViews><workbookView xWindow="0" activeTab="2"/></bookViews>${SHEETS}</workbook>`,
  ],
  [
    "a view without activeTab: added",
    `${W}<bookViews><workbookView/></bookViews>${SHEETS}</workbook>`,
    `${W}<bookViews><workbookView activeTab="2"/></bookViews>${SHEETS}</workbook>`,
  ],
  [
    "tabs scrolled past the Scorecard: firstSheet brought back to it",
    `${W}<bookViews><workbookView firstSheet='3' activeTab="3"></workbookView></bookViews>${SHEETS}</workbook>`,
    `${W}<bookViews><workbookView firstSheet="2" activeTab="2"></workbookView></bookViews>${SHEETS}</workbook>`,
  ],
  [
    "no bookViews: one added before the sheets, in the schema's order",
    `${W}<workbookPr/>${SHEETS}</workbook>`,
    `${W}<workbookPr/><bookViews><workbookView activeTab="2"/></bookViews>${SHEETS}</workbook>`,
  ],
  [
    "an empty bookViews, prefixed names: the view added inside, with the prefix",
    `<x:workbook xmlns:x="m"><x:bookViews/><x:sheets/></x:workbook>`,
    `<x:workbook xmlns:x="m"><x:bookViews><x:workbookView activeTab="2"/></x:bookViews><x:sheets/></x:workbook>`,
  ],
  [
    "already on it: unchanged",
    `${W}<bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews>${SHEETS}</workbook>`,
    `${W}<bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews>${SHEETS}</workbook>`,
  ],
])("%s", (_name, xml, expected) => {
  expect(withActiveTab(xml, 2)).toBe(expected);
});

test("the sheet selected before is deselected, its other attributes kept; a sheet not selected is left alone", () => {
  expect(
    deselectedHead('<worksheet><sheetViews><sheetView tabSelected="1" workbookViewId="0"/>')
  ).toBe('<worksheet><sheetViews><sheetView workbookViewId="0"/>');
  expect(deselectedHead("<x:sheetView tabSelected='true' zoomScale=\"90\">")).toBe(
    '<x:sheetView zoomScale="90">'
  );
  expect(deselectedHead('<worksheet><sheetViews><sheetView workbookViewId="0"/>')).toBeNull();
});
