/**
 * MODEL_CHECK through the built add-in (dist/functions.js, loaded as in benchModels.ts): both models
 * fitted at the calibration end and every customer's holdout set against its prediction. On the
 * whole CDNOW cohort, calibration to 1997-09-30 and holdout to 1998-06-30 (target ≤ 1 s), and on
 * 1,048,575 rows of 50,000 customers with the last 90 days as the holdout (target ≤ 3 s).
 */
import { isoDateToSerial } from "../core/cells";
import { builtFunctions, cdnowMaster } from "./benchModels";
import { Figure, show, time } from "./measure";

export function benchModelCheck(
  runs: number,
  sales: () => { ids: unknown[][]; dates: unknown[][]; amounts: unknown[][] },
  latestDay: number
): Figure[] {
  const functions = builtFunctions();
  if (functions === null) {
    console.log(
      "MODEL_CHECK through the built add-in: skipped (no dist/functions.js: npm run build first)"
    );
    return [];
  }
  const check = functions.MODEL_CHECK;
  console.log(
    "MODEL_CHECK through the built add-in (dist/functions.js), fitted at the calibration end:"
  );
  const cdnow = JSON.stringify(cdnowMaster());
  const [calibrationEnd, holdoutEnd] = [
    isoDateToSerial("1997-09-30"),
    isoDateToSerial("1998-06-30"),
  ];
  const whole = time(
    "MODEL_CHECK, CDNOW cohort, 69,659 rows, 23,570 customers",
    runs,
    () => JSON.parse(cdnow),
    (c) => check(c.ids, c.dates, c.amounts, calibrationEnd, holdoutEnd)
  );
  console.log("  " + show(whole, 1000));
  const big = time(
    "MODEL_CHECK, 1,048,575 rows, 50,000 customers, 90-day holdout",
    Math.max(1, Math.min(runs, 3)),
    sales,
    (s) => check(s.ids, s.dates, s.amounts, latestDay - 90, null)
  );
  console.log("  " + show(big, 3000));
  return [whole, big];
}
