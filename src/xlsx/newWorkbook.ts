/**
 * A new workbook package from tables: one worksheet per table holding it as an Excel table, text
 * in a shared string table, number formats per column, as Excel would save it. The sheets are
 * written by the same worksheet writer as the Scorecard.
 */
import { ErrorValue } from "../core/cells";
import { columnLetter } from "../core/cellReferences";
import { CONTENT_TYPES, defaultXml, overrideXml } from "./contentTypes";
import { RELATIONSHIP_TYPES, relationshipXml, relationshipsXml } from "./relationships";
import { EMPTY_STYLES_XML, StylesEditor } from "./stylesPart";
import { CellOut, worksheetXml } from "./worksheetXml";
import { escapeAttribute, escapeText } from "./xmlText";
import { ArchiveOutput, PartData, writeArchive } from "./zipArchive";

export interface NewTable {
  readonly sheet: string;
  /** The Excel table's name: letters, digits and underscores, unique in the workbook. */
  readonly name: string;
  /** Column names, unique in the table. */
  readonly headers: readonly string[];
  /** Cells column by column: numbers, text, booleans or null. */
  readonly columns: readonly (readonly unknown[])[];
  readonly rowCount: number;
  /** A number format code per column ("yyyy-mm-dd", "#,##0.00"), or undefined for General. */
  readonly formats?: readonly (string | undefined)[];
  /** Column widths in characters. */
  readonly widths?: readonly number[];
}

/** A table read elsewhere (a source table, a CSV file) as a new table, each column's format chosen by its header. */
export function newTableOf(
  t: Pick<NewTable, "sheet" | "name" | "headers" | "columns" | "rowCount">,
  formatOf: (header: string, column: number) => string | undefined
): NewTable {
  return {
    sheet: t.sheet,
    name: t.name,
    headers: t.headers,
    columns: t.columns,
    rowCount: t.rowCount,
    formats: t.headers.map((h, j) => formatOf(h, j)),
  };
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Writes the package; returns it as a Blob when the output is not a stream. */
export async function writeNewWorkbook(
  tables: readonly NewTable[],
  output: ArchiveOutput,
  creator = "SPEC Scorecard"
): Promise<Blob | null> {
  const styles = new StylesEditor(EMPTY_STYLES_XML);
  const strings = new Map<string, number>();
  const sharedString = (text: string): number => {
    let i = strings.get(text);
    if (i === undefined) {
      i = strings.size;
      strings.set(text, i);
    }
    return i;
  };
  const headerStyle = styles.cellFormat({ font: { bold: true }, numberFormat: "General" });
  const parts = new Map<string, PartData>();
  const overrides: [string, string][] = [];
  const workbookRels: string[] = [];
  const sheetElements: string[] = [];
  tables.forEach((t, k) => {
    const n = k + 1;
    const sheetPart = `xl/worksheets/sheet${n}.xml`;
    const tablePart = `xl/tables/table${n}.xml`;
    const lastRow = 1 + Math.max(1, t.rowCount);
    const lastColumn = Math.max(1, t.headers.length);
    const ref = `A1:${columnLetter(lastColumn)}${lastRow}`;
    const formats = t.headers.map((_, j) => {
      const code = t.formats?.[j];
      return code === undefined ? 0 : styles.cellFormat({ numberFormat: code });
    });
    parts.set(sheetPart, () =>
      worksheetXml({
        cells: tableCells(t, headerStyle, formats),
        columnWidths: t.widths ?? t.headers.map(() => 14),
        frozenRows: 1,
        tableParts: ["rId1"],
        dimension: ref,
        dynamicArrayMetadata: 1,
        sharedString,
      })
    );
    parts.set(
      `xl/worksheets/_rels/sheet${n}.xml.rels`,
      relationshipsXml([relationshipXml("rId1", RELATIONSHIP_TYPES.table, sheetPart, tablePart)])
    );
    parts.set(tablePart, tableXml(n, t, ref));
    overrides.push([sheetPart, CONTENT_TYPES.worksheet], [tablePart, CONTENT_TYPES.table]);
    workbookRels.push(
      relationshipXml(`rId${n}`, RELATIONSHIP_TYPES.worksheet, "xl/workbook.xml", sheetPart)
    );
    sheetElements.push(sheetXml(t.sheet, n, `rId${n}`));
  });
  const k = tables.length;
  workbookRels.push(
    relationshipXml(`rId${k + 1}`, RELATIONSHIP_TYPES.styles, "xl/workbook.xml", "xl/styles.xml"),
    relationshipXml(
      `rId${k + 2}`,
      RELATIONSHIP_TYPES.sharedStrings,
      "xl/workbook.xml",
      "xl/sharedStrings.xml"
    )
  );
  // After the sheets, which fill the string table as they are written.
  parts.set("xl/sharedStrings.xml", () => sharedStringsXml(strings));
  parts.set("xl/styles.xml", () => single(styles.toXml()));
  const first = new Map<string, PartData>([
    ["[Content_Types].xml", contentTypesXml(overrides)],
    [
      "_rels/.rels",
      relationshipsXml([
        relationshipXml("rId1", RELATIONSHIP_TYPES.officeDocument, "", "xl/workbook.xml"),
        relationshipXml("rId2", RELATIONSHIP_TYPES.coreProperties, "", "docProps/core.xml"),
        relationshipXml("rId3", RELATIONSHIP_TYPES.extendedProperties, "", "docProps/app.xml"),
      ]),
    ],
    ["docProps/app.xml", appXml(tables.map((t) => t.sheet))],
    ["docProps/core.xml", coreXml(creator)],
    ["xl/workbook.xml", workbookXml(sheetElements)],
    ["xl/_rels/workbook.xml.rels", relationshipsXml(workbookRels)],
  ]);
  return writeArchive(null, () => false, first, parts, output);
}

async function* single(text: string): AsyncGenerator<string> {
  yield text;
}

function* tableCells(
  t: NewTable,
  headerStyle: number,
  formats: readonly number[]
): Generator<CellOut> {
  for (let j = 0; j < t.headers.length; j++)
    yield { row: 1, column: j + 1, value: t.headers[j], style: headerStyle };
  for (let i = 0; i < t.rowCount; i++) {
    for (let j = 0; j < t.headers.length; j++) {
      const v = t.columns[j]?.[i];
      if (v === null || v === undefined || v === "") continue;
      const value =
        typeof v === "number" ||
        typeof v === "string" ||
        typeof v === "boolean" ||
        v instanceof ErrorValue
          ? v
          : String(v);
      yield { row: i + 2, column: j + 1, value, style: formats[j] };
    }
  }
}

/** The workbook part: its sheets (<sheet> elements, in order), the first one active. */
export function workbookXml(sheets: readonly string[]): string {
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.join("")}</sheets>` +
    `${calcPrXml()}</workbook>`
  );
}

/** A sheet of the workbook: its name, its number and its relationship. */
export const sheetXml = (name: string, sheetId: number, relationshipId: string): string =>
  `<sheet name="${escapeAttribute(name)}" sheetId="${sheetId}" r:id="${escapeAttribute(relationshipId)}"/>`;

/** The calculation engine the workbook was last computed by (Excel 365's). */
export const calcPrXml = (): string => '<calcPr calcId="191029"/>';

/** A table part, styled as Excel styles a new table. */
export function tableXml(id: number, t: Pick<NewTable, "name" | "headers">, ref: string): string {
  return (
    `${XML_HEAD}<table xmlns="${MAIN}" id="${id}" name="${escapeAttribute(t.name)}" displayName="${escapeAttribute(t.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>${tableColumnsXml(t.headers)}${tableStyleInfoXml()}</table>`
  );
}

