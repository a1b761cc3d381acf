/** The scorecard sheet's look, shared by the ExcelJS and the Office.js writers. */
import { CellStyle } from "../plan/scorecardPlan";
import { Status } from "../engine/status";

/** Fonts as ExcelJS describes them; the Office.js writer reads the same fields. */
export interface FontLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: { readonly argb: string };
}

/** The look of each kind of cell; the task pane's writer uses the same colours. */
export const STYLE_LOOK: Record<CellStyle, { font?: FontLook; fill?: string }> = {
  title: { font: { bold: true, size: 16, color: { argb: "FF1F4E79" } } },
  subtitle: { font: { italic: true, size: 9, color: { argb: "FF595959" } } },
  marker: { font: { size: 8, color: { argb: "FFA6A6A6" } } },
  section: { font: { bold: true, size: 12, color: { argb: "FF1F4E79" } }, fill: "FFDDEBF7" },
  header: { font: { bold: true, color: { argb: "FFFFFFFF" } }, fill: "FF1F4E79" },
  label: {},
  input: { fill: "FFFFF2CC" },
  body: {},
  note: { font: { italic: true, color: { argb: "FF7F7F7F" } } },
};

/** Status colours, as Excel's own good / neutral / bad cell styles. */
export const STATUS_LOOK: Record<Status, { font: string; fill: string }> = {
  on_track: { font: "FF006100", fill: "FFC6EFCE" },
  at_risk: { font: "FF9C5700", fill: "FFFFEB9C" },
  off_track: { font: "FF9C0006", fill: "FFFFC7CE" },
};

