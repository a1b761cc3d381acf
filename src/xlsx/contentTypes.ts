/** [Content_Types].xml: the media type of each part, by override or by extension. */
import { escapeAttribute } from "./xmlText";
import { Splice, applySplices, childrenNamed, parseXml } from "./xmlTree";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export const CONTENT_TYPES = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  template: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  macroTemplate: "application/vnd.ms-excel.template.macroEnabled.main+xml",
  binaryWorkbook: "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
  extendedProperties: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** The file name ending Excel expects for each kind of workbook part. */
export const EXTENSION_OF: Record<string, string> = {
  [CONTENT_TYPES.workbook]: ".xlsx",
  [CONTENT_TYPES.macroWorkbook]: ".xlsm",
  [CONTENT_TYPES.template]: ".xltx",
  [CONTENT_TYPES.macroTemplate]: ".xltm",
};

export class ContentTypes {
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>();

  constructor(readonly xml: string) {
    const root = parseXml(xml);
    for (const o of childrenNamed(root, "Override"))
      this.overrides.set(
        (o.attributes.get("PartName") ?? "").replace(/^\//, "").toLowerCase(),
        o.attributes.get("ContentType") ?? ""
      );
    for (const d of childrenNamed(root, "Default"))
      this.defaults.set(
        (d.attributes.get("Extension") ?? "").toLowerCase(),
        d.attributes.get("ContentType") ?? ""
      );
  }

  typeOf(part: string): string | undefined {
    const override = this.overrides.get(part.toLowerCase());
    if (override !== undefined) return override;
    const dot = part.lastIndexOf(".");
    return dot < 0 ? undefined : this.defaults.get(part.slice(dot + 1).toLowerCase());
  }

  /** The part with overrides added for new parts and removed for parts that are gone. */
  edited(added: ReadonlyMap<string, string>, removed: ReadonlySet<string>): string {
    const root = parseXml(this.xml);
    const gone = new Set([...removed, ...added.keys()].map((p) => p.toLowerCase()));
    const splices: Splice[] = childrenNamed(root, "Override")
      .filter((o) =>
        gone.has((o.attributes.get("PartName") ?? "").replace(/^\//, "").toLowerCase())
      )
      .map((o) => ({ start: o.start, end: o.end, text: "" }));
    const prefix = root.prefix === "" ? "" : `${root.prefix}:`;
    const markup = [...added].map(([part, type]) => overrideXml(part, type, prefix)).join("");
    splices.push({ start: root.innerEnd, end: root.innerEnd, text: markup });
    return applySplices(this.xml, splices);
  }
}

/** The content type of every part with a file name ending. */
export const defaultXml = (extension: string, type: string): string =>
  `<Default Extension="${escapeAttribute(extension)}" ContentType="${escapeAttribute(type)}"/>`;

/** The content type of one part (its name without the leading slash); `prefix` as the part writes its elements ("x:"). */
export const overrideXml = (part: string, type: string, prefix = ""): string =>
  `<${prefix}Override PartName="/${escapeAttribute(part)}" ContentType="${escapeAttribute(type)}"/>`;
