/**
 * "Can we trust the customer model?" (SPEC.md §2.6, issue 20): the scorecard's MODEL_CHECK, the
 * models fitted on the rows up to as of − 90 days and checked on the 90 days to as of. When their
 * total expected purchases miss what customers made by more than a quarter, the customers-to-call
 * ranking, which rests on the same models, is to be read with care.
 */
import { ModelCheck } from "../core/modelCheck";
import { CustomerModelsByDay } from "./customerOutlook";
import { Reason } from "./indicatorValue";

/** The holdout of the scorecard's model check: the last 90 days to as of. */
export const HOLDOUT_DAYS = 90;

export interface HoldoutCheck {
  /** As of − HOLDOUT_DAYS. */
  readonly calibrationEnd: number;
  /** As of. */
  readonly holdoutEnd: number;
  /** Null when the models cannot be fitted at the calibration end. */
  readonly check: ModelCheck | null;
  readonly reason: Reason | null;
  /** The models missed the holdout's purchases by more than BAD_MISS of them. */
  readonly readWithCare: boolean;
}

export function holdoutCheck(models: CustomerModelsByDay, asOf: number): HoldoutCheck {
  const calibrationEnd = asOf - HOLDOUT_DAYS;
  const check = models.checkOnHoldout(calibrationEnd);
  if (!check.ok)
    return {
      calibrationEnd,
      holdoutEnd: asOf,
      check: null,
      reason: "model_not_fitted",
      readWithCare: false,
    };
  return {
    calibrationEnd,
    holdoutEnd: asOf,
    check: check.value,
    reason: null,
    readWithCare: check.value.missedBadly,
  };
}
