/** [Content_Types].xml, element by element, new and edited, as exact text. */
import { CONTENT_TYPES, ContentTypes, defaultXml, overrideXml } from "../../src/xlsx/contentTypes";
import { contentTypesXml } from "../../src/xlsx/newWorkbook";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

test.each<[string, () => string, string]>([
  [
    "<Default>",
    () => defaultXml("rels", CONTENT_TYPES.relationships),
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
  ],
  [
    "<Override>, the part named from the package root",
    () => overrideXml("xl/metadata.xml", CONTENT_TYPES.sheetMetadata),
    '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>',
  ],
  [
    "<Override>, in a part that writes its elements with a prefix",
    () => overrideXml("xl/worksheets/sheet2.xml", CONTENT_TYPES.worksheet, "ct:"),
    '<ct:Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
  ],
])("%s", (_name, write, expected) => {
  expect(write()).toBe(expected);
});

test("a new workbook's part: the defaults, then the workbook's own parts, then each sheet's", () => {
  expect(contentTypesXml([["xl/worksheets/sheet1.xml", CONTENT_TYPES.worksheet]])).toBe(
    `${HEAD}<Types xmlns="${TYPES}">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      "</Types>"
  );
});

test("an edited part: the gone overrides cut out, the new ones at the end, the rest as written", () => {
  const source =
    `<Types xmlns="${TYPES}"><Default Extension="xml" ContentType="application/xml"/>\n` +
    '<Override PartName="/xl/workbook.xml" ContentType="w"/>\n<Override PartName="/xl/calcChain.xml" ContentType="c"/></Types>';
  expect(
    new ContentTypes(source).edited(
      new Map([["xl/metadata.xml", CONTENT_TYPES.sheetMetadata]]),
      new Set(["xl/calcChain.xml"])
    )
  ).toBe(
    `<Types xmlns="${TYPES}"><Default Extension="xml" ContentType="application/xml"/>\n` +
      '<Override PartName="/xl/workbook.xml" ContentType="w"/>\n' +
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>'
  );
});
