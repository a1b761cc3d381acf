import { isoDateToSerial, serialToIso } from "../../src/core/cells";
import { PeriodKind, periodOf } from "../../src/engine/period";

const d = isoDateToSerial;
const iso = serialToIso;

test.each<[PeriodKind, string, string, string, number, number, string, string, string, string]>([
  // kind, as of, start, full end, days, elapsed, previous start, previous end, before-previous start, end
  [
    "quarter",
    "2025-05-20",
    "2025-04-01",
    "2025-06-30",
    91,
    50,
    "2025-01-01",
    "2025-02-19",
    "2024-10-01",
    "2024-11-19",
  ],
  [
    "quarter",
    "2025-04-01",
    "2025-04-01",
    "2025-06-30",
    91,
    1,
    "2025-01-01",
    "2025-01-01",
    "2024-10-01",
    "2024-10-01",
  ],
  [
    "quarter",
    "2025-12-31",
    "2025-10-01",
    "2025-12-31",
    92,
    92,
    "2025-07-01",
    "2025-09-30",
    "2025-04-01",
    "2025-06-30",
  ],
  [
    "month",
    "2025-03-31",
    "2025-03-01",
    "2025-03-31",
    31,
    31,
    "2025-02-01",
    "2025-02-28",
    "2025-01-01",
    "2025-01-28",
  ],
  [
    "month",
    "2024-02-29",
    "2024-02-01",
    "2024-02-29",
    29,
    29,
    "2024-01-01",
    "2024-01-29",
    "2023-12-01",
    "2023-12-29",
  ],
  [
    "month",
    "2025-03-20",
    "2025-03-01",
    "2025-03-31",
    31,
    20,
    "2025-02-01",
    "2025-02-20",
    "2025-01-01",
    "2025-01-20",
  ],
  [
    "year",
    "2025-12-31",
    "2025-01-01",
    "2025-12-31",
    365,
    365,
    "2024-01-01",
    "2024-12-30",
    "2023-01-01",
    "2023-12-31",
  ],
  [
    "year",
    "2025-01-01",
    "2025-01-01",
    "2025-12-31",
    365,
    1,
    "2024-01-01",
    "2024-01-01",
    "2023-01-01",
    "2023-01-01",
  ],
])(
  "%s as of %s",
  (kind, asOf, start, end, days, elapsed, prevStart, prevEnd, beforeStart, beforeEnd) => {
    const p = periodOf(kind, d(asOf));
    expect([iso(p.current.start), iso(p.current.end), iso(p.full.end)]).toEqual([start, asOf, end]);
    expect([p.daysInPeriod, p.elapsedDays]).toEqual([days, elapsed]);
    expect([iso(p.previous.start), iso(p.previous.end)]).toEqual([prevStart, prevEnd]);
    expect([iso(p.beforePrevious.start), iso(p.beforePrevious.end)]).toEqual([
      beforeStart,
      beforeEnd,
    ]);
  }
);
