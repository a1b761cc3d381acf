/**
 * Files made to break a reader, generated rather than checked in: a zip writer that can lie (a
 * wrong CRC, sizes, an encrypted flag, two entries of one name, entries sharing bytes), a minimal
 * compound file (the container of .xls and password-protected workbooks), and a small sales
 * workbook whose sheet XML a case can write its own way.
 */
import * as zlib from "zlib";
import { createDeflateRaw, deflateRawSync } from "zlib";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value: number) => number }).crc32;

export function crc32(bytes: Uint8Array, previous = 0): number {
  if (nativeCrc32 !== undefined) return nativeCrc32(bytes, previous) >>> 0;
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  readonly name: string;
  readonly data: string | Uint8Array;
  /** 0 stored, 8 deflated (the default). */
  readonly method?: 0 | 8;
  /** Lies the entry tells: its CRC, its sizes, its flags (bit 0: encrypted). */
  readonly crc?: number;
  readonly uncompressedSize?: number;
  readonly flags?: number;
  /** Change the stored bytes after they are compressed (a flipped byte, say). */
  readonly damage?: (stored: Uint8Array) => void;
  /** The central directory points this entry at the same bytes as entry `sameBytesAs`. */
  readonly sameBytesAs?: number;
  /** Bytes compressed already (a part too big to hold inflated), with their CRC and size. */
  readonly deflated?: Deflated;
}

export interface Deflated {
  readonly bytes: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

/** Chunks deflated as they are made, never held whole inflated: for parts of gigabytes. */
export async function deflateChunks(chunks: Iterable<string | Uint8Array>): Promise<Deflated> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    const bytes = utf8(chunk);
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(out), crc, size };
}

const utf8 = (s: string | Uint8Array): Uint8Array =>
  typeof s === "string" ? new TextEncoder().encode(s) : s;

/** A zip archive, entry by entry as described, lies included. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const data = e.deflated === undefined ? utf8(e.data) : new Uint8Array(0);
    const method = e.deflated === undefined ? (e.method ?? 8) : 8;
    const stored = e.deflated?.bytes ?? Uint8Array.from(method === 8 ? deflateRawSync(data) : data);
    e.damage?.(stored);
    const name = Buffer.from(e.name, "utf8");
    const crc = e.crc ?? e.deflated?.crc ?? crc32(data);
    const size = e.uncompressedSize ?? e.deflated?.size ?? data.length;
    const flags = (e.flags ?? 0) | 0x800;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(0x5a210000, 10); // a fixed time and date
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(stored.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    const at = e.sameBytesAs === undefined ? offset : offsets[e.sameBytesAs];
    offsets.push(at);
    if (e.sameBytesAs === undefined) {
      locals.push(header, name, Buffer.from(stored));
      offset += header.length + name.length + stored.length;
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(flags, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(0x5a210000, 12);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(stored.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(at, 42);
    central.push(record, name);
    void i;
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length & 0xffff, 8);
  end.writeUInt16LE(entries.length & 0xffff, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A compound file (CFB) holding directory entries of these names: 512-byte sectors, the header,
 * one allocation-table sector and the directory. Its streams hold nothing.
 */
export function compoundFile(names: readonly string[]): Buffer {
  const sector = 512;
  const directorySectors = Math.ceil(names.length / 4);
  const file = Buffer.alloc(sector * (2 + directorySectors));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18); // minor version
  file.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  file.writeUInt16LE(0xfffe, 0x1c); // little-endian
  file.writeUInt16LE(9, 0x1e); // sector shift
  file.writeUInt16LE(6, 0x20); // mini sector shift
  file.writeUInt32LE(1, 0x2c); // one allocation-table sector
  file.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  file.writeUInt32LE(0xfffffffe, 0x3c); // no mini allocation table
  file.writeUInt32LE(0xfffffffe, 0x44); // no further DIFAT sectors
  for (let k = 0; k < 109; k++) file.writeUInt32LE(k === 0 ? 0 : 0xffffffff, 0x4c + 4 * k);
  // Sector 0, the allocation table: itself, then the directory's chain.
  const fat = sector;
  file.fill(0xff, fat, fat + sector);
  file.writeUInt32LE(0xfffffffd, fat);
  for (let k = 0; k < directorySectors; k++)
    file.writeUInt32LE(k + 1 === directorySectors ? 0xfffffffe : k + 2, fat + 4 * (k + 1));
  names.forEach((name, k) => {
    const at = sector * 2 + 128 * k;
    for (let c = 0; c < Math.min(31, name.length); c++)
      file.writeUInt16LE(name.charCodeAt(c), at + 2 * c);
    file.writeUInt16LE(2 * (Math.min(31, name.length) + 1), at + 0x40);
    file.writeUInt8(k === 0 ? 5 : 2, at + 0x42); // the root, then streams
  });
  return file;
}

