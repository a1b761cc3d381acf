/** Workbook files for tests: written from tables, built part by part, and read back cell by cell. */
import { openAsBlob, writeFileSync } from "fs";
import { BlobReader, Uint8ArrayWriter, ZipReader } from "@zip.js/zip.js";
import type { Entry, FileEntry } from "@zip.js/zip.js";
import { SourceTable } from "../../src/engine/sourceTable";
import { newTableOf, writeNewWorkbook } from "../../src/xlsx/newWorkbook";
import { CellKind } from "../../src/xlsx/sheetScanner";
import { XlsxPackage } from "../../src/xlsx/xlsxPackage";
import { PartData, writeArchive } from "../../src/xlsx/zipArchive";
import { ErrorValue } from "../../src/core/cells";
import { cellAddress } from "../../src/core/cellReferences";
import { child, childrenNamed, parseXml } from "../../src/xlsx/xmlTree";
import { attributesOf, nameOf, textOf, xmlElements } from "./xmlElements";

/** Tables as a new workbook file, one Excel table per table, dates as dates where `dateColumns` says. */
export async function writeTablesWorkbook(
  path: string,
  tables: readonly SourceTable[],
  dateColumns: Record<string, string[]> = {}
): Promise<void> {
  const newTables = tables.map((t) =>
    newTableOf(t, (h) => ((dateColumns[t.name] ?? []).includes(h) ? "yyyy-mm-dd" : undefined))
  );
  const blob = (await writeNewWorkbook(newTables, {})) as Blob;
  writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
}

/** A package from its parts as given (text or bytes), for workbooks as other tools write them. */
export async function writePackage(path: string, parts: Record<string, PartData>): Promise<void> {
  const blob = (await writeArchive(
    null,
    () => false,
    new Map(),
    new Map(Object.entries(parts)),
    {}
  )) as Blob;
  writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
}

export async function openPackage(path: string): Promise<XlsxPackage> {
  const pkg = await XlsxPackage.open(await openAsBlob(path), path);
  if (!pkg.ok) throw new Error(pkg.error.message);
  return pkg.value;
}

/** Every part of a package: its inflated bytes, its stored (compressed) bytes and its CRC. */
export async function packageParts(
  path: string
): Promise<Map<string, { data: Uint8Array; raw: Uint8Array; crc: number; method: number }>> {
  const reader = new ZipReader(new BlobReader(await openAsBlob(path)));
  const out = new Map<string, { data: Uint8Array; raw: Uint8Array; crc: number; method: number }>();
  for (const e of (await reader.getEntries()).filter((x: Entry): x is FileEntry => !x.directory)) {
    const data = await e.getData(new Uint8ArrayWriter());
    const raw = await e.getData(new Uint8ArrayWriter(), { passThrough: true });
    out.set(e.filename, { data, raw, crc: e.crc32 ?? 0, method: e.compressionMethod });
  }
  await reader.close();
  return out;
}

export async function partText(path: string, part: string): Promise<string> {
  const parts = await packageParts(path);
  const found = parts.get(part);
  if (found === undefined)
    throw new Error(`${path} has no part ${part} (parts: ${[...parts.keys()].join(", ")})`);
  return new TextDecoder().decode(found.data);
}

export type CellValue = string | number | boolean | ErrorValue;

/** A worksheet's cells by address ("B21"), as a reader sees them. */
export async function sheetCells(path: string, sheetName: string): Promise<Map<string, CellValue>> {
  const pkg = await openPackage(path);
  const sheet = pkg.worksheets.find((w) => w.name === sheetName);
  if (sheet === undefined)
    throw new Error(
      `${path} has no sheet ${sheetName} (sheets: ${pkg.worksheets.map((w) => w.name).join(", ")})`
    );
  const strings = await pkg.sharedStrings();
  const cells = new Map<string, CellValue>();
  let row = 0;
  await pkg.scan(
    sheet,
    {
      row(r) {
        row = r;
        return true;
      },
      cell(column, kind, number, text) {
        const value =
          kind === CellKind.Number
            ? number
            : kind === CellKind.Boolean
              ? number === 1
              : kind === CellKind.Error
                ? new ErrorValue(text)
                : kind === CellKind.Shared
                  ? (strings.get(number) ?? "")
                  : text;
        cells.set(cellAddress(row, column), value);
      },
    },
    new Uint8Array(16385).fill(1)
  );
  return cells;
}

/** The XML of a worksheet part, by sheet name. */
export async function sheetXml(path: string, sheetName: string): Promise<string> {
  const pkg = await openPackage(path);
  const sheet = pkg.worksheets.find((w) => w.name === sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  return pkg.archive.text(sheet.part);
}

/** A cell as stored: its attributes, its formula (text and the <f> element's attributes), and its number format code. */
export async function storedCell(
  path: string,
  sheetName: string,
  address: string
): Promise<{
  formula: string | null;
  format: string;
  cell: ReadonlyMap<string, string>;
  f: ReadonlyMap<string, string> | null;
}> {
  const elements = xmlElements(await sheetXml(path, sheetName));
  const at = elements.findIndex((e) => nameOf(e) === "c" && attributesOf(e).get("r") === address);
  if (at < 0) throw new Error(`no cell ${address} on ${sheetName}`);
  const cell = attributesOf(elements[at]);
  const f = elements[at].endsWith("/>") ? undefined : elements[at + 1];
  const formula = f !== undefined && nameOf(f) === "f" ? f : null;
  const styles = parseXml(await partText(path, "xl/styles.xml"));
  const xf = childrenNamed(child(styles, "cellXfs") ?? styles, "xf")[Number(cell.get("s") ?? 0)];
  const id = Number(xf?.attributes.get("numFmtId") ?? 0);
  const custom = childrenNamed(child(styles, "numFmts") ?? styles, "numFmt").find(
    (n) => Number(n.attributes.get("numFmtId")) === id
  );
  const builtIn: Record<number, string> = {
    0: "General",
    3: "#,##0",
    4: "#,##0.00",
    14: "m/d/yyyy",
  };
  return {
    formula: formula === null ? null : textOf(formula),
    format: custom?.attributes.get("formatCode") ?? builtIn[id] ?? String(id),
    cell,
    f: formula === null ? null : attributesOf(formula),
  };
}
