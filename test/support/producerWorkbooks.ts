/**
 * Workbooks as other tools write them, part by part, from the hand-worked fixture's tables: the
 * shapes openpyxl (pandas), Google Sheets and Excel give a package, and an Excel workbook that
 * holds a chart, an image, notes, a pivot table, defined names and (as .xlsm) a macro project.
 */
import { isoDateToSerial } from "../../src/core/cells";
import { columnLetter } from "../../src/core/cellReferences";
import { SourceTable } from "../../src/engine/sourceTable";
import { escapeAttribute, escapeText } from "../../src/xlsx/xmlText";
import { writePackage } from "./workbooks";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const T = {
  officeDocument: `${R}/officeDocument`,
  worksheet: `${R}/worksheet`,
  styles: `${R}/styles`,
  sharedStrings: `${R}/sharedStrings`,
  table: `${R}/table`,
  drawing: `${R}/drawing`,
  chart: `${R}/chart`,
  image: `${R}/image`,
  comments: `${R}/comments`,
  vmlDrawing: `${R}/vmlDrawing`,
  pivotTable: `${R}/pivotTable`,
  pivotCacheDefinition: `${R}/pivotCacheDefinition`,
  pivotCacheRecords: `${R}/pivotCacheRecords`,
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
  app: `${R}/extended-properties`,
  core: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  theme: `${R}/theme`,
};
const CT = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  pivotTable: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  pivotCacheDefinition:
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  pivotCacheRecords:
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  vba: "application/vnd.ms-office.vbaProject",
};

/** Options for how a tool writes a sheet's cells. */
interface CellWriting {
  /** Shared strings (Excel, openpyxl, Google Sheets) or inline strings. */
  readonly strings: Map<string, number> | null;
  /** Style index of date cells; their ISO text becomes a serial. */
  readonly dateStyle: number;
  /** Columns (by header) holding dates. */
  readonly dateColumns: readonly string[];
  /** Serial shift for the 1904 date system. */
  readonly dateShift?: number;
  /** openpyxl writes t="n" on numbers. */
  readonly explicitNumberType?: boolean;
}

function cell(ref: string, v: unknown, isDate: boolean, w: CellWriting): string {
  if (v === null || v === undefined || v === "") return "";
  if (isDate && typeof v === "string")
    return `<c r="${ref}" s="${w.dateStyle}"${w.explicitNumberType ? ' t="n"' : ""}><v>${isoDateToSerial(v) - (w.dateShift ?? 0)}</v></c>`;
  if (typeof v === "number")
    return `<c r="${ref}"${w.explicitNumberType ? ' t="n"' : ""}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  const text = String(v);
  if (w.strings === null)
    return `<c r="${ref}" t="inlineStr"><is><t>${escapeText(text)}</t></is></c>`;
  let i = w.strings.get(text);
  if (i === undefined) {
    i = w.strings.size;
    w.strings.set(text, i);
  }
  return `<c r="${ref}" t="s"><v>${i}</v></c>`;
}

/** The table's rows (header first) as <sheetData>. */
function sheetData(t: SourceTable, w: CellWriting): string {
  const rows = [
    `<row r="1">${t.headers.map((h, j) => cell(`${columnLetter(j + 1)}1`, h, false, w)).join("")}</row>`,
  ];
  for (let i = 0; i < t.rowCount; i++) {
    const cells = t.headers
      .map((h, j) =>
        cell(`${columnLetter(j + 1)}${i + 2}`, t.columns[j][i], w.dateColumns.includes(h), w)
      )
      .join("");
    rows.push(`<row r="${i + 2}">${cells}</row>`);
  }
  return `<sheetData>${rows.join("")}</sheetData>`;
}

const tableRef = (t: SourceTable): string =>
  `A1:${columnLetter(t.headers.length)}${t.rowCount + 1}`;

function tablePart(id: number, t: SourceTable, style: boolean): string {
  const ref = tableRef(t);
  return (
    `${HEAD}<table xmlns="${MAIN}" id="${id}" name="${t.name}" displayName="${t.name}" ref="${ref}"><autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.headers.length}">${t.headers.map((h, j) => `<tableColumn id="${j + 1}" name="${escapeAttribute(h)}"/>`).join("")}</tableColumns>` +
    (style
      ? '<tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>'
      : "") +
    "</table>"
  );
}

