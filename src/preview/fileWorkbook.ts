/**
 * The wizard's workbook in the browser preview: an .xlsx opened with ExcelJS, read by the same
 * reader as the command line and written by the same writer; the result is offered as a download.
 */
import type { Workbook } from "exceljs";
import { SourceTable } from "../engine/sourceTable";
import { ScorecardPlan } from "../plan/scorecardPlan";
import { tablesOfWorkbook, isScorecardSheet } from "../workbook/xlsxSource";
import { writePlan } from "../workbook/xlsxWriter";
import { ProgressListener, WorkbookPort, throwIfCancelled } from "../taskpane/workbookPort";

export interface Download {
  readonly url: string;
  readonly fileName: string;
}

export class FileWorkbook implements WorkbookPort {
  private tables: SourceTable[] | null = null;

  constructor(
    private readonly workbook: Workbook,
    private readonly fileName: string,
    private readonly offer: (download: Download) => void,
  ) {}

  async describeTables(): Promise<SourceTable[]> {
    this.tables ??= tablesOfWorkbook(this.workbook);
    return this.tables;
  }

  async readTable(table: SourceTable, onProgress: ProgressListener, signal?: AbortSignal): Promise<SourceTable> {
    throwIfCancelled(signal);
    const all = await this.describeTables();
    const found = all.find((t) => t.name === table.name && t.sheet === table.sheet) ?? table;
    onProgress({ phase: "reading", table: table.name, done: found.rowCount, total: found.rowCount });
    return found;
  }

  async findScorecard(): Promise<string | null> {
    return this.workbook.worksheets.find(isScorecardSheet)?.name ?? null;
  }

  async writeScorecard(plan: ScorecardPlan, onProgress: ProgressListener, signal?: AbortSignal): Promise<string> {
    throwIfCancelled(signal);
    onProgress({ phase: "writing", done: 0, total: plan.cells.length });
    const ws = writePlan(this.workbook, plan);
    onProgress({ phase: "writing", done: plan.cells.length, total: plan.cells.length });
    return ws.name;
  }

  async showScorecard(): Promise<void> {
    const buffer = await this.workbook.xlsx.writeBuffer();
    const blob = new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const base = this.fileName.replace(/\.xlsx$/i, "");
    this.offer({ url: URL.createObjectURL(blob), fileName: `${base} - scorecard.xlsx` });
  }

  displayLanguage(): string {
    return typeof navigator === "undefined" ? "en-US" : navigator.language;
  }
}
