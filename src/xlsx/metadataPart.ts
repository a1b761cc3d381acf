/**
 * xl/metadata.xml: the cell metadata record that marks a formula as a dynamic array (XLDAPR),
 * which cells point at with cm="…", as Excel writes it (SPEC.md §5). A workbook that has the part
 * already keeps it, and its record is reused when it has one.
 */
import {
  XmlElement,
  Splice,
  appendChildren,
  applySplices,
  child,
  childrenNamed,
  insertionPoint,
  parseXml,
  setAttribute,
} from "./xmlTree";

const DYNAMIC_ARRAY_TYPE = "XLDAPR";
const DYNAMIC_ARRAY_EXTENSION = "{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}";
const DYNAMIC_ARRAY_NAMESPACE =
  "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray";

/** The children of <metadata> in the schema's order. */
const ORDER = [
  "metadataTypes",
  "metadataStrings",
  "mdxMetadata",
  "futureMetadata",
  "cellMetadata",
  "valueMetadata",
  "extLst",
];

/** The dynamic-array metadata type, as Excel declares it. */
export const METADATA_TYPE = `<metadataType name="${DYNAMIC_ARRAY_TYPE}" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/>`;
/** The future-metadata block that says "a dynamic array". */
export const FUTURE_BLOCK = `<bk><extLst><ext uri="${DYNAMIC_ARRAY_EXTENSION}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk>`;

export const NEW_METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="${DYNAMIC_ARRAY_NAMESPACE}">` +
  `<metadataTypes count="1">${METADATA_TYPE}</metadataTypes>` +
  `<futureMetadata name="${DYNAMIC_ARRAY_TYPE}" count="1">${FUTURE_BLOCK}</futureMetadata>` +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  "</metadata>";

/** A cell metadata record: metadata type `t` (1-based) and block `v` of its future metadata (0-based). */
export const cellMetadataRecordXml = (t: number, v: number): string =>
  `<bk><rc t="${t}" v="${v}"/></bk>`;

export interface DynamicArrayMetadata {
  /** The value of a dynamic-array cell's cm attribute (1-based cell metadata record). */
  readonly cellMetadataIndex: number;
  /** The part's new text, or null when the existing part already has the record. */
  readonly xml: string | null;
}

/** The dynamic-array record of an existing metadata part (reused, or added), or a new part. */
export function dynamicArrayMetadata(existing: string | null): DynamicArrayMetadata {
  if (existing === null) return { cellMetadataIndex: 1, xml: NEW_METADATA_XML };
  const root = parseXml(existing);
  const types = child(root, "metadataTypes");
  const typeIndex =
    types === undefined
      ? -1
      : childrenNamed(types, "metadataType").findIndex(
          (t) => t.attributes.get("name") === DYNAMIC_ARRAY_TYPE
        );
  const future = root.children.find(
    (c) => c.local === "futureMetadata" && c.attributes.get("name") === DYNAMIC_ARRAY_TYPE
  );
  const cells = child(root, "cellMetadata");
  if (typeIndex >= 0 && future !== undefined && cells !== undefined) {
    const dynamicBlock = childrenNamed(future, "bk").findIndex((bk) =>
      /fDynamic="1"/.test(existing.slice(bk.start, bk.end))
    );
    const found = childrenNamed(cells, "bk").findIndex((bk) => {
      const rc = child(bk, "rc");
      return (
        rc !== undefined &&
        Number(rc.attributes.get("t")) === typeIndex + 1 &&
        Number(rc.attributes.get("v")) === dynamicBlock
      );
    });
    if (dynamicBlock >= 0 && found >= 0) return { cellMetadataIndex: found + 1, xml: null };
  }
  return addRecord(existing, root, types, typeIndex, future, cells);
}

/** Adds what is missing of the type, the future-metadata block and the cell record, after what exists. */
function addRecord(
  xml: string,
  root: XmlElement,
  types: XmlElement | undefined,
  typeIndex: number,
  future: XmlElement | undefined,
  cells: XmlElement | undefined
): DynamicArrayMetadata {
  const splices: Splice[] = [];
  const p = root.prefix === "" ? "" : `${root.prefix}:`;
  // Our markup in the part's own prefix for the main namespace; xda: stays as it is.
  const prefixed = (markup: string): string =>
    p === "" ? markup : markup.replace(/<(\/?)(?!xda:)(\w)/g, `<$1${p}$2`);
  if (root.attributes.get("xmlns:xda") !== DYNAMIC_ARRAY_NAMESPACE)
    splices.push(setAttribute(xml, root, "xmlns:xda", DYNAMIC_ARRAY_NAMESPACE));
  let type = typeIndex + 1;
  if (typeIndex < 0) {
    const count = types === undefined ? 0 : childrenNamed(types, "metadataType").length;
    type = count + 1;
    if (types === undefined) {
      const at = insertionPoint(root, ORDER, "metadataTypes");
      splices.push({
        start: at,
        end: at,
        text: prefixed(`<metadataTypes count="1">${METADATA_TYPE}</metadataTypes>`),
      });
    } else splices.push(...appendChildren(xml, types, prefixed(METADATA_TYPE), count + 1));
  }
  let block = 0;
  if (future === undefined) {
    const at = insertionPoint(root, ORDER, "futureMetadata");
    splices.push({
      start: at,
      end: at,
      text: prefixed(
        `<futureMetadata name="${DYNAMIC_ARRAY_TYPE}" count="1">${FUTURE_BLOCK}</futureMetadata>`
      ),
    });
  } else {
    block = childrenNamed(future, "bk").length;
    splices.push(...appendChildren(xml, future, prefixed(FUTURE_BLOCK), block + 1));
  }
  const record = cellMetadataRecordXml(type, block);
  let index = 1;
  if (cells === undefined) {
    const at = insertionPoint(root, ORDER, "cellMetadata");
    splices.push({
      start: at,
      end: at,
      text: prefixed(`<cellMetadata count="1">${record}</cellMetadata>`),
    });
  } else {
    index = childrenNamed(cells, "bk").length + 1;
    splices.push(...appendChildren(xml, cells, prefixed(record), index));
  }
  return { cellMetadataIndex: index, xml: applySplices(xml, splices) };
}