function sst(strings: Map<string, number>): string {
  return `${HEAD}<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((s) => `<si><t>${escapeText(s)}</t></si>`).join("")}</sst>`;
}

function rels(items: [string, string, string][]): string {
  return `${HEAD}<Relationships xmlns="${PKG_RELS}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("")}</Relationships>`;
}

function contentTypes(overrides: [string, string][], defaults: [string, string][] = []): string {
  return (
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    defaults.map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join("") +
    overrides.map(([p, t]) => `<Override PartName="/${p}" ContentType="${t}"/>`).join("") +
    "</Types>"
  );
}

const STYLES = (dateCode: string): string =>
  `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeAttribute(dateCode)}"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const DATE_COLUMNS: Record<string, string[]> = { Sales: ["Date"], Leads: ["Created"] };

/**
 * As openpyxl (and so pandas) writes a workbook with tables: every target absolute from the
 * package root, tables without tableStyleInfo, t="n" on numbers, dates with a date-time format,
 * and a chart on the first sheet (a drawing and a chart part, absolute targets too).
 */
export async function writeOpenpyxlWorkbook(
  path: string,
  tables: readonly SourceTable[]
): Promise<void> {
  const strings = new Map<string, number>();
  const parts: Record<string, string> = {};
  const overrides: [string, string][] = [
    ["xl/workbook.xml", CT.workbook],
    ["xl/styles.xml", CT.styles],
    ["xl/sharedStrings.xml", CT.sharedStrings],
    ["docProps/app.xml", CT.app],
    ["docProps/core.xml", CT.core],
    ["xl/drawings/drawing1.xml", CT.drawing],
    ["xl/charts/chart1.xml", CT.chart],
  ];
  tables.forEach((t, k) => {
    const n = k + 1;
    const w: CellWriting = {
      strings,
      dateStyle: 1,
      dateColumns: DATE_COLUMNS[t.name] ?? [],
      explicitNumberType: true,
    };
    const drawing = n === 1 ? '<drawing r:id="rId2"/>' : "";
    parts[`xl/worksheets/sheet${n}.xml`] =
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="${tableRef(t)}"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>${sheetData(t, w)}<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>${drawing}<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
    const sheetRels: [string, string, string][] = [["rId1", T.table, `/xl/tables/table${n}.xml`]];
    if (n === 1) sheetRels.push(["rId2", T.drawing, "/xl/drawings/drawing1.xml"]);
    parts[`xl/worksheets/_rels/sheet${n}.xml.rels`] = rels(sheetRels);
    parts[`xl/tables/table${n}.xml`] = tablePart(n, t, false);
    overrides.push(
      [`xl/worksheets/sheet${n}.xml`, CT.worksheet],
      [`xl/tables/table${n}.xml`, CT.table]
    );
  });
  parts["xl/drawings/drawing1.xml"] = drawingXml(false);
  parts["xl/drawings/_rels/drawing1.xml.rels"] = rels([["rId1", T.chart, "/xl/charts/chart1.xml"]]);
  parts["xl/charts/chart1.xml"] = chartXml();
  parts["xl/sharedStrings.xml"] = sst(strings);
  parts["xl/styles.xml"] = STYLES("yyyy-mm-dd h:mm:ss");
  parts["xl/workbook.xml"] =
    `${HEAD}<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets>${tables.map((t, k) => `<sheet xmlns:r="${R}" name="${t.sheet}" sheetId="${k + 1}" state="visible" r:id="rId${k + 1}"/>`).join("")}</sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = rels([
    ...tables.map((_, k): [string, string, string] => [
      `rId${k + 1}`,
      T.worksheet,
      `/xl/worksheets/sheet${k + 1}.xml`,
    ]),
    [`rId${tables.length + 1}`, T.sharedStrings, "/xl/sharedStrings.xml"],
    [`rId${tables.length + 2}`, T.styles, "/xl/styles.xml"],
  ]);
  parts["docProps/app.xml"] =
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>3.1</AppVersion></Properties>`;
  parts["docProps/core.xml"] =
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>openpyxl</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-03-21T10:00:00Z</dcterms:created></cp:coreProperties>`;
  parts["_rels/.rels"] = rels([
    ["rId1", T.officeDocument, "xl/workbook.xml"],
    ["rId2", T.app, "docProps/app.xml"],
    ["rId3", T.core, "docProps/core.xml"],
  ]);
  await writePackage(path, { "[Content_Types].xml": contentTypes(overrides), ...parts });
}

