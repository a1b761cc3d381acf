/**
 * A workbook package opened for reading: which workbook part, its worksheets and their parts,
 * each sheet's Excel tables, the styles that show dates, the shared strings, the date system.
 * Found through the relationships, whatever form their targets take. A file that is not such a
 * package is refused with one line that says what to do.
 */
import { Result, ok, valueError } from "../core/result";
import { CONTENT_TYPES, CONTENT_TYPES_PART, ContentTypes, EXTENSION_OF } from "./contentTypes";
import {
  RELATIONSHIPS_NAMESPACE,
  RELATIONSHIP_TYPES,
  Relationship,
  parseRelationships,
  relationshipsPartOf,
  sameType,
} from "./relationships";
import { CFB_MAGIC, compoundFileNames } from "./compoundFile";
import { SHARED_STRING_LIMITS, SharedStrings } from "./sharedStrings";
import { CellSink, EXCEL_COLUMNS, EXCEL_ROWS, SheetScanner } from "./sheetScanner";
import { dateStylesOf } from "./stylesPart";
import { PartDefect, UnreadableFile, shortText } from "./unreadable";
import { unescapeXstring } from "./xmlText";
import { XmlElement, attribute, child, childrenNamed, parseXml } from "./xmlTree";
import { ZipArchive } from "./zipArchive";
import { decodeRange } from "../core/cellReferences";

export interface WorksheetInfo {
  readonly name: string;
  readonly sheetId: number;
  readonly relationshipId: string;
  /** The part's name as stored in the zip. */
  readonly part: string;
  readonly state: "visible" | "hidden" | "veryHidden";
}

/** An Excel table (ListObject) as its part describes it. */
export interface TableInfo {
  readonly part: string;
  readonly name: string;
  /** The range, header and totals rows included ("A1:E1001"). */
  readonly ref: string;
  readonly headerRows: number;
  readonly totalsRows: number;
  readonly columns: readonly string[];
}

const WORKBOOK_TYPES = new Set<string>([
  CONTENT_TYPES.workbook,
  CONTENT_TYPES.macroWorkbook,
  CONTENT_TYPES.template,
  CONTENT_TYPES.macroTemplate,
]);

export class XlsxPackage {
  private sharedStringsRead: Promise<SharedStrings> | null = null;
  private dateStylesRead: Promise<Uint8Array> | null = null;

  private constructor(
    /** How messages name the file. */
    readonly label: string,
    readonly archive: ZipArchive,
    readonly contentTypes: ContentTypes,
    /** Stored name of the workbook part (xl/workbook.xml, usually). */
    readonly workbookPart: string,
    readonly workbookXml: string,
    readonly workbookRelationships: readonly Relationship[],
    readonly worksheets: readonly WorksheetInfo[],
    readonly date1904: boolean,
    /** The workbook part's content type: plain, macro-enabled or a template. */
    readonly workbookType: string,
    /** Workbook-level defined names (no localSheetId): name (as written) → formula text. */
    readonly definedNames: ReadonlyMap<string, string>
  ) {}

  /** The file name ending Excel expects for this kind of workbook: .xlsx, .xlsm, .xltx or .xltm. */
  get extension(): string {
    return EXTENSION_OF[this.workbookType] ?? ".xlsx";
  }

  static async open(blob: Blob, label: string): Promise<Result<XlsxPackage>> {
    const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
    if (CFB_MAGIC.every((b, i) => head[i] === b))
      return valueError(await compoundFileProblem(blob, label));
    const notWorkbook = `${label} is not an Excel workbook: name an .xlsx or .xlsm file (saved by Excel, LibreOffice, Google Sheets or pandas), or a folder of .csv files`;
    if (head[0] !== 0x50 || head[1] !== 0x4b) return valueError(notWorkbook);
    let archive: ZipArchive;
    try {
      archive = await ZipArchive.open(blob);
    } catch (e) {
      if (e instanceof PartDefect) return valueError(`${label} ${e.message}; ${e.advice}`);
      return valueError(
        `${label} is damaged (${shortText(e instanceof Error ? e.message : String(e), 80)}): open it in Excel, let Excel repair it, and save it again`
      );
    }
    try {
      return await XlsxPackage.read(archive, label, notWorkbook);
    } catch (e) {
      if (e instanceof UnreadableFile) return valueError(e.message);
      throw e;
    }
  }

  /**
   * Reads a part with `read`; a PartDefect (damaged bytes, malformed XML, a limit) becomes an
   * UnreadableFile naming the file, where (`where`, else the part) and what to do.
   */
  async inPart<T>(part: string, read: () => Promise<T> | T, where: string = part): Promise<T> {
    try {
      return await read();
    } catch (e) {
      if (!(e instanceof PartDefect)) throw e;
      const cell = e.cell === undefined ? "" : `, cell ${e.cell}`;
      throw new UnreadableFile(`${this.label}: ${where}${cell} ${e.message}; ${e.advice}`);
    }
  }

