/**
 * A chart part (xl/charts/chartN.xml) written as Excel writes one, element by element (each in its
 * own function, tested against the text Excel writes for it): a bar, column or line chart, or a
 * column chart with line series on a second value axis (Excel's combined chart). Series refer to
 * cells by formula and carry the values those cells hold, so a reader that does not recalculate
 * draws them.
 *
 * Where the schema leaves an element out to mean its default, Excel 2007 and later readers differ
 * on what that default is (LibreOffice reads an absent c:delete as a deleted axis, an absent
 * c:smooth as a smoothed line, unless the file says Excel 2007 wrote it): every such element is
 * written with its value, as Excel 2010 and later write them.
 */
import { escapeAttribute, escapeText } from "./xmlText";

export type ChartKindOut = "bar" | "column" | "line";

/** A range of cells as a chart refers to it, and the values it holds now. */
export interface ChartDataOut {
  /** A formula: `Scorecard!$B$10:$B$20`. */
  readonly ref: string;
  readonly values: readonly (string | number | null)[];
  /** The cells' number format code, for numbers ("General" when absent). */
  readonly formatCode?: string;
}

export interface ChartSeriesOut {
  readonly name: string;
  readonly values: ChartDataOut;
  /** The chart's kind when absent. */
  readonly kind?: ChartKindOut;
  readonly secondaryAxis?: boolean;
  /** A line series shown as markers, without its line. */
  readonly markersOnly?: boolean;
  /** Its colour, RGB ("4472C4"): every reader draws it so, with or without the workbook's theme. */
  readonly color?: string;
}

export interface ChartOut {
  readonly kind: ChartKindOut;
  readonly title: string;
  /** The title's size in points. */
  readonly titlePoints?: number;
  readonly categories: ChartDataOut;
  readonly series: readonly ChartSeriesOut[];
  /** Number formats of the value axis and of the second one. */
  readonly valueFormat?: string;
  readonly secondaryValueFormat?: string;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NAMESPACES =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Axis ids: the primary pair and the second pair, as Excel numbers them in its own files. */
const AXES = { primary: [50010001, 50010002], secondary: [60010001, 60010002] } as const;

const val = (name: string, value: string | number): string =>
  `<c:${name} val="${escapeAttribute(String(value))}"/>`;

/** A rich-text title, as Excel writes a title typed into the chart, bold at `points` when given. */
export function titleXml(text: string, points?: number): string {
  const font = points === undefined ? "" : ` sz="${Math.round(points * 100)}" b="1"`;
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr${font}/></a:pPr>` +
    `<a:r><a:rPr lang="en-US"${font}/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:layout/>${val("overlay", 0)}</c:title>`
  );
}

const solidFill = (rgb: string): string => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** A series' look: a bar's fill, a line's stroke (or none), a marker's fill and outline. */
export function seriesLookXml(s: ChartSeriesOut, kind: ChartKindOut): string {
  if (kind !== "line") return s.color === undefined ? "" : `<c:spPr>${solidFill(s.color)}</c:spPr>`;
  const line =
    s.markersOnly === true
      ? '<c:spPr><a:ln w="28575"><a:noFill/></a:ln></c:spPr>'
      : s.color === undefined
        ? ""
        : `<c:spPr><a:ln w="28575">${solidFill(s.color)}</a:ln></c:spPr>`;
  if (s.markersOnly !== true) return `${line}<c:marker>${val("symbol", "none")}</c:marker>`;
  const markerLook =
    s.color === undefined
      ? ""
      : `<c:spPr>${solidFill(s.color)}<a:ln>${solidFill(s.color)}</a:ln></c:spPr>`;
  return `${line}<c:marker>${val("symbol", "diamond")}${val("size", 9)}${markerLook}</c:marker>`;
}

/** A series' name, as a literal text. */
export const seriesNameXml = (name: string): string =>
  `<c:tx><c:v>${escapeText(name)}</c:v></c:tx>`;

const point = (i: number, v: string | number): string =>
  `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`;

/** Cells holding numbers (blanks left out of the cache, as Excel leaves them). */
export function numRefXml(data: ChartDataOut): string {
  const points = data.values
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? point(i, v) : ""))
    .join("");
  return (
    `<c:numRef><c:f>${escapeText(data.ref)}</c:f><c:numCache>` +
    `<c:formatCode>${escapeText(data.formatCode ?? "General")}</c:formatCode>` +
    `${val("ptCount", data.values.length)}${points}</c:numCache></c:numRef>`
  );
}

/** Cells holding text. */
export function strRefXml(data: ChartDataOut): string {
  const points = data.values.map((v, i) => (v === null || v === "" ? "" : point(i, v))).join("");
  return (
    `<c:strRef><c:f>${escapeText(data.ref)}</c:f><c:strCache>` +
    `${val("ptCount", data.values.length)}${points}</c:strCache></c:strRef>`
  );
}

/** Categories: numbers as numbers (dates, years), anything else as text. */
export function categoriesXml(data: ChartDataOut): string {
  return `<c:cat>${numericCategories(data) ? numRefXml(data) : strRefXml(data)}</c:cat>`;
}

/** One series of a bar (column) chart or a line chart; `index` counts the chart's series. */
export function seriesXml(
  s: ChartSeriesOut,
  kind: ChartKindOut,
  index: number,
  categories: ChartDataOut
): string {
  const head = `<c:ser>${val("idx", index)}${val("order", index)}${seriesNameXml(s.name)}`;
  const data = `${categoriesXml(categories)}<c:val>${numRefXml(s.values)}</c:val>`;
  const look = seriesLookXml(s, kind);
  if (kind !== "line") return `${head}${look}${val("invertIfNegative", 0)}${data}</c:ser>`;
  return `${head}${look}${data}${val("smooth", 0)}</c:ser>`;
}

/** The chart-type element holding some series: c:barChart (bars or columns) or c:lineChart. */
export function plotXml(kind: ChartKindOut, series: string, axes: readonly number[]): string {
  const ids = axes.map((id) => val("axId", id)).join("");
  if (kind === "line")
    return `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${series}${val("marker", 1)}${ids}</c:lineChart>`;
  const direction = val("barDir", kind === "bar" ? "bar" : "col");
  return `<c:barChart>${direction}${val("grouping", "clustered")}${val("varyColors", 0)}${series}${ids}</c:barChart>`;
}

const numFmt = (code: string | undefined): string =>
  code === undefined
    ? '<c:numFmt formatCode="General" sourceLinked="1"/>'
    : `<c:numFmt formatCode="${escapeAttribute(code)}" sourceLinked="0"/>`;

/** Whether categories are numbers (dates, years): Excel then gives their axis a number format. */
const numericCategories = (data: ChartDataOut): boolean =>
  data.values.every((v) => v === null || typeof v === "number");

/**
 * A category axis. `reversed`: the first category at the top of a bar chart, the value axis then
 * crossing at the last (the bottom). A second category axis is deleted, as Excel writes it.
 * `numeric`: categories that are numbers show in their cells' format, as Excel writes it.
 */
export function categoryAxisXml(
  ids: readonly number[],
  position: "b" | "l",
  options: {
    readonly reversed?: boolean;
    readonly deleted?: boolean;
    readonly numeric?: boolean;
  } = {}
): string {
  const orientation = options.reversed === true ? "maxMin" : "minMax";
  return (
    `<c:catAx>${val("axId", ids[0])}<c:scaling>${val("orientation", orientation)}</c:scaling>` +
    `${val("delete", options.deleted === true ? 1 : 0)}${val("axPos", position)}` +
    `${options.numeric === true ? numFmt(undefined) : ""}` +
    `${val("tickLblPos", "nextTo")}${val("crossAx", ids[1])}` +
    `${options.deleted === true ? "" : val("crosses", "autoZero")}` +
    `${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}</c:catAx>`
  );
}

/**
 * A value axis: the primary (left, or bottom of a bar chart) with gridlines, or the second
 * (right); from `min` when given (bars start at zero), else from what the values suggest.
 */
export function valueAxisXml(
  ids: readonly number[],
  position: "l" | "b" | "r",
  format: string | undefined,
  crosses: "autoZero" | "max",
  min?: number
): string {
  const from = min === undefined ? "" : val("min", min);
  return (
    `<c:valAx>${val("axId", ids[1])}<c:scaling>${val("orientation", "minMax")}${from}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", position)}${position === "r" ? "" : "<c:majorGridlines/>"}` +
    `${numFmt(format)}${val("tickLblPos", "nextTo")}${val("crossAx", ids[0])}` +
    `${val("crosses", crosses)}${val("crossBetween", "between")}</c:valAx>`
  );
}