/**
 * As Google Sheets exports: no Excel tables (each sheet a header row), shared strings, dates by a
 * custom m/d/yyyy format, sheets with state="visible", a theme-less styles part. `date1904` writes
 * the same workbook in the 1904 date system, as Excel for Mac once did.
 */
export async function writeSheetsWorkbook(
  path: string,
  tables: readonly SourceTable[],
  date1904 = false
): Promise<void> {
  const strings = new Map<string, number>();
  const parts: Record<string, string> = {};
  const overrides: [string, string][] = [
    ["xl/workbook.xml", CT.workbook],
    ["xl/styles.xml", CT.styles],
    ["xl/sharedStrings.xml", CT.sharedStrings],
  ];
  tables.forEach((t, k) => {
    const w: CellWriting = {
      strings,
      dateStyle: 1,
      dateColumns: DATE_COLUMNS[t.name] ?? [],
      dateShift: date1904 ? 1462 : 0,
    };
    parts[`xl/worksheets/sheet${k + 1}.xml`] =
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/>${sheetData(t, w)}</worksheet>`;
    overrides.push([`xl/worksheets/sheet${k + 1}.xml`, CT.worksheet]);
  });
  parts["xl/sharedStrings.xml"] = sst(strings);
  parts["xl/styles.xml"] = STYLES("m/d/yyyy");
  parts["xl/workbook.xml"] =
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr${date1904 ? ' date1904="1"' : ""}/><sheets>${tables.map((t, k) => `<sheet state="visible" name="${t.sheet}" sheetId="${k + 1}" r:id="rId${k + 3}"/>`).join("")}</sheets><definedNames/><calcPr/></workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = rels([
    ["rId1", T.styles, "styles.xml"],
    ["rId2", T.sharedStrings, "sharedStrings.xml"],
    ...tables.map((_, k): [string, string, string] => [
      `rId${k + 3}`,
      T.worksheet,
      `worksheets/sheet${k + 1}.xml`,
    ]),
  ]);
  parts["_rels/.rels"] = rels([["rId1", T.officeDocument, "xl/workbook.xml"]]);
  await writePackage(path, { "[Content_Types].xml": contentTypes(overrides), ...parts });
}

/** A one-pixel PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64"
  )
);

/** A stand-in for a macro project: opaque bytes the copy must keep exactly. */
const VBA = Uint8Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256);

/**
 * A workbook as Excel saves it, holding what the copy must keep: tables, a chart and an image (one
 * drawing), notes (comments with their VML shapes), a pivot table with its cache, defined names,
 * and as .xlsm a macro project. Its text parts use Excel's own spellings.
 */
export async function writeRichWorkbook(
  path: string,
  tables: readonly SourceTable[],
  macros: boolean
): Promise<void> {
  const strings = new Map<string, number>();
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: [string, string][] = [
    ["xl/workbook.xml", macros ? CT.macroWorkbook : CT.workbook],
    ["xl/styles.xml", CT.styles],
    ["xl/sharedStrings.xml", CT.sharedStrings],
    ["docProps/app.xml", CT.app],
    ["docProps/core.xml", CT.core],
    ["xl/drawings/drawing1.xml", CT.drawing],
    ["xl/charts/chart1.xml", CT.chart],
    ["xl/comments1.xml", CT.comments],
    ["xl/pivotTables/pivotTable1.xml", CT.pivotTable],
    ["xl/pivotCache/pivotCacheDefinition1.xml", CT.pivotCacheDefinition],
    ["xl/pivotCache/pivotCacheRecords1.xml", CT.pivotCacheRecords],
  ];
  tables.forEach((t, k) => {
    const n = k + 1;
    const w: CellWriting = { strings, dateStyle: 1, dateColumns: DATE_COLUMNS[t.name] ?? [] };
    const extras = n === 1 ? '<drawing r:id="rId2"/><legacyDrawing r:id="rId3"/>' : "";
    parts[`xl/worksheets/sheet${n}.xml`] =
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="${tableRef(t)}"/><sheetViews><sheetView${n === 1 ? ' tabSelected="1"' : ""} workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>${sheetData(t, w)}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${extras}<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
    const sheetRels: [string, string, string][] = [["rId1", T.table, `../tables/table${n}.xml`]];
    if (n === 1)
      sheetRels.push(
        ["rId2", T.drawing, "../drawings/drawing1.xml"],
        ["rId3", T.vmlDrawing, "../drawings/vmlDrawing1.vml"],
        ["rId4", T.comments, "../comments1.xml"]
      );
    parts[`xl/worksheets/_rels/sheet${n}.xml.rels`] = rels(sheetRels);
    parts[`xl/tables/table${n}.xml`] = tablePart(n, t, true);
    overrides.push(
      [`xl/worksheets/sheet${n}.xml`, CT.worksheet],
      [`xl/tables/table${n}.xml`, CT.table]
    );
  });
  // The pivot table on a sheet of its own: revenue by customer from the Sales table.
  const pivotSheet = tables.length + 1;
  parts[`xl/worksheets/sheet${pivotSheet}.xml`] =
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A3:B4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>Row Labels</t></is></c><c r="B3" t="inlineStr"><is><t>Sum of Amount</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>Grand Total</t></is></c><c r="B4"><v>3080</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  parts[`xl/worksheets/_rels/sheet${pivotSheet}.xml.rels`] = rels([
    ["rId1", T.pivotTable, "../pivotTables/pivotTable1.xml"],
  ]);
  overrides.push([`xl/worksheets/sheet${pivotSheet}.xml`, CT.worksheet]);
  parts["xl/pivotTables/pivotTable1.xml"] =
    `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="8" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" multipleFieldFilters="0"><location ref="A3:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="1"><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="1"><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Amount" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`;
  parts["xl/pivotTables/_rels/pivotTable1.xml.rels"] = rels([
    ["rId1", T.pivotCacheDefinition, "../pivotCache/pivotCacheDefinition1.xml"],
  ]);
  parts["xl/pivotCache/pivotCacheDefinition1.xml"] =
    `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" refreshedBy="Analyst" refreshedDate="45736.5" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="0"><cacheSource type="worksheet"><worksheetSource name="Sales"/></cacheSource><cacheFields count="2"><cacheField name="Customer" numFmtId="0"><sharedItems/></cacheField><cacheField name="Amount" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="-20" maxValue="999"/></cacheField></cacheFields></pivotCacheDefinition>`;
  parts["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] = rels([
    ["rId1", T.pivotCacheRecords, "pivotCacheRecords1.xml"],
  ]);
  parts["xl/pivotCache/pivotCacheRecords1.xml"] =
    `${HEAD}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="0"/>`;
  parts["xl/drawings/drawing1.xml"] = drawingXml(true);
  parts["xl/drawings/_rels/drawing1.xml.rels"] = rels([
    ["rId1", T.chart, "../charts/chart1.xml"],
    ["rId2", T.image, "../media/image1.png"],
  ]);
  parts["xl/charts/chart1.xml"] = chartXml();
  parts["xl/media/image1.png"] = PNG;
  parts["xl/comments1.xml"] =
    `${HEAD}<comments xmlns="${MAIN}"><authors><author>Analyst</author></authors><commentList><comment ref="C2" authorId="0"><text><r><t xml:space="preserve">Analyst: checked with the invoice</t></r></text></comment></commentList></comments>`;
  parts["xl/drawings/vmlDrawing1.vml"] =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:107pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>3, 15, 0, 2, 5, 15, 4, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>';
  parts["xl/sharedStrings.xml"] = sst(strings);
  parts["xl/styles.xml"] = STYLES("m/d/yyyy");
  const sheetList = [...tables.map((t) => t.sheet), "Pivot"];
  parts["xl/workbook.xml"] =
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
    `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr${macros ? ' codeName="ThisWorkbook"' : ""} defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="0"/></bookViews>` +
    `<sheets>${sheetList.map((s, k) => `<sheet name="${s}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join("")}</sheets>` +
    `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Sales!$A$1:$E$15</definedName><definedName name="Threshold">500</definedName></definedNames>` +
    `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId${sheetList.length + 3}"/></pivotCaches></workbook>`;
  const workbookRels: [string, string, string][] = [
    ...sheetList.map((_, k): [string, string, string] => [
      `rId${k + 1}`,
      T.worksheet,
      `worksheets/sheet${k + 1}.xml`,
    ]),
    [`rId${sheetList.length + 1}`, T.styles, "styles.xml"],
    [`rId${sheetList.length + 2}`, T.sharedStrings, "sharedStrings.xml"],
    [`rId${sheetList.length + 3}`, T.pivotCacheDefinition, "pivotCache/pivotCacheDefinition1.xml"],
  ];
  if (macros) {
    workbookRels.push([`rId${sheetList.length + 4}`, T.vbaProject, "vbaProject.bin"]);
    parts["xl/vbaProject.bin"] = VBA;
  }
  parts["xl/_rels/workbook.xml.rels"] = rels(workbookRels);
  parts["docProps/app.xml"] =
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetList.length}</vt:i4></vt:variant><vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheetList.length + 2}" baseType="lpstr">${sheetList.map((s) => `<vt:lpstr>${s}</vt:lpstr>`).join("")}<vt:lpstr>Sales!Print_Area</vt:lpstr><vt:lpstr>Threshold</vt:lpstr></vt:vector></TitlesOfParts>` +
    "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>";
  parts["docProps/core.xml"] =
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Analyst</dc:creator><cp:lastModifiedBy>Analyst</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2025-03-21T10:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-21T10:05:00Z</dcterms:modified></cp:coreProperties>`;
  parts["_rels/.rels"] = rels([
    ["rId3", T.app, "docProps/app.xml"],
    ["rId2", T.core, "docProps/core.xml"],
    ["rId1", T.officeDocument, "xl/workbook.xml"],
  ]);
  const defaults: [string, string][] = [
    ["png", "image/png"],
    ["vml", "application/vnd.openxmlformats-officedocument.vmlDrawing"],
  ];
  if (macros) defaults.push(["bin", CT.vba]);
  await writePackage(path, { "[Content_Types].xml": contentTypes(overrides, defaults), ...parts });
}

/** A drawing anchoring the chart (and, with `image`, a picture). */
function drawingXml(image: boolean): string {
  const anchor = (from: number, body: string): string =>
    `<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from + 14}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
  const chart = anchor(
    1,
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>'
  );
  const picture = anchor(
    17,
    '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Picture 2"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>'
  );
  return `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">${chart}${image ? picture : ""}</xdr:wsDr>`;
}

/** A column chart of the Sales table's amounts. */
function chartXml(): string {
  return (
    `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Sales!$C$2:$C$14</c:f></c:numRef></c:val></c:ser><c:axId val="10"/><c:axId val="20"/></c:barChart>' +
    '<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="20"/></c:catAx><c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx>' +
    '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>'
  );
}
