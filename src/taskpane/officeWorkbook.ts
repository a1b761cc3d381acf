/**
 * The wizard's workbook in Excel, through Office.js. Tables are read, and the sheet written, in
 * row blocks that keep each request far under Excel on the web's 5 MB limit.
 */
import { SourceTable } from "../engine/sourceTable";
import { HEADER_SEARCH_ROWS, headerRowOf } from "../engine/tableMapping";
import { MARKER_AREA, ScorecardPlan, holdsMarker } from "../plan/scorecardPlan";
import { Requirements, writePlanWithOffice } from "./officeWriter";
import {
  ProgressListener,
  WorkbookPort,
  WriteOptions,
  throwIfCancelled,
} from "../workbook/workbookPort";
import { SheetCheck } from "../workbook/sheetCheck";
import { findNamedScorecard } from "./scorecardIdentity";
import { CHECK_TIMING, CheckTiming, checkWrittenSheet } from "./readBack";
import { officeRequirements } from "./excelSupport";
import { officeErrorText } from "./workbookProblem";
import type { Language } from "../core/language";
import type { StoredRead, StoredSettings } from "../workbook/storedSettings";
import { readStoredSettings, storeSettings } from "./storedSettingsPart";
import { StopWatching, watchTableSheets } from "./dataChanges";

/** Cells per read request: at ~20 bytes a cell as JSON, about 2 MB. */
export const READ_BLOCK_CELLS = 100000;

/** A hidden or veryHidden sheet: its tables are taken only by name. */
const isHidden = (visibility: string | undefined): boolean =>
  visibility === "Hidden" || visibility === "VeryHidden";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const excelRun: ExcelRun = (batch) => Excel.run(batch);

export class OfficeWorkbook implements WorkbookPort {
  /** Ids of the sheets holding the tables described: their edits are data changes. */
  private tableSheetIds: ReadonlySet<string> = new Set();

  constructor(
    private readonly run: ExcelRun = excelRun,
    private readonly supports: Requirements = officeRequirements(),
    private readonly timing: CheckTiming = CHECK_TIMING
  ) {}

  /**
   * The workbook's date system: DATE(1904,1,1) is day 0 in a 1904 workbook and day 1462 in a 1900
   * one (WorkbookFunctions, ExcelApi 1.2; Office.js has no property for it).
   */
  async dateSystem(): Promise<1900 | 1904> {
    return this.run(async (context) => {
      const day = context.workbook.functions.date(1904, 1, 1);
      day.load("value");
      await context.sync();
      return day.value === 0 ? 1904 : 1900;
    });
  }

