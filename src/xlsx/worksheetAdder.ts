/**
 * A copy of a workbook package with one worksheet added, or put in place of one an earlier build
 * made. Every part that does not have to change is copied with its compressed bytes unchanged;
 * the parts that change are the new sheet, [Content_Types].xml, the workbook part and its
 * relationships, the styles part, docProps/app.xml and, for dynamic arrays, xl/metadata.xml. A
 * replaced sheet takes with it the parts only it used (its drawing and charts, say) and the
 * calculation chain, which Excel rebuilds. The sheet's own charts are new parts (drawingPart.ts),
 * and when it is the sheet the workbook opens on, the sheet selected before is deselected
 * (workbookView.ts).
 */
import { CONTENT_TYPES, CONTENT_TYPES_PART } from "./contentTypes";
import { PackageAdditions } from "./customXmlPart";
import { SheetChartOut, drawingParts } from "./drawingPart";
import { WORKBOOK_ORDER, deselectedSheet, withActiveTab } from "./workbookView";
import { dynamicArrayMetadata } from "./metadataPart";
import {
  RELATIONSHIPS_NAMESPACE,
  RELATIONSHIPS_XML_START,
  RELATIONSHIP_TYPES,
  Relationship,
  freeRelationshipId,
  parseRelationships,
  relationshipXml,
  relationshipsPartOf,
  sameType,
  sourceOfRelationshipsPart,
} from "./relationships";
import { EMPTY_STYLES_XML, StylesEditor } from "./stylesPart";
import { WorksheetOut, worksheetXml } from "./worksheetXml";
import { excelSheetName } from "../plan/references";
import { WorksheetInfo, XlsxPackage } from "./xlsxPackage";
import { escapeAttribute, escapeText } from "./xmlText";
import {
  Splice,
  XmlElement,
  appendChildren,
  applySplices,
  child,
  childrenNamed,
  insertionPoint,
  parseXml,
  prefixOf,
} from "./xmlTree";
import { ArchiveOutput, PartData, writeArchive } from "./zipArchive";

export interface WorksheetRequest {
  /** The sheet's name when it is added (made one Excel accepts, unique); a replaced sheet keeps its own. */
  readonly name: string;
  /** The sheet to put this one in place of, keeping its name and position; null to add one. */
  readonly replacing: WorksheetInfo | null;
  /** The sheet's content, once the styles it needs and the dynamic-array record are known. */
  readonly content: (styles: StylesEditor, dynamicArrayMetadata: number) => WorksheetOut;
  /** Parts written beside the sheet (the stored settings' custom XML part). */
  readonly additions?: PackageAdditions;
  /** The sheet's charts, made once its name is known (their series name it). */
  readonly charts?: (sheetName: string) => readonly SheetChartOut[];
  /** The workbook opens on this sheet: its tab active and the only one selected. */
  readonly active?: boolean;
  /**
   * A hidden workbook-level defined name to point at the sheet (set, or put right when it points
   * elsewhere): the identity a copy of the sheet does not carry.
   */
  readonly identity?: { readonly name: string; readonly formula: (sheetName: string) => string };
}

export interface WrittenWorkbook {
  readonly sheetName: string;
  /** The new package when the output was not a stream. */
  readonly blob: Blob | null;
}

