/** Relationships parts, element by element and whole, as exact text. */
import {
  RELATIONSHIP_TYPES,
  relationshipXml,
  relationshipsXml,
} from "../../src/xlsx/relationships";

test.each<[string, () => string, string]>([
  [
    "<Relationship> from the workbook to a sheet",
    () =>
      relationshipXml(
        "rId3",
        RELATIONSHIP_TYPES.worksheet,
        "xl/workbook.xml",
        "xl/worksheets/sheet3.xml"
      ),
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>',
  ],
  [
    "<Relationship> from a sheet to its table: relative, up a folder",
    () =>
      relationshipXml(
        "rId1",
        RELATIONSHIP_TYPES.table,
        "xl/worksheets/sheet1.xml",
        "xl/tables/table1.xml"
      ),
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/>',
  ],
  [
    "<Relationship> from the package to the workbook",
    () => relationshipXml("rId1", RELATIONSHIP_TYPES.officeDocument, "", "xl/workbook.xml"),
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>',
  ],
  [
    "<Relationship> to the core properties, a package-level type",
    () => relationshipXml("rId2", RELATIONSHIP_TYPES.coreProperties, "", "docProps/core.xml"),
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
  ],
])("%s", (_name, write, expected) => {
  expect(write()).toBe(expected);
});

test("a whole part", () => {
  expect(
    relationshipsXml([
      relationshipXml("rId1", RELATIONSHIP_TYPES.styles, "xl/workbook.xml", "xl/styles.xml"),
    ])
  ).toBe(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      "</Relationships>"
  );
});