  async describeTables(): Promise<SourceTable[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility,items/id");
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      const tableParts = tables.items.map((t) => {
        const range = t.getRange();
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        const header = t.getHeaderRowRange();
        header.load("values");
        t.worksheet.load("name,visibility,id");
        t.load("showTotals");
        return { t, range, header };
      });
      const markers = sheets.items.map((ws) => {
        const top = ws.getRange(MARKER_AREA.address);
        top.load("values");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        return { ws, top, used };
      });
      await context.sync();
      const out: SourceTable[] = tableParts.map(({ t, range, header }) => ({
        name: t.name,
        sheet: t.worksheet.name,
        isExcelTable: true,
        headers: (header.values[0] ?? []).map((h) => String(h)),
        columns: [],
        rowCount: range.rowCount - 1 - (t.showTotals ? 1 : 0),
        headerRow: range.rowIndex + 1,
        firstColumn: range.columnIndex + 1,
        hidden: isHidden(t.worksheet.visibility),
      }));
      const sheetsWithTables = new Set(out.map((t) => t.sheet));
      const headerRows = markers
        .filter(
          ({ ws, top, used }) =>
            !sheetsWithTables.has(ws.name) && !used.isNullObject && !holdsMarker(top.values)
        )
        .map(({ ws, used }) => {
          // The header is searched in the first rows: title rows above it are allowed.
          const top = ws.getRangeByIndexes(
            used.rowIndex,
            used.columnIndex,
            Math.min(HEADER_SEARCH_ROWS, used.rowCount),
            used.columnCount
          );
          top.load("values");
          return { ws, used, top };
        });
      await context.sync();
      const ids = new Set(tableParts.map(({ t }) => t.worksheet.id));
      for (const { ws, used, top } of headerRows) {
        const rows = top.values.map((r) => r.map((v) => (v === "" ? null : v)));
        const at = headerRowOf(rows);
        if (at < 0) continue;
        const names = top.values[at].map((h) => String(h ?? "").trim());
        const first = names.findIndex((h) => h !== "");
        const width = names.slice(first).findIndex((h) => h === "");
        const headers = width < 0 ? names.slice(first) : names.slice(first, first + width);
        if (headers.length === 0) continue;
        out.push({
          name: ws.name,
          sheet: ws.name,
          isExcelTable: false,
          headers,
          columns: [],
          rowCount: used.rowCount - 1 - at,
          headerRow: used.rowIndex + 1 + at,
          firstColumn: used.columnIndex + 1 + first,
          hidden: isHidden(ws.visibility),
        });
        ids.add(ws.id);
      }
      this.tableSheetIds = ids;
      return out;
    });
  }

  async readTable(
    table: SourceTable,
    columnIndexes: readonly number[],
    onProgress: ProgressListener,
    signal?: AbortSignal
  ): Promise<SourceTable> {
    const wanted = new Set(columnIndexes);
    const columns: unknown[][] = table.headers.map((_, j) =>
      wanted.has(j) ? new Array<unknown>(table.rowCount) : []
    );
    // Adjacent wanted columns are read together, each run in row blocks.
    const runs: { first: number; width: number }[] = [];
    for (const j of [...wanted].sort((a, b) => a - b)) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last.first + last.width === j) last.width++;
      else runs.push({ first: j, width: 1 });
    }
    const cellsPerRow = runs.reduce((n, r) => n + r.width, 0);
    const block = Math.max(1, Math.floor(READ_BLOCK_CELLS / Math.max(1, cellsPerRow)));
    onProgress({ phase: "reading", table: table.name, done: 0, total: table.rowCount });
    for (let start = 0; start < table.rowCount; start += block) {
      throwIfCancelled(signal);
      const rows = Math.min(block, table.rowCount - start);
      // One request per block on purpose: Excel on the web refuses a response over 5 MB.
      const blocks = await this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(table.sheet);
        // headerRow is 1-based, so as a 0-based index it is the first data row.
        const ranges = runs.map((r) => {
          const range = sheet.getRangeByIndexes(
            table.headerRow + start,
            table.firstColumn - 1 + r.first,
            rows,
            r.width
          );
          range.load("values");
          return range;
        });
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- see the comment above
        await context.sync();
        return ranges.map((range) => range.values);
      });
      runs.forEach((r, k) => {
        const values = blocks[k];
        for (let i = 0; i < rows; i++)
          for (let c = 0; c < r.width; c++)
            columns[r.first + c][start + i] = values[i][c] === "" ? null : values[i][c];
      });
      onProgress({
        phase: "reading",
        table: table.name,
        done: start + rows,
        total: table.rowCount,
      });
    }
    return { ...table, columns };
  }

  /** The sheet SPEC_Scorecard names; a copy carrying the marker but not the name is the analyst's. */
  async findScorecard(): Promise<string | null> {
    return findNamedScorecard(this.run);
  }

  async writeScorecard(
    plan: ScorecardPlan,
    onProgress: ProgressListener,
    signal?: AbortSignal,
    options: WriteOptions = {}
  ): Promise<string> {
    const existing = await this.findScorecard();
    return writePlanWithOffice(this.run, plan, existing, onProgress, signal, {
      values: options.values === true,
      date1904: (await this.dateSystem()) === 1904,
      supports: this.supports,
    });
  }

  /** The read-back; if Excel refuses it, that is what the check says (the sheet is written). */
  async checkScorecard(sheetName: string, plan: ScorecardPlan): Promise<SheetCheck> {
    try {
      return await checkWrittenSheet(this.run, sheetName, plan, this.supports, this.timing);
    } catch (e) {
      return {
        checked: 0,
        problems: [{ kind: "other_error", error: officeErrorText(e), cells: [] }],
      };
    }
  }

  async showScorecard(sheetName: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      // Scrolled to the top: the headline indicators and their statuses in view.
      ws.getRange("A1").select();
      await context.sync();
    });
  }

  storedSettings(language: Language): Promise<StoredRead> {
    return readStoredSettings(this.run, language);
  }

  storeSettings(settings: StoredSettings): Promise<void> {
    return storeSettings(this.run, settings);
  }

  watchChanges(onChange: () => void): Promise<StopWatching | null> {
    return watchTableSheets(this.run, () => this.tableSheetIds, onChange);
  }

  displayLanguage(): string {
    return typeof Office !== "undefined" && Office.context?.displayLanguage
      ? Office.context.displayLanguage
      : "en-US";
  }
}