export async function writeWithWorksheet(
  pkg: XlsxPackage,
  request: WorksheetRequest,
  output: ArchiveOutput
): Promise<WrittenWorkbook> {
  const archive = pkg.archive;
  const workbookPart = pkg.workbookPart;
  const workbookRelsPart = relationshipsPartOf(workbookPart);
  const changed = new Map<string, PartData>();
  const removed = new Set<string>();
  const newTypes = new Map<string, string>();
  const newRelationships: { type: string; target: string }[] = [];

  // The styles the sheet needs, after the source's own.
  let stylesPart = pkg.partOfType(RELATIONSHIP_TYPES.styles);
  const stylesXml = stylesPart === null ? EMPTY_STYLES_XML : await pkg.partText(stylesPart);
  const styles = await pkg.inPart(stylesPart ?? "xl/styles.xml", () => new StylesEditor(stylesXml));
  if (stylesPart === null) {
    stylesPart = freePartName(archive.names(), "xl/styles", ".xml");
    newTypes.set(stylesPart, CONTENT_TYPES.styles);
    newRelationships.push({ type: RELATIONSHIP_TYPES.styles, target: stylesPart });
  }
  // The dynamic-array record: the source's, or one added to its metadata part, or a new part.
  const metadataPart = pkg.partOfType(RELATIONSHIP_TYPES.sheetMetadata);
  const metadataXml = metadataPart === null ? null : await pkg.partText(metadataPart);
  const metadata = await pkg.inPart(metadataPart ?? "xl/metadata.xml", () =>
    dynamicArrayMetadata(metadataXml)
  );
  if (metadata.xml !== null) {
    const part = metadataPart ?? freePartName(archive.names(), "xl/metadata", ".xml");
    changed.set(part, metadata.xml);
    if (metadataPart === null) {
      newTypes.set(part, CONTENT_TYPES.sheetMetadata);
      newRelationships.push({ type: RELATIONSHIP_TYPES.sheetMetadata, target: part });
    }
  }

  const content = request.content(styles, metadata.cellMetadataIndex);
  let sheetName: string;
  let sheetPart: string;
  let workbookXml: string = pkg.workbookXml;
  if (request.replacing !== null) {
    sheetName = request.replacing.name;
    sheetPart = request.replacing.part;
    for (const part of await partsOnlyUsedBy(pkg, sheetPart)) removed.add(part);
    const calcChain = pkg.partOfType(RELATIONSHIP_TYPES.calcChain);
    if (calcChain !== null) removed.add(calcChain);
  } else {
    const taken = new Set(sheetNamesIn(pkg.workbookXml).map((n) => n.toLowerCase()));
    sheetName = excelSheetName(request.name, (n) => taken.has(n.toLowerCase()));
    sheetPart = freePartName(archive.names(), "xl/worksheets/sheet", ".xml");
    newTypes.set(sheetPart, CONTENT_TYPES.worksheet);
    newRelationships.push({ type: RELATIONSHIP_TYPES.worksheet, target: sheetPart });
  }
  const drawing = sheetDrawing(pkg, sheetPart, request.charts?.(sheetName) ?? [], removed);
  for (const [part, data] of drawing.parts) changed.set(part, data);
  for (const [part, type] of drawing.contentTypes) newTypes.set(part, type);
  const selected = request.active === true;
  changed.set(sheetPart, () =>
    worksheetXml({ ...content, drawing: drawing.relationshipId, selected })
  );
  if (!styles.unchanged) changed.set(stylesPart, styles.toXml());
  if (selected)
    for (const [part, xml] of await othersDeselected(pkg, sheetPart)) changed.set(part, xml);

  addParts(request.additions, changed, newTypes, newRelationships);
  // The workbook's relationships: new ones added, the calculation chain's dropped.
  const { added, dropped } = workbookRelationshipEdits(pkg, removed, newRelationships);
  if (added.length > 0 || dropped) {
    changed.set(
      workbookRelsPart,
      await editedRelationships(pkg, workbookRelsPart, removed, added, workbookPart)
    );
  }
  if (request.replacing === null) {
    const sheetRel = added.find((a) => a.type === RELATIONSHIP_TYPES.worksheet) as { id: string };
    workbookXml = withSheet(workbookXml, sheetName, sheetRel.id);
    const app = await editedAppProperties(pkg, sheetName);
    if (app !== null) changed.set(app.part, app.xml);
  }
  if (request.identity !== undefined)
    workbookXml = withDefinedName(
      workbookXml,
      request.identity.name,
      request.identity.formula(sheetName)
    );
  if (selected) workbookXml = withActiveTab(workbookXml, sheetIndexIn(workbookXml, sheetName));
  if (workbookXml !== pkg.workbookXml) changed.set(workbookPart, workbookXml);

  const first = new Map<string, PartData>([
    [
      archive.storedName(CONTENT_TYPES_PART) ?? CONTENT_TYPES_PART,
      pkg.contentTypes.edited(newTypes, removed),
    ],
  ]);
  const lower = (name: string): string => name.toLowerCase();
  const replacedOrGone = new Set([...changed.keys(), ...removed, ...first.keys()].map(lower));
  const blob = await writeArchive(
    archive,
    (name) => !replacedOrGone.has(lower(name)),
    first,
    changed,
    output
  );
  return { sheetName, blob };
}

