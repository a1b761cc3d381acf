/**
 * The chart parts the file writer adds, compared element by element with the charts Excel saved
 * (test/fixtures/excel-authored, XlsxWriter's comparison files): the same chart described to our
 * writer gives Excel's elements in Excel's order. What we write on purpose beyond them is named
 * below, each with its reason, and left out of both sides; nothing else may differ.
 */
import { join } from "path";
import { ChartDataOut, ChartOut, chartXml } from "../../src/xlsx/chartPart";
import { CONTENT_TYPES } from "../../src/xlsx/contentTypes";
import { drawingParts, drawingXml } from "../../src/xlsx/drawingPart";
import { compareXml } from "../support/packageComparison";
import { partText } from "../support/workbooks";
import { nameOf, xmlElements } from "../support/xmlElements";

const FIXTURES = join(__dirname, "..", "fixtures", "excel-authored");
const excelPart = (file: string, part: string): Promise<string> =>
  partText(join(FIXTURES, `${file}.xlsx`), part);

/** Cells A1:A5 (or another column) of Sheet1 holding these numbers. */
const column = (letter: string, values: number[]): ChartDataOut => ({
  ref: `Sheet1!$${letter}$1:$${letter}$${values.length}`,
  values,
});

/**
 * Elements we write where Excel's test files leave the default unsaid (LibreOffice reads some
 * absent defaults otherwise: chartPart.ts), and looks Excel's plain test charts do not have.
 */
const OURS_ON_PURPOSE = [
  "<c:roundedCorners", // square corners, as Excel 2010+ writes it
  "<c:autoTitleDeleted", // we always give a title
  "<c:varyColors", // one colour per series, said explicitly
  "<c:invertIfNegative",
  "<c:smooth",
  '<c:delete val="0"/>', // a visible axis, said explicitly
  '<c:min val="0"/>', // bars and columns start at zero
  "<c:legendPos", // legend below the plot, not on the right
  "<c:overlay",
  "<c:dispBlanksAs",
  "<c:pageMargins", // Excel's own numbers differ in the 17th digit
];

/** `xml` without every element named (and what it holds): whole subtrees our charts add. */
function withoutSubtrees(xml: string, names: readonly string[]): string {
  const kept: string[] = [];
  let depth = 0;
  let inside = "";
  for (const e of xmlElements(xml)) {
    const name = nameOf(e);
    if (depth === 0 && names.includes(name)) {
      if (e.endsWith("/>") || e.includes(`</${name}>`)) continue;
      inside = name;
      depth = 1;
      continue;
    }
    if (depth > 0) {
      if (name === inside) depth++;
      else if (name === `/${inside}`) depth--;
      continue;
    }
    kept.push(e);
  }
  return kept.join("");
}

/** Ours against Excel's, leaving out what we add on purpose and the subtrees named. */
async function compared(
  file: string,
  chart: ChartOut,
  subtrees: readonly string[],
  leftOut: readonly string[] = []
): Promise<ReturnType<typeof compareXml>> {
  const ours = withoutSubtrees(chartXml(chart), ["c:title", "c:spPr", ...subtrees]);
  const excel = await excelPart(file, "xl/charts/chart1.xml");
  return compareXml("xl/charts/chart1.xml", ours, excel, [...OURS_ON_PURPOSE, ...leftOut]);
}

/** Text categories in D1:D5 (Excel's test charts have none: their subtree is left out). */
const LABELS: ChartDataOut = { ref: "Sheet1!$D$1:$D$5", values: ["a", "b", "c", "d", "e"] };
const A = column("A", [2, 7, 3, 6, 2]);
const B = column("B", [20, 25, 10, 10, 20]);

test("a column chart with a line on a second axis: Excel's combined chart (chart_combined04), element for element", async () => {
  const chart: ChartOut = {
    kind: "column",
    title: "Revenue",
    categories: LABELS,
    series: [
      { name: "a", values: A, color: "4472C4" },
      { name: "b", values: B, kind: "line", secondaryAxis: true, color: "ED7D31" },
    ],
  };
  // Excel's test chart has neither categories nor series names; ours always do (compared below).
  expect(await compared("chart_combined04", chart, ["c:cat", "c:tx"])).toBeNull();
});

test("a horizontal bar chart with numeric categories (chart_bar01): Excel's elements, the categories listed top down", async () => {
  const categories = column("A", [1, 2, 3, 4, 5]);
  const chart: ChartOut = {
    kind: "bar",
    title: "Funnel",
    categories,
    series: [
      { name: "b", values: column("B", [2, 4, 6, 8, 10]) },
      { name: "c", values: column("C", [3, 6, 9, 12, 15]) },
    ],
  };
  // The one difference meant: the first category at the top (Excel's "categories in reverse
  // order", its value axis then crossing at the last category, the bottom).
  const ours = chartXml(chart);
  expect(ours).toContain('<c:orientation val="maxMin"/>');
  expect(ours).toContain('<c:crosses val="max"/>');
  const excel = await excelPart("chart_bar01", "xl/charts/chart1.xml");
  const topDown = withoutSubtrees(ours, ["c:title", "c:spPr", "c:tx"])
    .replace('<c:orientation val="maxMin"/>', '<c:orientation val="minMax"/>')
    .replace('<c:crosses val="max"/>', '<c:crosses val="autoZero"/>');
  expect(
    compareXml("xl/charts/chart1.xml", topDown, excel, [
      ...OURS_ON_PURPOSE,
      "<c:axId",
      "<c:crossAx",
    ])
  ).toBeNull();
});

