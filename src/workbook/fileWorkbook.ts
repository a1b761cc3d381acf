/**
 * A workbook file as the scorecard's pipeline sees it (the command line in Node, the preview in a
 * browser's Web Worker): an .xlsx/.xlsm package read with the package layer, or CSV files that
 * become a new workbook. Writing produces a copy of the package with the Scorecard sheet; the
 * source is never written.
 */
import { Result, ok } from "../core/result";
import { SourceTable } from "../engine/sourceTable";
import {
  SCORECARD_NAME,
  SCORECARD_SHEET,
  ScorecardPlan,
  scorecardNameFormula,
} from "../plan/scorecardPlan";
import { GRID } from "../plan/references";
import { UnreadableFile } from "../xlsx/unreadable";
import { newTableOf, writeNewWorkbook } from "../xlsx/newWorkbook";
import { writeWithWorksheet } from "../xlsx/worksheetAdder";
import { XlsxPackage } from "../xlsx/xlsxPackage";
import { ArchiveOutput } from "../xlsx/zipArchive";
import { CsvTable } from "./csvSource";
import { scorecardWorksheet } from "./scorecardSheet";
import { FileTable, describeFileTables, productSheet, readFileTable } from "./xlsxTables";
import { ProgressListener, WorkbookPort, throwIfCancelled } from "./workbookPort";

type Source =
  | { readonly kind: "package"; readonly pkg: XlsxPackage; readonly label: string }
  | { readonly kind: "csv"; readonly tables: readonly CsvTable[] };

/** Where a copy goes: a stream (a temporary file in Node), or none for a Blob kept in memory. */
export type OutputOpener = () => Promise<ArchiveOutput>;

export class FileWorkbook implements WorkbookPort {
  private described: SourceTable[] | null = null;
  /** The copy last written, when the output was not a stream (the browser preview's download). */
  written: Blob | null = null;

  private constructor(
    private source: Source,
    private readonly output: OutputOpener,
    private readonly language: string
  ) {}

  /** Opens a workbook file; a file that is not one is refused with what to do. */
  static async open(
    blob: Blob,
    label: string,
    output: OutputOpener,
    language = "en-US"
  ): Promise<Result<FileWorkbook>> {
    const pkg = await XlsxPackage.open(blob, label);
    if (!pkg.ok) return pkg;
    return ok(new FileWorkbook({ kind: "package", pkg: pkg.value, label }, output, language));
  }

  static ofCsv(
    tables: readonly CsvTable[],
    output: OutputOpener,
    language = "en-US"
  ): FileWorkbook {
    return new FileWorkbook({ kind: "csv", tables }, output, language);
  }

  /** The file name ending the copy needs: .xlsm stays .xlsm. */
  get extension(): string {
    return this.source.kind === "package" ? this.source.pkg.extension : ".xlsx";
  }

  async describeTables(): Promise<SourceTable[]> {
    if (this.described === null) {
      this.described =
        this.source.kind === "package"
          ? await describeFileTables(this.source.pkg)
          : this.source.tables.map((t) => t.table);
    }
    return this.described;
  }

  async readTable(
    table: SourceTable,
    columns: readonly number[],
    onProgress: ProgressListener,
    signal?: AbortSignal
  ): Promise<SourceTable> {
    throwIfCancelled(signal);
    const found =
      (await this.describeTables()).find((t) => t.name === table.name && t.sheet === table.sheet) ??
      table;
    if (this.source.kind === "csv") {
      onProgress({
        phase: "reading",
        table: table.name,
        done: found.rowCount,
        total: found.rowCount,
      });
      return found;
    }
    return readFileTable(this.source.pkg, found as FileTable, columns, (name, done, total) => {
      throwIfCancelled(signal);
      onProgress({ phase: "reading", table: name, done, total });
    });
  }

  /** Checks the parts read only in part (an UnreadableFile when one is damaged): before any answer. */
  async verifyRead(): Promise<void> {
    if (this.source.kind === "package") await this.source.pkg.verifyRead();
  }

  async findScorecard(): Promise<string | null> {
    if (this.source.kind === "csv") return null;
    return (await productSheet(this.source.pkg))?.name ?? null;
  }

  async writeScorecard(
    plan: ScorecardPlan,
    onProgress: ProgressListener,
    signal?: AbortSignal
  ): Promise<string> {
    throwIfCancelled(signal);
    const rows = plan.cells.reduce((n, c) => Math.max(n, c.row + (c.spill?.rows ?? 1) - 1), 0);
    if (rows > GRID.rows)
      // A plan longer than a sheet (one row per customer, a million customers): refused whole,
      // never a sheet cut short nor a file Excel would reject.
      throw new UnreadableFile(
        `the Scorecard would need ${rows.toLocaleString("en")} rows (a row per customer in its customer value table), past Excel's last row, ${GRID.rows.toLocaleString("en")}; use --json for the figures, or build it from fewer customers`
      );
    onProgress({ phase: "writing", done: 0, total: rows });
    await this.verifyRead();
    const pkg =
      this.source.kind === "package" ? this.source.pkg : await this.newPackage(this.source.tables);
    const replacing = this.source.kind === "package" ? await productSheet(pkg) : null;
    const written = await writeWithWorksheet(
      pkg,
      {
        name: plan.sheetName || SCORECARD_SHEET,
        replacing,
        content: (styles, cm) => scorecardWorksheet(plan, styles, cm),
        identity: { name: SCORECARD_NAME, formula: scorecardNameFormula },
      },
      await this.output()
    );
    this.written = written.blob;
    if (written.blob !== null) {
      // Kept in memory (the preview): the copy is the workbook now, so building again replaces its sheet.
      const label = this.source.kind === "package" ? this.source.label : "the workbook";
      const copy = await XlsxPackage.open(written.blob, label);
      if (copy.ok) this.source = { kind: "package", pkg: copy.value, label };
    }
    onProgress({ phase: "writing", done: rows, total: rows });
    return written.sheetName;
  }

  /** CSV tables as a new workbook, one Excel table per file, to add the Scorecard to. */
  private async newPackage(tables: readonly CsvTable[]): Promise<XlsxPackage> {
    const newTables = tables.map(({ table, dateColumns }) =>
      newTableOf(table, (_h, j) => (dateColumns[j] ? "yyyy-mm-dd" : undefined))
    );
    const blob = (await writeNewWorkbook(newTables, {})) as Blob;
    const pkg = await XlsxPackage.open(blob, "the new workbook");
    if (!pkg.ok) throw new Error(pkg.error.message);
    return pkg.value;
  }

  async showScorecard(): Promise<void> {
    // A file shows nothing by itself: the command line names it, the preview offers it.
  }

  displayLanguage(): string {
    return this.language;
  }
}
