/**
 * Custom XML parts of a workbook package, as Office stores what `workbook.customXmlParts` holds:
 * `customXml/itemN.xml` (the XML itself), `customXml/itemPropsN.xml` (its data-store item id and
 * schema) and `customXml/_rels/itemN.xml.rels` between them, and a relationship from the workbook
 * part to the item. Found by the namespace of the item's root element, as Office's
 * `getByNamespace` finds it; read within a byte budget, whatever the entry declares.
 */
import {
  RELATIONSHIPS_XML_START,
  relationshipXml,
  relationshipsPartOf,
  sameType,
} from "./relationships";
import { XlsxPackage } from "./xlsxPackage";
import { escapeAttribute } from "./xmlText";
import { PartData, joinedBytes } from "./zipArchive";

export const CUSTOM_XML = {
  relationship: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  propertiesRelationship:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
  propertiesType: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  itemType: "application/xml",
  dataStoreNamespace: "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
} as const;

/** Parts, content types and workbook relationships a copy of the package adds or puts in place. */
export interface PackageAdditions {
  /** Parts by name: new, or in place of the source's part of that name. */
  readonly parts: ReadonlyMap<string, PartData>;
  /** Content type overrides for new parts. */
  readonly contentTypes: ReadonlyMap<string, string>;
  readonly workbookRelationships: readonly { readonly type: string; readonly target: string }[];
}

/** A custom XML item found: its part, and its text or how big it is past the budget. */
export type FoundItem =
  | { readonly part: string; readonly xml: string }
  | { readonly part: string; readonly tooBig: true };

/** The custom XML items of the package: those the workbook relates to, and any customXml/itemN.xml. */
function itemParts(pkg: XlsxPackage): string[] {
  const found = new Set<string>();
  for (const r of pkg.workbookRelationships)
    if (!r.external && sameType(r.type, CUSTOM_XML.relationship) && pkg.archive.has(r.target))
      found.add(pkg.archive.storedName(r.target) as string);
  for (const name of pkg.archive.names())
    if (/^customXml\/item\d+\.xml$/i.test(name)) found.add(name);
  return [...found].sort((a, b) => itemNumber(a) - itemNumber(b));
}

const itemNumber = (part: string): number => Number(/(\d+)\.xml$/i.exec(part)?.[1] ?? 0);

/**
 * At most `budget` bytes of a part: null when it holds more, or (never null) its first bytes
 * when `head`.
 */
async function boundedBytes(
  pkg: XlsxPackage,
  part: string,
  budget: number,
  head = false
): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  await pkg.archive.stream(part, (chunk) => {
    const room = budget - size;
    size += chunk.length;
    if (size > budget) {
      if (head) chunks.push(chunk.subarray(0, room));
      return false;
    }
    chunks.push(chunk);
    return true;
  });
  if (size > budget && !head) return null;
  return joinedBytes(chunks);
}

/** XML bytes as text: UTF-16 by its byte-order mark, else UTF-8. */
function decoded(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
}

/** The namespace of the root element, read from its start tag (no parse of the whole text). */
export function rootNamespace(xml: string): string | null {
  const tag =
    /<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(
      xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, "")
    );
  if (tag === null) return null;
  const prefix = tag[2] === undefined ? "" : tag[1];
  const declaration = prefix === "" ? "xmlns" : `xmlns:${prefix}`;
  for (const m of tag[3].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (m[1] === declaration) return m[2] ?? m[3] ?? "";
  return null;
}

/**
 * The first custom XML item whose root element is in `namespace`; an item larger than `budget`
 * bytes that begins like one is reported as too big rather than read.
 */
export async function findCustomXmlItem(
  pkg: XlsxPackage,
  namespace: string,
  budget: number
): Promise<FoundItem | null> {
  for (const part of itemParts(pkg)) {
    const bytes = await boundedBytes(pkg, part, budget);
    if (bytes !== null) {
      const xml = decoded(bytes);
      if (rootNamespace(xml) === namespace) return { part, xml };
    } else if (
      rootNamespace(decoded((await boundedBytes(pkg, part, 4096, true)) ?? new Uint8Array())) ===
      namespace
    )
      return { part, tooBig: true };
  }
  return null;
}

/** A new data-store item id, as Office writes them: a GUID in braces, upper case. */
const newItemId = (): string => `{${globalThis.crypto.randomUUID().toUpperCase()}}`;

/** The item's properties part: its id, and the namespace as its schema. */
export function itemPropertiesXml(itemId: string, namespace: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
    `<ds:datastoreItem ds:itemID="${escapeAttribute(itemId)}" xmlns:ds="${CUSTOM_XML.dataStoreNamespace}">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${escapeAttribute(namespace)}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

/**
 * What puts `xml` in the package as the custom XML item of its namespace: in place of the item
 * already there, or as a new item with its properties, relationships and content types.
 */
export async function customXmlAdditions(
  pkg: XlsxPackage,
  namespace: string,
  xml: string,
  budget: number,
  itemId: string = newItemId()
): Promise<PackageAdditions> {
  const existing = await findCustomXmlItem(pkg, namespace, budget);
  if (existing !== null)
    return {
      parts: new Map([[existing.part, xml]]),
      contentTypes: new Map(),
      workbookRelationships: [],
    };
  const names = pkg.archive.names();
  let n = 1;
  while (names.some((p) => new RegExp(`^customXml/item(Props)?${n}\\.xml$`, "i").test(p))) n++;
  const item = `customXml/item${n}.xml`;
  const properties = `customXml/itemProps${n}.xml`;
  const contentTypes = new Map<string, string>([[properties, CUSTOM_XML.propertiesType]]);
  if (pkg.contentTypes.typeOf(item) === undefined) contentTypes.set(item, CUSTOM_XML.itemType);
  const itemRelationships = `${RELATIONSHIPS_XML_START}${relationshipXml(
    "rId1",
    CUSTOM_XML.propertiesRelationship,
    item,
    properties
  )}</Relationships>`;
  return {
    parts: new Map<string, PartData>([
      [item, xml],
      [properties, itemPropertiesXml(itemId, namespace)],
      [relationshipsPartOf(item), itemRelationships],
    ]),
    contentTypes,
    workbookRelationships: [{ type: CUSTOM_XML.relationship, target: item }],
  };
}
