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
import { SharedStrings } from "./sharedStrings";
import { CellSink, SheetScanner } from "./sheetScanner";
import { dateStylesOf } from "./stylesPart";
import { unescapeXstring } from "./xmlText";
import { XmlElement, XmlSyntaxError, attribute, child, childrenNamed, parseXml } from "./xmlTree";
import { ZipArchive } from "./zipArchive";

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

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
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
    readonly archive: ZipArchive,
    readonly contentTypes: ContentTypes,
    /** Stored name of the workbook part (xl/workbook.xml, usually). */
    readonly workbookPart: string,
    readonly workbookXml: string,
    readonly workbookRelationships: readonly Relationship[],
    readonly worksheets: readonly WorksheetInfo[],
    readonly date1904: boolean,
    /** The workbook part's content type: plain, macro-enabled or a template. */
    readonly workbookType: string
  ) {}

  /** The file name ending Excel expects for this kind of workbook: .xlsx, .xlsm, .xltx or .xltm. */
  get extension(): string {
    return EXTENSION_OF[this.workbookType] ?? ".xlsx";
  }

  static async open(blob: Blob, label: string): Promise<Result<XlsxPackage>> {
    const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
    if (CFB_MAGIC.every((b, i) => head[i] === b)) {
      const whole = new Uint8Array(await blob.arrayBuffer());
      return valueError(
        holdsUtf16(whole, "EncryptedPackage")
          ? `${label} is protected with a password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, leave it empty), save it and run again`
          : `${label} is an Excel 97-2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx)`
      );
    }
    const notWorkbook = `${label} is not an Excel workbook: name an .xlsx or .xlsm file (saved by Excel, LibreOffice, Google Sheets or pandas), or a folder of .csv files`;
    if (head[0] !== 0x50 || head[1] !== 0x4b) return valueError(notWorkbook);
    let archive: ZipArchive;
    try {
      archive = await ZipArchive.open(blob);
    } catch (e) {
      return valueError(
        `${label} is damaged (${e instanceof Error ? e.message : String(e)}): open it in Excel, let Excel repair it, and save it again`
      );
    }
    try {
      return await XlsxPackage.read(archive, label, notWorkbook);
    } catch (e) {
      if (e instanceof XmlSyntaxError)
        return valueError(
          `${label} has a part that is not well-formed XML (${e.message}): open it in Excel and save it again`
        );
      throw e;
    }
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
    const contentTypes = new ContentTypes(await archive.text(CONTENT_TYPES_PART));
    const root = parseRelationships(await archive.text("_rels/.rels"), "");
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
    if (archive.isEncrypted(workbookPart))
      return valueError(
        `${label} is protected with a password: remove the password in Excel, save it and run again`
      );

    const workbookXml = await archive.text(workbookPart);
    const relsPart = relationshipsPartOf(workbookPart);
    const relationships = archive.has(relsPart)
      ? parseRelationships(await archive.text(relsPart), workbookPart)
      : [];
    const workbook = parseXml(workbookXml);
    const properties = child(workbook, "workbookPr");
    const date1904 = ["1", "true"].includes(
      (properties?.attributes.get("date1904") ?? "").toLowerCase()
    );
    const worksheets: WorksheetInfo[] = [];
    for (const sheet of childrenNamed(child(workbook, "sheets") ?? workbook, "sheet")) {
      // r:id, whatever the prefix (strict files bind another namespace to it).
      const id =
        attribute(sheet, "id", RELATIONSHIPS_NAMESPACE) ??
        [...sheet.attributes].find(([name]) => name.endsWith(":id"))?.[1] ??
        "";
      const rel = relationships.find((r) => r.id === id);
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
        name: sheet.attributes.get("name") ?? "",
        sheetId: Number(sheet.attributes.get("sheetId") ?? 0),
        relationshipId: id,
        part: archive.storedName(rel.target) as string,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
      });
    }
    return ok(
      new XlsxPackage(
        archive,
        contentTypes,
        workbookPart,
        workbookXml,
        relationships,
        worksheets,
        date1904,
        workbookType
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
      return part === null
        ? SharedStrings.EMPTY
        : SharedStrings.parse(await this.archive.bytes(part));
    })();
    return this.sharedStringsRead;
  }

  /** 1 for each cell format index that shows a date. */
  dateStyles(): Promise<Uint8Array> {
    this.dateStylesRead ??= (async () => {
      const part = this.partOfType(RELATIONSHIP_TYPES.styles);
      return dateStylesOf(part === null ? null : await this.archive.text(part));
    })();
    return this.dateStylesRead;
  }

  /** A part's relationships ([] when it has none). */
  async relationshipsOf(part: string): Promise<Relationship[]> {
    const rels = relationshipsPartOf(part);
    return this.archive.has(rels) ? parseRelationships(await this.archive.text(rels), part) : [];
  }

  /** The Excel tables on a worksheet. */
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
      tables.push(tableInfo(part, parseXml(await this.archive.text(part))));
    }
    return tables;
  }

  /**
   * Scans a worksheet's cells into `sink`, for the columns flagged in `columns`. Stops when the
   * sink's row() says so. Returns the sheet's <dimension> reference, when it has one.
   */
  async scan(sheet: WorksheetInfo, sink: CellSink, columns: Uint8Array): Promise<string | null> {
    const scanner = new SheetScanner(sink, {
      columns,
      dateStyles: await this.dateStyles(),
      date1904: this.date1904,
    });
    await this.archive.stream(sheet.part, (chunk) => scanner.push(chunk));
    return scanner.dimension;
  }
}

function tableInfo(part: string, table: XmlElement): TableInfo {
  const columns = childrenNamed(child(table, "tableColumns") ?? table, "tableColumn").map((c) =>
    unescapeXstring(c.attributes.get("name") ?? "")
  );
  const whole = (name: string, fallback: number): number => {
    const v = table.attributes.get(name);
    return v === undefined || !/^\d+$/.test(v) ? fallback : Number(v);
  };
  return {
    part,
    name: table.attributes.get("displayName") ?? table.attributes.get("name") ?? "",
    ref: table.attributes.get("ref") ?? "",
    headerRows: whole("headerRowCount", 1),
    totalsRows: whole("totalsRowCount", 0),
    columns,
  };
}

/** True when the bytes hold `text` in UTF-16LE (a compound file's stream names). */
function holdsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    let same = true;
    for (let k = 0; k < text.length && same; k++)
      same = bytes[i + 2 * k] === text.charCodeAt(k) && bytes[i + 2 * k + 1] === 0;
    if (same) return true;
  }
  return false;
}