  /**
   * Checks to their end (CRC-32, size) the parts read only in part (a sheet's first rows): called
   * before anything read from the workbook is answered or written.
   */
  async verifyRead(): Promise<void> {
    for (const part of this.archive.partlyRead())
      await this.inPart(part, () => this.archive.stream(part, () => true));
  }

  /** A part read whole as text (the small parts: workbook, relationships, styles, tables…). */
  partText(part: string): Promise<string> {
    return this.inPart(part, () => this.archive.text(part));
  }

  /** A part parsed as a tree, with its text. */
  async partXml(part: string): Promise<{ text: string; root: XmlElement }> {
    const text = await this.partText(part);
    return { text, root: await this.inPart(part, () => parseXml(text)) };
  }

  private static async read(
    archive: ZipArchive,
    label: string,
    notWorkbook: string
  ): Promise<Result<XlsxPackage>> {
    if (archive.has("xl/workbook.bin"))
      return valueError(
        `${label} is an Excel binary workbook (.xlsb): open it in Excel and save it as an Excel Workbook (.xlsx)`
      );
    if (archive.has("mimetype") && archive.has("content.xml"))
      return valueError(
        `${label} is an OpenDocument spreadsheet (.ods): save it as an Excel Workbook (.xlsx) and run again`
      );
    if (!archive.has(CONTENT_TYPES_PART) || !archive.has("_rels/.rels"))
      return valueError(notWorkbook);
    // Parts read before the package object exists are read through a provisional one.
    const parts = new XlsxPackage(
      label,
      archive,
      new ContentTypes("<Types/>"),
      "",
      "",
      [],
      [],
      false,
      "",
      new Map()
    );
    const contentTypesXml = await parts.partText(CONTENT_TYPES_PART);
    const contentTypes = await parts.inPart(
      CONTENT_TYPES_PART,
      () => new ContentTypes(contentTypesXml)
    );
    const rootXml = await parts.partText("_rels/.rels");
    const root = await parts.inPart("_rels/.rels", () => parseRelationships(rootXml, ""));
    const office = root.find(
      (r) =>
        !r.external && sameType(r.type, RELATIONSHIP_TYPES.officeDocument) && archive.has(r.target)
    );
    if (office === undefined) return valueError(notWorkbook);
    const workbookPart = archive.storedName(office.target) as string;
    const workbookType = contentTypes.typeOf(workbookPart) ?? "";
    if (workbookType === CONTENT_TYPES.binaryWorkbook)
      return valueError(
        `${label} is an Excel binary workbook (.xlsb): open it in Excel and save it as an Excel Workbook (.xlsx)`
      );
    if (!WORKBOOK_TYPES.has(workbookType)) return valueError(notWorkbook);

    const { text: workbookXml, root: workbook } = await parts.partXml(workbookPart);
    const relsPart = relationshipsPartOf(workbookPart);
    const relationships = archive.has(relsPart) ? await parts.relationshipsOf(workbookPart) : [];
    const properties = child(workbook, "workbookPr");
    const date1904 = ["1", "true"].includes(
      (properties?.attributes.get("date1904") ?? "").toLowerCase()
    );
    const worksheets = await parts.inPart(workbookPart, () =>
      worksheetsOf(workbook, relationships, archive)
    );
    return ok(
      new XlsxPackage(
        label,
        archive,
        contentTypes,
        workbookPart,
        workbookXml,
        relationships,
        worksheets,
        date1904,
        workbookType,
        definedNamesOf(workbook)
      )
    );
  }

  /** A workbook-level part by relationship type (styles, shared strings), or null. */
  partOfType(type: string): string | null {
    const rel = this.workbookRelationships.find(
      (r) => !r.external && sameType(r.type, type) && this.archive.has(r.target)
    );
    return rel === undefined ? null : (this.archive.storedName(rel.target) as string);
  }

  sharedStrings(): Promise<SharedStrings> {
    this.sharedStringsRead ??= (async () => {
      const part = this.partOfType(RELATIONSHIP_TYPES.sharedStrings);
      if (part === null) return SharedStrings.EMPTY;
      return this.inPart(part, async () =>
        SharedStrings.parse(await this.archive.bytes(part, SHARED_STRING_LIMITS.bytes))
      );
    })();
    return this.sharedStringsRead;
  }

  /** 1 for each cell format index that shows a date. */
  dateStyles(): Promise<Uint8Array> {
    this.dateStylesRead ??= (async () => {
      const part = this.partOfType(RELATIONSHIP_TYPES.styles);
      if (part === null) return dateStylesOf(null);
      const text = await this.partText(part);
      return this.inPart(part, () => dateStylesOf(text));
    })();
    return this.dateStylesRead;
  }

  /** A part's relationships ([] when it has none). */
  async relationshipsOf(part: string): Promise<Relationship[]> {
    const rels = relationshipsPartOf(part);
    if (!this.archive.has(rels)) return [];
    const text = await this.partText(rels);
    return this.inPart(rels, () => parseRelationships(text, part));
  }

