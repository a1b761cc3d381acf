/**
 * xl/metadata.xml, element by element, as exact text: the dynamic-array type, its future-metadata
 * block and a cell record, and the whole new part (which is Excel's own: test/xlsx/parts.test.ts).
 */
import {
  FUTURE_BLOCK,
  METADATA_TYPE,
  NEW_METADATA_XML,
  cellMetadataRecordXml,
  dynamicArrayMetadata,
} from "../../src/xlsx/metadataPart";

test.each<[string, string, string]>([
  [
    "<metadataType> XLDAPR",
    METADATA_TYPE,
    '<metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/>',
  ],
  [
    "<bk> of the future metadata: a dynamic array",
    FUTURE_BLOCK,
    '<bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk>',
  ],
  ["<bk> of the cell metadata", cellMetadataRecordXml(2, 0), '<bk><rc t="2" v="0"/></bk>'],
])("%s", (_name, written, expected) => {
  expect(written).toBe(expected);
});

test("the new part", () => {
  expect(NEW_METADATA_XML).toBe(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
      `<metadataTypes count="1">${METADATA_TYPE}</metadataTypes>` +
      `<futureMetadata name="XLDAPR" count="1">${FUTURE_BLOCK}</futureMetadata>` +
      '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
      "</metadata>"
  );
});

test("a part with other metadata: the namespace, the type, the block and the record added after its own", () => {
  const source =
    '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><metadataTypes count="1"><metadataType name="XLRICHVALUE"/></metadataTypes>' +
    '<futureMetadata name="XLRICHVALUE" count="1"><bk/></futureMetadata><valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>';
  expect(dynamicArrayMetadata(source)).toEqual({
    cellMetadataIndex: 1,
    xml:
      '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
      `<metadataTypes count="2"><metadataType name="XLRICHVALUE"/>${METADATA_TYPE}</metadataTypes>` +
      '<futureMetadata name="XLRICHVALUE" count="1"><bk/></futureMetadata>' +
      `<futureMetadata name="XLDAPR" count="1">${FUTURE_BLOCK}</futureMetadata>` +
      '<cellMetadata count="1"><bk><rc t="2" v="0"/></bk></cellMetadata>' +
      '<valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>',
  });
});