export function tableColumnsXml(headers: readonly string[]): string {
  const columns = headers.map(
    (h, j) => `<tableColumn id="${j + 1}" name="${escapeAttribute(h)}"/>`
  );
  return `<tableColumns count="${headers.length}">${columns.join("")}</tableColumns>`;
}

export const tableStyleInfoXml = (): string =>
  '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>';

/** A shared string item; spaces at its ends kept. */
export const sharedStringXml = (s: string): string =>
  /^\s|\s$/.test(s)
    ? `<si><t xml:space="preserve">${escapeText(s)}</t></si>`
    : `<si><t>${escapeText(s)}</t></si>`;

async function* sharedStringsXml(strings: ReadonlyMap<string, number>): AsyncGenerator<string> {
  yield `${XML_HEAD}<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">`;
  let chunk = "";
  let n = 0;
  for (const s of strings.keys()) {
    chunk += sharedStringXml(s);
    if (++n % 20000 === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}</sst>`;
}

/** The content types of a new workbook's parts: the defaults by extension, then an override per part. */
export function contentTypesXml(overrides: readonly [string, string][]): string {
  const all: [string, string][] = [
    ["xl/workbook.xml", CONTENT_TYPES.workbook],
    ["xl/styles.xml", CONTENT_TYPES.styles],
    ["xl/sharedStrings.xml", CONTENT_TYPES.sharedStrings],
    ["docProps/app.xml", CONTENT_TYPES.extendedProperties],
    ["docProps/core.xml", CONTENT_TYPES.coreProperties],
    ...overrides,
  ];
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    defaultXml("rels", CONTENT_TYPES.relationships) +
    defaultXml("xml", "application/xml") +
    all.map(([part, type]) => overrideXml(part, type)).join("") +
    "</Types>"
  );
}

function appXml(sheets: readonly string[]): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    "<Application>Microsoft Excel</Application>" +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${escapeText(s)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>` +
    "</Properties>"
  );
}

function coreXml(creator: string): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${escapeText(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}
