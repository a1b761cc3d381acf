/**
 * A sheet's drawing part (xl/drawings/drawingN.xml) holding its charts, as Excel writes one: each
 * chart a graphic frame anchored to two cells (it moves and sizes with them), pointing at its chart
 * part through the drawing's relationships. And the parts a sheet's charts add to a package: the
 * drawing, its relationships, one chart part each, under names no part of the package has.
 */
import { ChartOut, chartXml } from "./chartPart";
import { CONTENT_TYPES } from "./contentTypes";
import {
  RELATIONSHIP_TYPES,
  relationshipXml,
  relationshipsPartOf,
  relationshipsXml,
} from "./relationships";
import { escapeAttribute } from "./xmlText";

/** Where a chart sits: from a cell's top-left corner to another's (0-based rows and columns). */
export interface AnchorOut {
  readonly fromRow: number;
  readonly fromColumn: number;
  readonly toRow: number;
  readonly toColumn: number;
}

export interface SheetChartOut {
  /** The chart's name on the sheet ("SPEC funnel"), as Excel and Office.js name it. */
  readonly name: string;
  readonly anchor: AnchorOut;
  readonly chart: ChartOut;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const cell = (tag: "from" | "to", row: number, column: number): string =>
  `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** One chart's anchor and frame; `id` is its shape id, `relationshipId` its chart part's. */
export function chartAnchorXml(
  chart: Pick<SheetChartOut, "name" | "anchor">,
  id: number,
  relationshipId: string
): string {
  const a = chart.anchor;
  return (
    `<xdr:twoCellAnchor>${cell("from", a.fromRow, a.fromColumn)}${cell("to", a.toRow, a.toColumn)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeAttribute(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${escapeAttribute(relationshipId)}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The drawing part: chart i is shape i + 2 (1 is the drawing's own) and relationship rId(i + 1). */
export function drawingXml(charts: readonly Pick<SheetChartOut, "name" | "anchor">[]): string {
  return (
    `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `${charts.map((c, i) => chartAnchorXml(c, i + 2, `rId${i + 1}`)).join("")}</xdr:wsDr>`
  );
}

/** "xl/charts/chart3.xml": the numbers after the highest `stem` number among `taken`. */
export function numberedPartNames(
  taken: Iterable<string>,
  stem: string,
  extension: string,
  count: number
): string[] {
  const pattern = new RegExp(
    `^${stem.replace(/[./]/g, "\\$&")}(\\d+)${extension.replace(".", "\\.")}$`,
    "i"
  );
  let highest = 0;
  for (const name of taken) {
    const m = pattern.exec(name);
    if (m !== null) highest = Math.max(highest, Number(m[1]));
  }
  return Array.from({ length: count }, (_, i) => `${stem}${highest + 1 + i}${extension}`);
}

/** The parts a sheet's charts add: their names, content, content types, and the sheet's relationship to the drawing. */
export interface DrawingParts {
  readonly parts: ReadonlyMap<string, string>;
  readonly contentTypes: ReadonlyMap<string, string>;
  /** The drawing part, for the sheet's relationship to it. */
  readonly drawing: string;
}

/** The drawing, its relationships and the chart parts, named after every part in `taken`. */
export function drawingParts(
  charts: readonly SheetChartOut[],
  taken: Iterable<string>
): DrawingParts {
  const names = [...taken];
  const [drawing] = numberedPartNames(names, "xl/drawings/drawing", ".xml", 1);
  const chartParts = numberedPartNames(names, "xl/charts/chart", ".xml", charts.length);
  const parts = new Map<string, string>([[drawing, drawingXml(charts)]]);
  parts.set(
    relationshipsPartOf(drawing),
    relationshipsXml(
      chartParts.map((part, i) =>
        relationshipXml(`rId${i + 1}`, RELATIONSHIP_TYPES.chart, drawing, part)
      )
    )
  );
  const contentTypes = new Map<string, string>([[drawing, CONTENT_TYPES.drawing]]);
  charts.forEach((c, i) => {
    parts.set(chartParts[i], chartXml(c.chart));
    contentTypes.set(chartParts[i], CONTENT_TYPES.chart);
  });
  return { parts, contentTypes, drawing };
}
