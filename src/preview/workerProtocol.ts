/** Messages between the preview page and the Web Worker that holds the workbook file. */
import { SourceTable } from "../engine/sourceTable";
import { ScorecardPlan } from "../plan/scorecardPlan";
import { Progress } from "../workbook/workbookPort";
import type { Language } from "../core/language";
import type { StoredSettings } from "../workbook/storedSettings";

export type WorkerRequest =
  | {
      readonly id: number;
      readonly type: "open";
      readonly file: Blob;
      readonly name: string;
      readonly language: string;
    }
  | { readonly id: number; readonly type: "describe" }
  | {
      readonly id: number;
      readonly type: "read";
      readonly table: SourceTable;
      readonly columns: readonly number[];
    }
  | { readonly id: number; readonly type: "find" }
  | {
      readonly id: number;
      readonly type: "write";
      readonly plan: ScorecardPlan;
      readonly settings?: StoredSettings;
    }
  | { readonly id: number; readonly type: "stored"; readonly language: Language }
  | { readonly id: number; readonly type: "cancel" };

export type WorkerReply =
  | { readonly id: number; readonly type: "progress"; readonly progress: Progress }
  | { readonly id: number; readonly type: "result"; readonly value: unknown }
  | {
      readonly id: number;
      readonly type: "error";
      readonly message: string;
      readonly cancelled: boolean;
    };

/** What "write" answers: the sheet's name and the copy to download. */
export interface WrittenCopy {
  readonly sheetName: string;
  readonly blob: Blob;
  readonly extension: string;
}
