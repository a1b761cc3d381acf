/**
 * The styles part (xl/styles.xml): which cell formats show dates (for reading), and new fonts,
 * fills, number formats, cell formats and conditional-format styles appended after the source's
 * own, so every index the source's cells use keeps its meaning.
 */
import { escapeAttribute } from "./xmlText";
import {
  XmlElement,
  Splice,
  appendChildren,
  applySplices,
  child,
  childrenNamed,
  insertionPoint,
  parseXml,
} from "./xmlTree";
import { isBuiltInDate, isDateFormatCode } from "./numberFormats";

/** 1 for each cellXfs index whose number format shows a date. */
export function dateStylesOf(stylesXml: string | null): Uint8Array {
  if (stylesXml === null) return new Uint8Array(0);
  const root = parseXml(stylesXml);
  const custom = new Map<number, string>();
  for (const f of childrenNamed(child(root, "numFmts") ?? root, "numFmt"))
    custom.set(Number(f.attributes.get("numFmtId")), f.attributes.get("formatCode") ?? "");
  const xfs = childrenNamed(child(root, "cellXfs") ?? root, "xf");
  const dates = new Uint8Array(xfs.length);
  xfs.forEach((xf, i) => {
    const id = Number(xf.attributes.get("numFmtId") ?? 0);
    const code = custom.get(id);
    dates[i] = (code !== undefined ? isDateFormatCode(code) : isBuiltInDate(id)) ? 1 : 0;
  });
  return dates;
}

export interface FontLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** ARGB, e.g. "FF1F4E79". */
  readonly color?: string;
}

/** Where a cell's text sits, and whether it wraps. */
export interface AlignmentLook {
  readonly horizontal?: "right";
  readonly vertical?: "top";
  readonly wrapText?: boolean;
}

/** A cell format to add: a font, a solid fill colour, a number format code ("General" for none), an alignment. */
export interface CellLook {
  readonly font?: FontLook;
  readonly fill?: string;
  readonly numberFormat: string;
  readonly alignment?: AlignmentLook;
}

/** A conditional format's look: font colour and fill colour. */
export interface HighlightLook {
  readonly font: string;
  readonly fill: string;
}

/** Excel's built-in number formats that need no <numFmt> of their own. */
const BUILT_IN_CODES: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "m/d/yyyy": 14,
  "mm-dd-yy": 14,
};

/** The containers of a styleSheet in the schema's order, for inserting one that is missing. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** What a styles part needs at index 0 (and 1 for fills) for our formats' ids to be valid. */
const DEFAULTS: Record<"fonts" | "fills" | "borders" | "cellStyleXfs", string[]> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/></font>'],
  fills: [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
};

export const EMPTY_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** The source's first font: a new font keeps its name, family, scheme and (unless given) size. */
export interface BaseFont {
  readonly name: string | null;
  readonly family: string | null;
  readonly scheme: string | null;
  readonly size: number;
}

/** A number format of the workbook's own (ids from 164). */
export const numFmtXml = (id: number, code: string): string =>
  `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`;

/** A font: bold, italic, size and colour as given, the rest the base font's. */
export function fontXml(font: FontLook, base: BaseFont): string {
  const parts = [
    font.bold ? "<b/>" : "",
    font.italic ? "<i/>" : "",
    `<sz val="${font.size ?? base.size}"/>`,
    font.color !== undefined ? `<color rgb="${font.color}"/>` : '<color theme="1"/>',
    base.name !== null ? `<name val="${escapeAttribute(base.name)}"/>` : "",
    base.family !== null ? `<family val="${escapeAttribute(base.family)}"/>` : "",
    base.scheme !== null ? `<scheme val="${escapeAttribute(base.scheme)}"/>` : "",
  ];
  return `<font>${parts.join("")}</font>`;
}

/** A solid fill of one ARGB colour. */
export const solidFillXml = (argb: string): string =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;