/** The legend, below the plot; none for a chart of one series (its title says it). */
export const legendXml = (): string =>
  `<c:legend>${val("legendPos", "b")}<c:layout/>${val("overlay", 0)}</c:legend>`;

/** The plot area: the chart's own series, then those on the second axis, then the axes. */
export function plotAreaXml(chart: ChartOut): string {
  const kindOf = (s: ChartSeriesOut): ChartKindOut => s.kind ?? chart.kind;
  const groups: { kind: ChartKindOut; secondary: boolean; series: string[] }[] = [];
  chart.series.forEach((s, i) => {
    const secondary = s.secondaryAxis === true;
    let group = groups.find((g) => g.kind === kindOf(s) && g.secondary === secondary);
    if (group === undefined) {
      group = { kind: kindOf(s), secondary, series: [] };
      groups.push(group);
    }
    group.series.push(seriesXml(s, kindOf(s), i, chart.categories));
  });
  const plots = groups
    .sort((a, b) => Number(a.secondary) - Number(b.secondary))
    .map((g) => plotXml(g.kind, g.series.join(""), g.secondary ? AXES.secondary : AXES.primary));
  const bar = chart.kind === "bar";
  // Bars and columns start at zero, and so does a second axis beside them.
  const min = chart.kind === "line" ? undefined : 0;
  const axes = [
    categoryAxisXml(AXES.primary, bar ? "l" : "b", {
      reversed: bar,
      numeric: numericCategories(chart.categories),
    }),
    valueAxisXml(AXES.primary, bar ? "b" : "l", chart.valueFormat, bar ? "max" : "autoZero", min),
  ];
  if (groups.some((g) => g.secondary))
    axes.push(
      valueAxisXml(AXES.secondary, "r", chart.secondaryValueFormat, "max", min),
      categoryAxisXml(AXES.secondary, "b", { deleted: true })
    );
  return `<c:plotArea><c:layout/>${plots.join("")}${axes.join("")}</c:plotArea>`;
}

/** Printed as the sheet prints it. */
export const chartPrintSettingsXml = (): string =>
  '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>';

export function chartXml(chart: ChartOut): string {
  return (
    `${HEAD}<c:chartSpace ${NAMESPACES}>${val("lang", "en-US")}${val("roundedCorners", 0)}` +
    `<c:chart>${titleXml(chart.title, chart.titlePoints)}${val("autoTitleDeleted", 0)}${plotAreaXml(chart)}` +
    `${chart.series.length > 1 ? legendXml() : ""}${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}` +
    `</c:chart>${chartPrintSettingsXml()}</c:chartSpace>`
  );
}
