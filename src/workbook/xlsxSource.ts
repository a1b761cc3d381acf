/**
 * The tables of a saved workbook, read with ExcelJS: Excel tables first; a sheet without
 * tables is read as one table under its first non-empty row (the header row).
 */
import type { Workbook, Worksheet } from "exceljs";
import { SourceTable } from "../engine/sourceTable";
import { MARKER_AREA, holdsMarker } from "../plan/scorecardPlan";
import { excelValue } from "./cellValues";

interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
}

/** Column letters and row of a cell address ("C12"). */
function decode(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.trim().toUpperCase());
  if (m === null) throw new Error(`not a cell address: ${address}`);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** True for the sheet a previous build wrote: it is not data. */
export function isScorecardSheet(ws: Worksheet): boolean {
  const { rows, columns } = MARKER_AREA;
  return holdsMarker(Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => ws.getCell(r + 1, c + 1).value)));
}

function readColumns(ws: Worksheet, firstDataRow: number, lastRow: number, firstColumn: number, width: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => new Array<unknown>(Math.max(0, lastRow - firstDataRow + 1)).fill(null));
  for (let r = firstDataRow; r <= lastRow; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    for (let j = 0; j < width; j++) columns[j][r - firstDataRow] = excelValue(row.getCell(firstColumn + j).value);
  }
  return columns;
}

function tableOf(ws: Worksheet, model: TableModel): SourceTable {
  const [from, to] = (model.tableRef ?? model.ref ?? "").split(":");
  const start = decode(from);
  const end = decode(to ?? from);
  const headerRow = model.headerRow === false ? start.row - 1 : start.row;
  const lastRow = end.row - (model.totalsRow ? 1 : 0);
  const width = end.column - start.column + 1;
  const headers = Array.from({ length: width }, (_, j) => model.columns[j]?.name ?? String(excelValue(ws.getCell(headerRow, start.column + j).value) ?? ""));
  const columns = readColumns(ws, headerRow + 1, lastRow, start.column, width);
  return { name: model.name, sheet: ws.name, isExcelTable: true, headers, columns, rowCount: Math.max(0, lastRow - headerRow), headerRow, firstColumn: start.column };
}

function headerRowTable(ws: Worksheet): SourceTable | null {
  let headerRow = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (headerRow === 0 && row.hasValues) headerRow = r;
  });
  if (headerRow === 0) return null;
  const header = ws.getRow(headerRow);
  let firstColumn = 0;
  for (let c = 1; c <= header.cellCount; c++) {
    if (excelValue(header.getCell(c).value) !== null) {
      firstColumn = c;
      break;
    }
  }
  if (firstColumn === 0) return null;
  const headers: string[] = [];
  for (let c = firstColumn; c <= header.cellCount; c++) {
    const v = excelValue(header.getCell(c).value);
    if (v === null || String(v).trim() === "") break;
    headers.push(String(v).trim());
  }
  const lastRow = Math.max(headerRow, ws.actualRowCount > 0 ? lastUsedRow(ws) : headerRow);
  const columns = readColumns(ws, headerRow + 1, lastRow, firstColumn, headers.length);
  return { name: ws.name, sheet: ws.name, isExcelTable: false, headers, columns, rowCount: lastRow - headerRow, headerRow, firstColumn };
}

function lastUsedRow(ws: Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (_row, r) => {
    last = r;
  });
  return last;
}

export function tablesOfWorkbook(workbook: Workbook): SourceTable[] {
  const tables: SourceTable[] = [];
  for (const ws of workbook.worksheets) {
    if (isScorecardSheet(ws)) continue;
    const own = ws.getTables().map((t) => ((t as unknown as { table?: TableModel }).table ?? (t as unknown as { model: TableModel }).model));
    if (own.length > 0) tables.push(...own.map((m) => tableOf(ws, m)));
    else {
      const t = headerRowTable(ws);
      if (t !== null && t.headers.length > 0) tables.push(t);
    }
  }
  return tables;
}
