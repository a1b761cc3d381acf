/** The scorecard sheet's look, shared by the file writer and the Office.js writer. */
import { CellStyle } from "./scorecardPlan";
import { Status } from "../engine/status";

/** A font's look; colours are ARGB ("FF1F4E79"). */
export interface FontLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
}

/** The look of each kind of cell: a font and a solid fill colour (ARGB). */
export const STYLE_LOOK: Record<CellStyle, { readonly font?: FontLook; readonly fill?: string }> = {
  title: { font: { bold: true, size: 16, color: "FF1F4E79" } },
  subtitle: { font: { italic: true, size: 9, color: "FF595959" } },
  marker: { font: { size: 8, color: "FFA6A6A6" } },
  section: { font: { bold: true, size: 12, color: "FF1F4E79" }, fill: "FFDDEBF7" },
  header: { font: { bold: true, color: "FFFFFFFF" }, fill: "FF1F4E79" },
  label: {},
  input: { fill: "FFFFF2CC" },
  body: {},
  note: { font: { italic: true, color: "FF7F7F7F" } },
  snapshot: { font: { italic: true, color: "FF595959" }, fill: "FFEDEDED" },
};

/** Status colours, as Excel's own good / neutral / bad cell styles. */
export const STATUS_LOOK: Record<Status, { readonly font: string; readonly fill: string }> = {
  on_track: { font: "FF006100", fill: "FFC6EFCE" },
  at_risk: { font: "FF9C5700", fill: "FFFFEB9C" },
  off_track: { font: "FF9C0006", fill: "FFFFC7CE" },
};

/** "#1F4E79" for Office.js, from ARGB. */
export const cssColor = (argb: string): string => `#${argb.slice(2)}`;

/** Chart series colours in order (ARGB): Office's own palette, so charts look as Excel draws them. */
export const SERIES_COLORS: readonly string[] = [
  "FF4472C4",
  "FFED7D31",
  "FFA5A5A5",
  "FFFFC000",
  "FF5B9BD5",
  "FF70AD47",
];

/** A chart title's size in points (Excel's default, 14, crowds a chart beside a table). */
export const CHART_TITLE_POINTS = 12;
