/** The CDNOW purchase data of test/fixtures/cdnow, as Excel would hand its columns over. */
import { readFileSync } from "fs";
import { join } from "path";
import { isoDateToSerial } from "../../src/core/cells";

const CDNOW = join(__dirname, "..", "fixtures", "cdnow");

/**
 * CDNOW rows: the sample's columns are id, sample id, date, CDs, dollars; the master's id, date,
 * CDs, dollars, under a header line.
 */
export function readCdnow(file: "CDNOW_sample.txt" | "CDNOW_master.txt"): {
  ids: string[][];
  dates: number[][];
  amounts: number[][];
} {
  const sample = file === "CDNOW_sample.txt";
  const ids: string[][] = [];
  const dates: number[][] = [];
  const amounts: number[][] = [];
  for (const line of readFileSync(join(CDNOW, file), "utf8").trim().split("\n")) {
    const f = line.trim().split(/\s+/);
    const d = f[sample ? 2 : 1];
    if (!/^\d{8}$/.test(d)) continue; // the header
    ids.push([f[0]]);
    dates.push([isoDateToSerial(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`)]);
    amounts.push([Number(f[sample ? 4 : 3])]);
  }
  return { ids, dates, amounts };
}