/** The other sheets' parts with their views deselected, for those that were selected. */
async function othersDeselected(
  pkg: XlsxPackage,
  sheetPart: string
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const sheet of pkg.worksheets) {
    if (sheet.part.toLowerCase() === sheetPart.toLowerCase()) continue;
    const deselected = await deselectedSheet(pkg.archive, sheet.part);
    if (deselected !== null) out.set(sheet.part, deselected);
  }
  return out;
}

/**
 * The parts of a sheet's charts, named after every part the copy keeps, and the sheet's
 * relationships part pointing at their drawing (rId1: the sheet's earlier relationships, if it
 * replaces one, went with the parts only it used).
 */
function sheetDrawing(
  pkg: XlsxPackage,
  sheetPart: string,
  charts: readonly SheetChartOut[],
  removed: ReadonlySet<string>
): {
  parts: Map<string, PartData>;
  contentTypes: ReadonlyMap<string, string>;
  relationshipId?: string;
} {
  if (charts.length === 0) return { parts: new Map(), contentTypes: new Map() };
  const gone = new Set([...removed].map((p) => p.toLowerCase()));
  const kept = pkg.archive.names().filter((n) => !gone.has(n.toLowerCase()));
  const drawing = drawingParts(charts, kept);
  const parts = new Map<string, PartData>(drawing.parts);
  parts.set(
    relationshipsPartOf(sheetPart),
    `${RELATIONSHIPS_XML_START}${relationshipXml("rId1", RELATIONSHIP_TYPES.drawing, sheetPart, drawing.drawing)}</Relationships>`
  );
  return { parts, contentTypes: drawing.contentTypes, relationshipId: "rId1" };
}

/** The index of a sheet among the workbook part's <sheets>. */
function sheetIndexIn(workbookXml: string, name: string): number {
  const root = parseXml(workbookXml);
  const sheets = childrenNamed(child(root, "sheets") ?? root, "sheet");
  return Math.max(
    0,
    sheets.findIndex((s) => (s.attributes.get("name") ?? "").toLowerCase() === name.toLowerCase())
  );
}

/** The relationships to add to the workbook part's, with free ids, and whether some are dropped. */
function workbookRelationshipEdits(
  pkg: XlsxPackage,
  removed: ReadonlySet<string>,
  newRelationships: readonly { type: string; target: string }[]
): { added: { id: string; type: string; target: string }[]; dropped: boolean } {
  const kept = pkg.workbookRelationships.filter(
    (r) => !(r.external === false && removed.has(r.target))
  );
  const ids = kept.map((r) => r.id);
  const added: { id: string; type: string; target: string }[] = [];
  for (const r of newRelationships) {
    const id = freeRelationshipId([...ids, ...added.map((a) => a.id)]);
    added.push({ id, ...r });
  }
  return { added, dropped: kept.length !== pkg.workbookRelationships.length };
}

/** "xl/worksheets/sheet5.xml": the first number after every part of that stem. */
function freePartName(names: readonly string[], stem: string, extension: string): string {
  const pattern = new RegExp(
    `^${stem.replace(/[./]/g, "\\$&")}(\\d*)${extension.replace(".", "\\.")}$`,
    "i"
  );
  let highest = 0;
  let any = false;
  for (const n of names) {
    const m = pattern.exec(n);
    if (m === null) continue;
    any = true;
    highest = Math.max(highest, m[1] === "" ? 1 : Number(m[1]));
  }
  return any || stem.endsWith("sheet")
    ? `${stem}${highest + 1}${extension}`
    : `${stem}${extension}`;
}

/** The names of the workbook's sheets, as its part lists them. */
function sheetNamesIn(workbookXml: string): string[] {
  const root = parseXml(workbookXml);
  return childrenNamed(child(root, "sheets") ?? root, "sheet").map(
    (s) => s.attributes.get("name") ?? ""
  );
}

/**
 * The workbook part with a hidden workbook-level defined name holding `formula`: the one of that
 * name (compared ignoring case, as Excel does) put right, or a new one. Unchanged when it holds it already.
 */
