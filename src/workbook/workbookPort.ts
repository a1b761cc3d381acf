/**
 * What building a scorecard needs of a workbook, whichever it is: the open workbook through
 * Office.js (the task pane), or a workbook file (the browser preview and the command line).
 */
import { SourceTable } from "../engine/sourceTable";
import { ScorecardPlan } from "../plan/scorecardPlan";
import { SheetCheck } from "./sheetCheck";
import type { Language } from "../core/language";
import type { StoredRead, StoredSettings } from "./storedSettings";

/** Progress of a long step: done of total, in the unit named. */
export interface Progress {
  readonly phase: "reading" | "computing" | "writing";
  readonly table?: string;
  readonly done: number;
  readonly total: number;
}

export type ProgressListener = (p: Progress) => void;

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** How the sheet is written: live formulas (the default), or every cell as its computed value. */
export interface WriteOptions {
  readonly values?: boolean;
  /** What this build used, kept in a workbook file with the sheet (files only; see storeSettings). */
  readonly settings?: StoredSettings;
}

export interface WorkbookPort {
  /** The workbook's tables with their headers and row counts, data not yet read (columns empty). */
  describeTables(): Promise<SourceTable[]>;
  /**
   * One table with the data of the columns asked for (indexes into its headers), read in row
   * blocks; its other columns stay empty.
   */
  readTable(
    table: SourceTable,
    columns: readonly number[],
    onProgress: ProgressListener,
    signal?: AbortSignal
  ): Promise<SourceTable>;
  /** The name of the sheet an earlier build made (found by its marker), or null. */
  findScorecard(): Promise<string | null>;
  /** Writes the plan, replacing the earlier scorecard sheet if any; returns the sheet's name. */
  writeScorecard(
    plan: ScorecardPlan,
    onProgress: ProgressListener,
    signal?: AbortSignal,
    options?: WriteOptions
  ): Promise<string>;
  /** Where the workbook counts days from (Excel for Mac's old default is 1904); absent: 1900. */
  dateSystem?(): Promise<1900 | 1904>;
  /** Reads the written sheet back once Excel has calculated it (the task pane). */
  checkScorecard?(sheetName: string, plan: ScorecardPlan): Promise<SheetCheck>;
  /** Brings the sheet to the front (the task pane) or offers the file (the preview). */
  showScorecard(sheetName: string): Promise<void>;
  /** The settings an earlier build stored in the workbook: none, read, or refused (and why). */
  storedSettings?(language: Language): Promise<StoredRead>;
  /**
   * Keeps what this build used in the workbook, once the sheet is written (the task pane, through
   * Office.js); a workbook file keeps them in the copy written (WriteOptions.settings) instead.
   */
  storeSettings?(settings: StoredSettings): Promise<void>;
  /**
   * Calls `onChange` whenever the tables' data may have changed; resolves to what stops it, or to
   * null when changes cannot be known (then every build reads the data again). A file never changes.
   */
  watchChanges?(onChange: () => void): Promise<(() => void) | null>;
  /** Office's display language, as "es-ES" or "en-US". */
  displayLanguage(): string;
}