/** A sales row of the small workbook: customer id, date serial, amount. */
export type SalesRow = readonly [string, number, number];

/** 60 rows of 15 customers over the first months of 2025, fixed. */
export const SALES_ROWS: readonly SalesRow[] = Array.from({ length: 60 }, (_, k) => [
  `C${String((k * 7) % 15).padStart(2, "0")}`,
  45658 + ((k * 11) % 80),
  100 + ((k * 37) % 400),
]);

/** How a case writes a sheet's text cell (an id, a header) and its number cells. */
export interface CellWriter {
  readonly text: (ref: string, text: string) => string;
  readonly number: (ref: string, value: number) => string;
}

export const PLAIN_CELLS: CellWriter = {
  text: (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`,
  number: (ref, value) => `<c r="${ref}"><v>${value}</v></c>`,
};

export function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The sales sheet's XML, each cell written by `cells`, with what a case puts before its rows. */
export function salesSheetXml(
  cells: CellWriter = PLAIN_CELLS,
  options: {
    readonly head?: string;
    readonly rows?: readonly SalesRow[];
    readonly tail?: string;
  } = {}
): string {
  const rows = options.rows ?? SALES_ROWS;
  const header = ["Customer", "Date", "Amount"]
    .map((h, j) => cells.text(`${"ABC"[j]}1`, h))
    .join("");
  const body = rows
    .map(
      ([id, date, amount], i) =>
        `<row r="${i + 2}">${cells.text(`A${i + 2}`, id)}${cells.number(`B${i + 2}`, date)}${cells.number(`C${i + 2}`, amount)}</row>`
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${options.head ?? ""}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:C${rows.length + 1}"/><sheetData><row r="1">${header}</row>${body}${options.tail ?? ""}</sheetData></worksheet>`;
}

export interface WorkbookParts {
  readonly sheet?: string | Uint8Array;
  readonly sheetName?: string;
  readonly workbook?: string;
  readonly sharedStrings?: string | Uint8Array;
  /** An Excel table over the sheet: its part's XML. */
  readonly table?: string;
  /** More entries, or entries to put in place of these (by name). */
  readonly extra?: readonly ZipEntry[];
}

/** The small sales workbook's entries: a plain sheet of a header row and SALES_ROWS, or the case's. */
export function workbookEntries(parts: WorkbookParts = {}): ZipEntry[] {
  const sheetName = escape(parts.sheetName ?? "Sales").replace(/"/g, "&quot;");
  const overrides = [
    [
      "/xl/workbook.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ],
    [
      "/xl/worksheets/sheet1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    ],
    [
      "/xl/sharedStrings.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
    ],
    [
      "/xl/tables/table1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
    ],
  ];
  const entries: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join("")}</Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data:
        parts.workbook ??
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${parts.sharedStrings === undefined ? "" : `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`}</Relationships>`,
    },
    { name: "xl/worksheets/sheet1.xml", data: parts.sheet ?? salesSheetXml() },
  ];
  if (parts.sharedStrings !== undefined)
    entries.push({ name: "xl/sharedStrings.xml", data: parts.sharedStrings });
  if (parts.table !== undefined) {
    entries.push({
      name: "xl/worksheets/_rels/sheet1.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
    });
    entries.push({ name: "xl/tables/table1.xml", data: parts.table });
  }
  for (const e of parts.extra ?? []) {
    const k = entries.findIndex((x) => x.name === e.name);
    if (k >= 0) entries[k] = e;
    else entries.push(e);
  }
  return entries;
}

/** An Excel table part over A1:C(rows+1), with these column names. */
export function tableXml(
  name: string,
  columns: readonly string[] = ["Customer", "Date", "Amount"],
  rows = SALES_ROWS.length
): string {
  const attr = (s: string): string => escape(s).replace(/"/g, "&quot;");
  return `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${MAIN}" id="1" name="${attr(name)}" displayName="${attr(name)}" ref="A1:C${rows + 1}"><tableColumns count="${columns.length}">${columns.map((c, k) => `<tableColumn id="${k + 1}" name="${attr(c)}"/>`).join("")}</tableColumns></table>`;
}