export function withDefinedName(workbookXml: string, name: string, formula: string): string {
  const root = parseXml(workbookXml);
  const p = root.prefix === "" ? "" : `${root.prefix}:`;
  const element = `<${p}definedName name="${escapeAttribute(name)}" hidden="1">${escapeText(formula)}</${p}definedName>`;
  const names = child(root, "definedNames");
  if (names === undefined) {
    const at = insertionPoint(root, WORKBOOK_ORDER, "definedNames");
    return applySplices(workbookXml, [
      { start: at, end: at, text: `<${p}definedNames>${element}</${p}definedNames>` },
    ]);
  }
  const existing = childrenNamed(names, "definedName").find(
    (d) =>
      !d.attributes.has("localSheetId") &&
      (d.attributes.get("name") ?? "").toLowerCase() === name.toLowerCase()
  );
  if (existing === undefined)
    return applySplices(workbookXml, appendChildren(workbookXml, names, element));
  if (existing.text === formula && existing.attributes.get("hidden") === "1") return workbookXml;
  return applySplices(workbookXml, [{ start: existing.start, end: existing.end, text: element }]);
}

/** The workbook part with a <sheet> added at the end of <sheets>. */
function withSheet(workbookXml: string, name: string, relationshipId: string): string {
  const root = parseXml(workbookXml);
  const sheets = child(root, "sheets");
  if (sheets === undefined) throw new Error("the workbook part has no <sheets>");
  const ids = childrenNamed(sheets, "sheet").map((s) => Number(s.attributes.get("sheetId") ?? 0));
  const sheetId = Math.max(0, ...ids) + 1;
  const p = sheets.prefix === "" ? "" : `${sheets.prefix}:`;
  const r = prefixOf(sheets, RELATIONSHIPS_NAMESPACE);
  const idAttribute =
    r === undefined || r === "" ? `xmlns:sr="${RELATIONSHIPS_NAMESPACE}" sr:id` : `${r}:id`;
  const markup = `<${p}sheet name="${escapeAttribute(name)}" sheetId="${sheetId}" ${idAttribute}="${escapeAttribute(relationshipId)}"/>`;
  return applySplices(workbookXml, appendChildren(workbookXml, sheets, markup));
}

/** A relationships part with some targets dropped and new relationships added. */
async function editedRelationships(
  pkg: XlsxPackage,
  relsPart: string,
  removed: ReadonlySet<string>,
  added: readonly { id: string; type: string; target: string }[],
  sourcePart: string
): Promise<string> {
  const markup = added.map((a) => relationshipXml(a.id, a.type, sourcePart, a.target)).join("");
  if (!pkg.archive.has(relsPart)) return `${RELATIONSHIPS_XML_START}${markup}</Relationships>`;
  const xml = await pkg.partText(relsPart);
  const root = await pkg.inPart(relsPart, () => parseXml(xml));
  const rels = await pkg.relationshipsOf(sourcePart);
  const splices: Splice[] = childrenNamed(root, "Relationship")
    .filter((_, i) => rels[i] !== undefined && !rels[i].external && removed.has(rels[i].target))
    .map((el) => ({ start: el.start, end: el.end, text: "" }));
  splices.push(
    ...appendChildren(
      xml,
      root,
      root.prefix === ""
        ? markup
        : markup.replace(/<Relationship /g, `<${root.prefix}:Relationship `)
    )
  );
  return applySplices(xml, splices);
}

/** The parts a sheet's relationships lead to that nothing else refers to, with the sheet's own .rels. */
async function partsOnlyUsedBy(pkg: XlsxPackage, sheetPart: string): Promise<Set<string>> {
  const archive = pkg.archive;
  const graph = new Map<string, Relationship[]>();
  // How many relationships, from anywhere, lead to each part (by its name in lower case).
  const referrers = new Map<string, number>();
  for (const name of archive.names()) {
    if (!/\.rels$/i.test(name)) continue;
    const text = await pkg.partText(name);
    const rels = await pkg.inPart(name, () =>
      parseRelationships(text, sourceOfRelationshipsPart(name))
    );
    graph.set(name, rels);
    for (const r of rels) {
      if (r.external) continue;
      const key = r.target.toLowerCase();
      referrers.set(key, (referrers.get(key) ?? 0) + 1);
    }
  }
  const dropped = new Set<string>();
  const visit = (part: string): void => {
    const relsPart = archive.storedName(relationshipsPartOf(part));
    if (relsPart === undefined || dropped.has(relsPart)) return;
    dropped.add(relsPart);
    // Relationships from a dropped part no longer count.
    for (const r of graph.get(relsPart) ?? []) {
      if (r.external) continue;
      const key = r.target.toLowerCase();
      referrers.set(key, (referrers.get(key) ?? 1) - 1);
    }
    for (const r of graph.get(relsPart) ?? []) {
      const target = archive.storedName(r.target);
      if (
        r.external ||
        target === undefined ||
        dropped.has(target) ||
        target.toLowerCase() === sheetPart.toLowerCase() ||
        (referrers.get(target.toLowerCase()) ?? 0) > 0
      )
        continue;
      dropped.add(target);
      visit(target);
    }
  };
  visit(sheetPart);
  return dropped;
}