/** A cell's alignment; nothing for the default (bottom, by the value's kind, no wrap). */
export function alignmentXml(look: AlignmentLook = {}): string {
  const attributes =
    (look.horizontal !== undefined ? ` horizontal="${look.horizontal}"` : "") +
    (look.vertical !== undefined ? ` vertical="${look.vertical}"` : "") +
    (look.wrapText === true ? ' wrapText="1"' : "");
  return attributes === "" ? "" : `<alignment${attributes}/>`;
}

/** A cell format: number format, font and fill by id, each applied when not the default; an alignment. */
export function cellXfXml(
  numFmtId: number,
  fontId: number,
  fillId: number,
  alignment: AlignmentLook = {}
): string {
  const align = alignmentXml(alignment);
  const applies = `${numFmtId !== 0 ? ' applyNumberFormat="1"' : ""}${fontId !== 0 ? ' applyFont="1"' : ""}${fillId !== 0 ? ' applyFill="1"' : ""}${align !== "" ? ' applyAlignment="1"' : ""}`;
  const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}`;
  return align === "" ? `${head}/>` : `${head}>${align}</xf>`;
}

/** A conditional format's look: a font colour and a solid fill. */
export const dxfXml = (look: HighlightLook): string =>
  `<dxf><font><color rgb="${look.font}"/></font><fill><patternFill patternType="solid"><fgColor rgb="${look.fill}"/><bgColor rgb="${look.fill}"/></patternFill></fill></dxf>`;

/** Collects the looks a sheet needs and writes them into the source's styles part. */
export class StylesEditor {
  private readonly root: XmlElement;
  private readonly baseFont: BaseFont;
  private readonly counts: Record<"numFmts" | "fonts" | "fills" | "cellXfs" | "dxfs", number>;
  private nextNumberFormatId: number;
  private readonly numberFormats = new Map<string, number>();
  private readonly newNumberFormats: string[] = [];
  private readonly fonts = new Map<string, number>();
  private readonly newFonts: string[] = [];
  private readonly fills = new Map<string, number>();
  private readonly newFills: string[] = [];
  private readonly cellXfs = new Map<string, number>();
  private readonly newCellXfs: string[] = [];
  private readonly newDxfs: string[] = [];
  /** Defaults a source without them needs (borders and cell style formats are never added otherwise). */
  private readonly newBorders: string[] = [];
  private readonly newCellStyleXfs: string[] = [];

  constructor(private readonly xml: string) {
    this.root = parseXml(xml);
    const count = (local: string, item: string): number => {
      const c = child(this.root, local);
      return c === undefined ? 0 : childrenNamed(c, item).length;
    };
    this.counts = {
      numFmts: count("numFmts", "numFmt"),
      fonts: count("fonts", "font"),
      fills: count("fills", "fill"),
      cellXfs: count("cellXfs", "xf"),
      dxfs: count("dxfs", "dxf"),
    };
    const ids = childrenNamed(child(this.root, "numFmts") ?? this.root, "numFmt").map((f) =>
      Number(f.attributes.get("numFmtId") ?? 0)
    );
    for (const f of childrenNamed(child(this.root, "numFmts") ?? this.root, "numFmt")) {
      const code = f.attributes.get("formatCode");
      if (code !== undefined) this.numberFormats.set(code, Number(f.attributes.get("numFmtId")));
    }
    this.nextNumberFormatId = Math.max(163, ...ids) + 1;
    if (this.counts.fonts === 0) this.newFonts.push(...DEFAULTS.fonts);
    if (this.counts.fills === 0) this.newFills.push(...DEFAULTS.fills);
    if (count("borders", "border") === 0) this.newBorders.push(...DEFAULTS.borders);
    if (count("cellStyleXfs", "xf") === 0) this.newCellStyleXfs.push(...DEFAULTS.cellStyleXfs);
    const first = childrenNamed(child(this.root, "fonts") ?? this.root, "font")[0];
    const val = (local: string): string | null =>
      first === undefined ? null : (child(first, local)?.attributes.get("val") ?? null);
    this.baseFont = {
      name: val("name"),
      family: val("family"),
      scheme: val("scheme"),
      size: Number(val("sz") ?? 11),
    };
  }

  /** The cellXfs index of a look, added when new. */
  cellFormat(look: CellLook): number {
    const numFmtId = this.numberFormatId(look.numberFormat);
    const fontId = look.font === undefined ? 0 : this.fontId(look.font);
    const fillId = look.fill === undefined ? 0 : this.fillId(look.fill);
    const align = alignmentXml(look.alignment);
    const key = `${numFmtId}/${fontId}/${fillId}/${align}`;
    const known = this.cellXfs.get(key);
    if (known !== undefined) return known;
    const index = this.counts.cellXfs + this.newCellXfs.length;
    this.newCellXfs.push(cellXfXml(numFmtId, fontId, fillId, look.alignment));
    this.cellXfs.set(key, index);
    return index;
  }

  /** The dxfs index of a conditional format's look, added. */
  highlight(look: HighlightLook): number {
    const index = this.counts.dxfs + this.newDxfs.length;
    this.newDxfs.push(dxfXml(look));
    return index;
  }

  private numberFormatId(code: string): number {
    const builtIn = BUILT_IN_CODES[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.numberFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumberFormatId++;
    this.numberFormats.set(code, id);
    this.newNumberFormats.push(numFmtXml(id, code));
    return id;
  }

  private fontId(font: FontLook): number {
    const key = JSON.stringify(font);
    const known = this.fonts.get(key);
    if (known !== undefined) return known;
    const index = this.counts.fonts + this.newFonts.length;
    this.newFonts.push(fontXml(font, this.baseFont));
    this.fonts.set(key, index);
    return index;
  }

  private fillId(argb: string): number {
    const known = this.fills.get(argb);
    if (known !== undefined) return known;
    const index = this.counts.fills + this.newFills.length;
    this.newFills.push(solidFillXml(argb));
    this.fills.set(argb, index);
    return index;
  }

  /** True when nothing was added: the source's part can be kept as it is. */
  get unchanged(): boolean {
    return (
      this.newNumberFormats.length +
        this.newFonts.length +
        this.newFills.length +
        this.newBorders.length +
        this.newCellStyleXfs.length +
        this.newCellXfs.length +
        this.newDxfs.length ===
      0
    );
  }

  /** The styles part with the additions, everything else as the source wrote it. */
  toXml(): string {
    const additions: [string, string, string[], number][] = [
      ["numFmts", "numFmt", this.newNumberFormats, this.counts.numFmts],
      ["fonts", "font", this.newFonts, this.counts.fonts],
      ["fills", "fill", this.newFills, this.counts.fills],
      ["borders", "border", this.newBorders, 0],
      ["cellStyleXfs", "xf", this.newCellStyleXfs, 0],
      ["cellXfs", "xf", this.newCellXfs, this.counts.cellXfs],
      ["dxfs", "dxf", this.newDxfs, this.counts.dxfs],
    ];
    const splices: Splice[] = [];
    const prefix = this.root.prefix === "" ? "" : `${this.root.prefix}:`;
    for (const [container, , items, before] of additions) {
      if (items.length === 0) continue;
      const markup = items
        .map((m) => (prefix === "" ? m : m.replace(/<(\/?)(\w)/g, `<$1${prefix}$2`)))
        .join("");
      const el = child(this.root, container);
      const total = before + items.length;
      if (el !== undefined) {
        splices.push(...appendChildren(this.xml, el, markup, total));
      } else {
        const at = insertionPoint(this.root, ORDER, container);
        splices.push({
          start: at,
          end: at,
          text: `<${prefix}${container} count="${total}">${markup}</${prefix}${container}>`,
        });
      }
    }
    return applySplices(this.xml, splices);
  }
}
