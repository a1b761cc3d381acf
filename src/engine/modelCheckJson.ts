/**
 * The scorecard's model check as `--json` prints it, key "model_check": MODEL_CHECK's table, one
 * object per row keyed by its header, and the figures of the sheet's sentence.
 */
import { serialToIso } from "../core/cells";
import { MODEL_CHECK_HEADER, modelCheckTable } from "../core/sheetFunctions";
import { HoldoutCheck } from "./holdoutCheck";
import { Reason } from "./indicatorValue";

export interface ModelCheckJson {
  readonly calibration_end: string;
  readonly holdout_end: string;
  readonly holdout_days: number;
  /** MODEL_CHECK's rows (x = 0 … 6, "7+", "all"); a blank cell is null. Empty when not fitted. */
  readonly rows: Record<string, number | string | null>[];
  /** Totals over the calibration's customers: holdout purchase days, and expected ones. */
  readonly actual_purchases: number | null;
  readonly expected_purchases: number | null;
  /** (expected − actual) ÷ actual: −0.12 is an under-forecast by 12%. */
  readonly miss: number | null;
  /** The miss is beyond 25%: read the customers to call with care. */
  readonly read_with_care: boolean;
  readonly reason: string | null;
}

export function modelCheckJson(h: HoldoutCheck, reasonText: (r: Reason) => string): ModelCheckJson {
  const c = h.check;
  const rows =
    c === null
      ? []
      : modelCheckTable(c)
          .slice(1)
          .map((row) =>
            Object.fromEntries(
              MODEL_CHECK_HEADER.map((name, i) => [name, row[i] === "" ? null : row[i]])
            )
          );
  return {
    calibration_end: serialToIso(h.calibrationEnd),
    holdout_end: serialToIso(h.holdoutEnd),
    holdout_days: h.holdoutEnd - h.calibrationEnd,
    rows,
    actual_purchases: c?.actualPurchases ?? null,
    expected_purchases: c?.expectedPurchases ?? null,
    miss: c === null || Number.isNaN(c.miss) ? null : c.miss,
    read_with_care: h.readWithCare,
    reason: h.reason === null ? null : reasonText(h.reason),
  };
}
