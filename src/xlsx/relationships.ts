/**
 * Relationships of the package format (OPC): each part's `_rels/<name>.rels`, whose targets may be
 * relative to the part ("worksheets/sheet1.xml", "../tables/table1.xml") or absolute from the
 * package root ("/xl/tables/table1.xml", as openpyxl writes them). Part names here have no leading
 * slash, as zip entries do.
 */
import { escapeAttribute } from "./xmlText";
import { childrenNamed, parseXml } from "./xmlTree";

export const RELATIONSHIP_TYPES = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  sheetMetadata:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  extendedProperties:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
  coreProperties:
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  theme: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

/** The strict (ISO 29500 strict) spelling of the same types: purl.oclc.org instead of schemas.openxmlformats.org. */
const STRICT_PREFIX = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
const TRANSITIONAL_PREFIX = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export const RELATIONSHIPS_NAMESPACE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name from the package root, or the URL itself when external. */
  readonly target: string;
  readonly external: boolean;
}

/** `_rels/.rels` for "", `xl/_rels/workbook.xml.rels` for "xl/workbook.xml". */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a `.rels` part describes ("" for the package's own). */
export function sourceOfRelationshipsPart(relsPart: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPart);
  return m === null ? "" : m[1] + m[2];
}

/** A target resolved against the part that names it: "." and ".." folded, a leading "/" from the root. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = decodePercent(target.split("#")[0].replace(/\\/g, "/"));
  const base = clean.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of clean.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray "%": the name is meant literally
  }
}

/** The target as written in `sourcePart`'s relationships: relative, as Excel writes them. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Relationship types compared in their transitional spelling. */
export function sameType(type: string, wanted: string): boolean {
  return (
    type === wanted ||
    (type.startsWith(STRICT_PREFIX) &&
      wanted.startsWith(TRANSITIONAL_PREFIX) &&
      type.slice(STRICT_PREFIX.length) === wanted.slice(TRANSITIONAL_PREFIX.length))
  );
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  return childrenNamed(parseXml(xml), "Relationship").map((el) => {
    const external = (el.attributes.get("TargetMode") ?? "").toLowerCase() === "external";
    const target = el.attributes.get("Target") ?? "";
    return {
      id: el.attributes.get("Id") ?? "",
      type: el.attributes.get("Type") ?? "",
      target: external ? target : resolveTarget(sourcePart, target),
      external,
    };
  });
}

/** An id not yet used: rId1, rId2, ... */
export function freeRelationshipId(used: Iterable<string>): string {
  const taken = new Set(used);
  let i = 1;
  while (taken.has(`rId${i}`)) i++;
  return `rId${i}`;
}

/** One <Relationship> element, its target written relative to the source part. */
export function relationshipXml(
  id: string,
  type: string,
  sourcePart: string,
  targetPart: string
): string {
  return `<Relationship Id="${escapeAttribute(id)}" Type="${escapeAttribute(type)}" Target="${escapeAttribute(relativeTarget(sourcePart, targetPart))}"/>`;
}

export const RELATIONSHIPS_XML_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** A whole relationships part from its <Relationship> elements. */
export const relationshipsXml = (relationships: readonly string[]): string =>
  `${RELATIONSHIPS_XML_START}${relationships.join("")}</Relationships>`;