test("a line chart of three series (chart_line01) and a column chart (chart_column01): Excel's elements", async () => {
  const three = [
    column("A", [1, 2, 3, 4, 5]),
    column("B", [2, 4, 6, 8, 10]),
    column("C", [3, 6, 9, 12, 15]),
  ];
  const line: ChartOut = {
    kind: "line",
    title: "Trend",
    categories: LABELS,
    series: three.map((values, i) => ({ name: `s${i}`, values })),
  };
  const ids = ["<c:axId", "<c:crossAx"];
  expect(await compared("chart_line01", line, ["c:cat", "c:tx"], ids)).toBeNull();
  const columns: ChartOut = { ...line, kind: "column" };
  expect(await compared("chart_column01", columns, ["c:cat", "c:tx"], ids)).toBeNull();
});

test("a named series (chart_title01): its name as Excel writes a typed one", async () => {
  const chart: ChartOut = {
    kind: "column",
    title: "Foo",
    categories: LABELS,
    series: [{ name: "Foo", values: column("A", [1, 2, 3, 4, 5]) }],
  };
  expect(
    await compared("chart_title01", chart, ["c:cat"], ["<c:axId", "<c:crossAx", "<c:legend"])
  ).toEqual({
    part: "xl/charts/chart1.xml",
    // A chart of one series has no legend (its title names it); Excel's test chart keeps one.
    extra: [],
    missing: ["<c:layout/>", "</c:legend>"],
  });
});

test("text categories, blanks and a title: a string cache without the blank points, a rich-text title", () => {
  const xml = chartXml({
    kind: "column",
    title: "Leads → customers & more",
    titlePoints: 12,
    categories: { ref: "'My sheet'!$A$1:$A$3", values: ["Leads", null, "Customers"] },
    series: [{ name: "n", values: { ref: "'My sheet'!$B$1:$B$3", values: [3, null, 1] } }],
  });
  expect(xml).toContain(
    "<c:cat><c:strRef><c:f>'My sheet'!$A$1:$A$3</c:f><c:strCache><c:ptCount val=\"3\"/>" +
      '<c:pt idx="0"><c:v>Leads</c:v></c:pt><c:pt idx="2"><c:v>Customers</c:v></c:pt></c:strCache></c:strRef></c:cat>'
  );
  expect(xml).toContain(
    '<c:ptCount val="3"/><c:pt idx="0"><c:v>3</c:v></c:pt><c:pt idx="2"><c:v>1</c:v></c:pt>'
  );
  expect(xml).toContain(
    '<a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>Leads → customers &amp; more</a:t></a:r>'
  );
  // Text categories: no number format on their axis.
  expect(/<c:catAx>.*?<\/c:catAx>/.exec(xml)?.[0]).not.toContain("<c:numFmt");
});

test("the drawing, its relationships and content types: as Excel writes them for one chart (chart_combined04)", async () => {
  const anchor = { fromRow: 8, fromColumn: 4, toRow: 22, toColumn: 11 };
  const offsets = ["<xdr:colOff>", "<xdr:rowOff>"]; // Excel's chart ends inside its last cells
  expect(
    compareXml(
      "xl/drawings/drawing1.xml",
      drawingXml([{ name: "Chart 1", anchor }]),
      await excelPart("chart_combined04", "xl/drawings/drawing1.xml"),
      offsets
    )
  ).toBeNull();
  const chart: ChartOut = { kind: "column", title: "t", categories: A, series: [] };
  const parts = drawingParts([{ name: "Chart 1", anchor, chart }], ["xl/workbook.xml"]);
  expect(parts.drawing).toBe("xl/drawings/drawing1.xml");
  expect(
    compareXml(
      "xl/drawings/_rels/drawing1.xml.rels",
      parts.parts.get("xl/drawings/_rels/drawing1.xml.rels") ?? "",
      await excelPart("chart_combined04", "xl/drawings/_rels/drawing1.xml.rels")
    )
  ).toBeNull();
  const types = await excelPart("chart_combined04", "[Content_Types].xml");
  expect(types).toContain(
    `<Override PartName="/xl/charts/chart1.xml" ContentType="${CONTENT_TYPES.chart}"/>`
  );
  expect(types).toContain(
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CONTENT_TYPES.drawing}"/>`
  );
  expect([...parts.contentTypes]).toEqual([
    ["xl/drawings/drawing1.xml", CONTENT_TYPES.drawing],
    ["xl/charts/chart1.xml", CONTENT_TYPES.chart],
  ]);
  // Parts already in the package keep their names: the next numbers are taken.
  const next = drawingParts(
    [{ name: "Chart 1", anchor, chart }],
    ["xl/drawings/drawing1.xml", "xl/charts/chart7.xml"]
  );
  expect([...next.parts.keys()]).toEqual([
    "xl/drawings/drawing2.xml",
    "xl/drawings/_rels/drawing2.xml.rels",
    "xl/charts/chart8.xml",
  ]);
});