  /** The Excel tables on a worksheet; a table part Excel would not accept is an UnreadableFile. */
  async tablesOf(sheet: WorksheetInfo): Promise<TableInfo[]> {
    const tables: TableInfo[] = [];
    for (const rel of await this.relationshipsOf(sheet.part)) {
      if (
        rel.external ||
        !sameType(rel.type, RELATIONSHIP_TYPES.table) ||
        !this.archive.has(rel.target)
      )
        continue;
      const part = this.archive.storedName(rel.target) as string;
      const { root } = await this.partXml(part);
      tables.push(await this.inPart(part, () => tableInfo(part, root)));
    }
    return tables;
  }

  /**
   * Scans a worksheet's cells into `sink`, for the columns flagged in `columns`. Stops when the
   * sink's row() says so. Returns the sheet's <dimension> reference, when it has one. A defect
   * (in the bytes, or a cell the sink refuses) is an UnreadableFile naming the sheet and cell.
   */
  async scan(sheet: WorksheetInfo, sink: CellSink, columns: Uint8Array): Promise<string | null> {
    const scanner = new SheetScanner(sink, {
      columns,
      dateStyles: await this.dateStyles(),
      date1904: this.date1904,
    });
    await this.inPart(
      sheet.part,
      async () => {
        await this.archive.stream(sheet.part, (chunk) => scanner.push(chunk));
        scanner.end();
      },
      `sheet '${shortText(sheet.name)}' (${sheet.part})`
    );
    return scanner.dimension;
  }
}

/** The worksheets the workbook part lists, each through its relationship; chart and dialog sheets left out. */
function worksheetsOf(
  workbook: XmlElement,
  relationships: readonly Relationship[],
  archive: ZipArchive
): WorksheetInfo[] {
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const worksheets: WorksheetInfo[] = [];
  const names = new Set<string>();
  for (const sheet of childrenNamed(child(workbook, "sheets") ?? workbook, "sheet")) {
    // r:id, whatever the prefix (strict files bind another namespace to it).
    const id =
      attribute(sheet, "id", RELATIONSHIPS_NAMESPACE) ??
      [...sheet.attributes].find(([name]) => name.endsWith(":id"))?.[1] ??
      "";
    const name = sheet.attributes.get("name") ?? "";
    if (names.has(name.toLowerCase()))
      throw new PartDefect(
        `names two sheets '${shortText(name)}' (Excel compares names ignoring case)`
      );
    names.add(name.toLowerCase());
    const rel = byId.get(id);
    // Chart sheets and dialog sheets are not worksheets: they hold no cells.
    if (
      rel === undefined ||
      rel.external ||
      !sameType(rel.type, RELATIONSHIP_TYPES.worksheet) ||
      !archive.has(rel.target)
    )
      continue;
    const state = sheet.attributes.get("state");
    worksheets.push({
      name,
      sheetId: Number(sheet.attributes.get("sheetId") ?? 0),
      relationshipId: id,
      part: archive.storedName(rel.target) as string,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
    });
  }
  return worksheets;
}

/** The workbook-level defined names (those without localSheetId), by name as written. */
function definedNamesOf(workbook: XmlElement): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of childrenNamed(child(workbook, "definedNames") ?? workbook, "definedName")) {
    if (d.attributes.has("localSheetId")) continue;
    const name = d.attributes.get("name");
    if (name !== undefined && !names.has(name)) names.set(name, d.text);
  }
  return names;
}

/** What a compound file (not a zip) is, and what to do with it. */
async function compoundFileProblem(blob: Blob, label: string): Promise<string> {
  const names = (await compoundFileNames(blob)) ?? [];
  if (names.includes("EncryptedPackage"))
    return `${label} is protected with a password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, leave it empty), save it and run again`;
  if (names.some((n) => n === "Workbook" || n === "Book"))
    return `${label} is an Excel 97-2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx)`;
  return `${label} is an Office compound file but not a workbook this reads: open it in Excel and save it as an Excel Workbook (.xlsx)`;
}

function tableInfo(part: string, table: XmlElement): TableInfo {
  const columns = childrenNamed(child(table, "tableColumns") ?? table, "tableColumn").map((c) =>
    unescapeXstring(c.attributes.get("name") ?? "")
  );
  const whole = (name: string, fallback: number): number => {
    const v = table.attributes.get(name);
    return v === undefined || !/^\d{1,7}$/.test(v) ? fallback : Number(v);
  };
  const name = table.attributes.get("displayName") ?? table.attributes.get("name") ?? "";
  const ref = table.attributes.get("ref") ?? "";
  const range = decodeRange(ref);
  if (range === null || range.lastRow > EXCEL_ROWS || range.lastColumn > EXCEL_COLUMNS)
    throw new PartDefect(
      `gives table '${shortText(name)}' the range '${shortText(ref, 30)}', which is not inside Excel's grid`
    );
  return {
    part,
    name,
    ref,
    headerRows: whole("headerRowCount", 1),
    totalsRows: whole("totalsRowCount", 0),
    columns,
  };
}