/** docProps/app.xml listing the new sheet too; null when there is none or it lists no sheets. */
async function editedAppProperties(
  pkg: XlsxPackage,
  sheetName: string
): Promise<{ part: string; xml: string } | null> {
  const app = await appPropertiesPart(pkg);
  if (app === null) return null;
  const appXml = await pkg.partText(app);
  const names = pkg.worksheets.map((w) => w.name);
  const edited = await pkg.inPart(app, () => withSheetTitle(appXml, names, sheetName));
  return edited === null ? null : { part: app, xml: edited };
}

async function appPropertiesPart(pkg: XlsxPackage): Promise<string | null> {
  const rels = await pkg.relationshipsOf("");
  const app = rels.find(
    (r) => !r.external && sameType(r.type, RELATIONSHIP_TYPES.extendedProperties)
  );
  return app === undefined ? null : (pkg.archive.storedName(app.target) ?? null);
}

/**
 * docProps/app.xml with the new sheet's name after the worksheets' names, and their count one
 * more. The worksheets are the HeadingPairs group whose titles are the workbook's worksheet names
 * (its label is in the language of the Excel that saved it). Null when the part does not list them.
 */
export function withSheetTitle(
  appXml: string,
  worksheetNames: readonly string[],
  name: string
): string | null {
  const root = parseXml(appXml);
  const pairs = child(root, "HeadingPairs");
  const titles = child(root, "TitlesOfParts");
  const pairVector = pairs === undefined ? undefined : child(pairs, "vector");
  const titleVector = titles === undefined ? undefined : child(titles, "vector");
  if (pairVector === undefined || titleVector === undefined) return null;
  const variants = childrenNamed(pairVector, "variant");
  const names = titleVector.children.map((c) => c.text);
  let offset = 0;
  for (let k = 0; k + 1 < variants.length; k += 2) {
    const countElement = variants[k + 1].children[0];
    const count = Number(countElement?.text ?? 0);
    const group = names.slice(offset, offset + count);
    if (count === worksheetNames.length && group.every((n, i) => n === worksheetNames[i])) {
      const last = titleVector.children[offset + count - 1];
      const itemName = titleVector.children[0]?.name ?? "vt:lpstr";
      const at = last === undefined ? titleVector.innerStart : last.end;
      const splices: Splice[] = [
        { start: countElement.innerStart, end: countElement.innerEnd, text: String(count + 1) },
        { start: at, end: at, text: `<${itemName}>${escapeText(name)}</${itemName}>` },
        ...sizeSplice(appXml, titleVector, names.length + 1),
      ];
      return applySplices(appXml, splices);
    }
    offset += count;
  }
  return null;
}

function sizeSplice(xml: string, vector: XmlElement, size: number): Splice[] {
  const tag = xml.slice(vector.start, vector.innerStart);
  return [
    {
      start: vector.start,
      end: vector.innerStart,
      text: tag.replace(/size\s*=\s*("[^"]*"|'[^']*')/, `size="${size}"`),
    },
  ];
}

/** Parts written beside the sheet (the stored settings), with their types and relationships. */
function addParts(
  additions: PackageAdditions | undefined,
  changed: Map<string, PartData>,
  newTypes: Map<string, string>,
  newRelationships: { type: string; target: string }[]
): void {
  if (additions === undefined) return;
  for (const [part, data] of additions.parts) changed.set(part, data);
  for (const [part, type] of additions.contentTypes) newTypes.set(part, type);
  newRelationships.push(...additions.workbookRelationships);
}
