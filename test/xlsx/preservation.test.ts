/**
 * --out is the source package with the Scorecard sheet added, every other part byte for byte the
 * source's (SPEC.md §4): on a workbook with a chart, an image, notes, a pivot table, defined names
 * and a macro project. The new parts have the structure of the Excel-authored reference files.
 * (That LibreOffice opens the copy: test/live/libreOfficeOpens.test.ts.)
 */
import { existsSync, mkdirSync, mkdtempSync, openAsBlob, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ZipArchive, writeArchive, PartData } from "../../src/xlsx/zipArchive";
import { parseXml, child, childrenNamed } from "../../src/xlsx/xmlTree";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";
import { writeRichWorkbook } from "../support/producerWorkbooks";
import {
  openPackage,
  partText,
  sheetCells,
  sheetXml,
  writeTablesWorkbook,
} from "../support/workbooks";
import { table } from "../support/tables";
import { runCli, sha256Of } from "../support/commandLine";
import { compareXml, comparePackages } from "../support/packageComparison";
import { attributesOf, nameOf, xmlElements } from "../support/xmlElements";
import { CONTENT_TYPES } from "../../src/xlsx/contentTypes";
import { RELATIONSHIP_TYPES } from "../../src/xlsx/relationships";
import { CUSTOM_XML } from "../../src/xlsx/customXmlPart";

const dir = mkdtempSync(join(tmpdir(), "spec-preserve-"));
const REFERENCE = join(__dirname, "..", "fixtures", "excel-authored");
const TABLES = [SALES, CUSTOMERS, LEADS, MARKET];
const ARGS = ["--as-of", "2025-03-20", "--period", "month"];
/** The Scorecard's charts, numbered after the source's own chart1. */
/** The Scorecard's 9 charts (forecast, model check, 5 trends, funnel, Pareto), after the source's chart1. */
const CHARTS = Array.from({ length: 9 }, (_, i) => `xl/charts/chart${i + 2}.xml`);
describe.each([
  ["a workbook with a chart, an image, notes, a pivot table and defined names", false],
  ["a macro-enabled workbook (.xlsm)", true],
])("%s", (_name, macros) => {
  const ext = macros ? "xlsm" : "xlsx";
  const source = join(dir, `rich.${ext}`);
  const out = join(dir, `rich-scorecard.${ext}`);
  let before: string;
  let json: { indicators: Record<string, { value: number | null }> };

  beforeAll(async () => {
    await writeRichWorkbook(source, TABLES, macros);
    before = sha256Of(source);
    const r = await runCli(source, "--out", out, "--json", ...ARGS);
    expect(r.status).toBe(0);
    json = JSON.parse(r.out);
  });

  test("the source is never written", () => {
    expect(sha256Of(source)).toBe(before);
  });

  test("every other part is the source's, byte for byte, compressed bytes included; only the sheet, its drawing and charts, the metadata part and the stored settings are new, the parts that list them gain exactly their elements, and the workbook opens on the Scorecard", async () => {
    const sheet = "xl/worksheets/sheet6.xml";
    // The first free relationship ids: the source's workbook has 8, and the macro project one more.
    const [metadataId, sheetId, settingsId] = macros
      ? ["rId10", "rId11", "rId12"]
      : ["rId9", "rId10", "rId11"];
    const c = await comparePackages(out, source, {
      // The Scorecard's cell formats are appended to the source's own (test/xlsx/parts.test.ts).
      parts: ["xl/styles.xml"],
    });
    expect(c.missing).toEqual([]);
    expect(c.extra).toEqual([
      "customXml/_rels/item1.xml.rels",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      ...[...CHARTS].sort(),
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/drawing2.xml",
      "xl/metadata.xml",
      "xl/worksheets/_rels/sheet6.xml.rels",
      sheet,
    ]);
    expect(c.storedDifferently).toEqual([]);
    expect(c.differing).toEqual([
      {
        part: "[Content_Types].xml",
        extra: [
          `<Override PartName="/xl/metadata.xml" ContentType="${CONTENT_TYPES.sheetMetadata}"/>`,
          `<Override PartName="/${sheet}" ContentType="${CONTENT_TYPES.worksheet}"/>`,
          `<Override PartName="/xl/drawings/drawing2.xml" ContentType="${CONTENT_TYPES.drawing}"/>`,
          ...CHARTS.map((c) => `<Override PartName="/${c}" ContentType="${CONTENT_TYPES.chart}"/>`),
          `<Override PartName="/customXml/itemProps1.xml" ContentType="${CUSTOM_XML.propertiesType}"/>`,
        ],
        missing: [],
      },
      {
        part: "docProps/app.xml",
        extra: [
          "<vt:i4>6</vt:i4>",
          // Five sheets and two named ranges, now six sheets.
          '<vt:vector size="8" baseType="lpstr">',
          "<vt:lpstr>Scorecard</vt:lpstr>",
        ],
        missing: ["<vt:i4>5</vt:i4>", '<vt:vector size="7" baseType="lpstr">'],
      },
      {
        part: "xl/_rels/workbook.xml.rels",
        extra: [
          `<Relationship Id="${metadataId}" Type="${RELATIONSHIP_TYPES.sheetMetadata}" Target="metadata.xml"/>`,
          `<Relationship Id="${sheetId}" Type="${RELATIONSHIP_TYPES.worksheet}" Target="worksheets/sheet6.xml"/>`,
          `<Relationship Id="${settingsId}" Type="${CUSTOM_XML.relationship}" Target="../customXml/item1.xml"/>`,
        ],
        missing: [],
      },
      {
        part: "xl/workbook.xml",
        extra: [
          // It opens on the Scorecard...
          `<workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="5"/>`,
          `<sheet name="Scorecard" sheetId="6" r:id="${sheetId}"/>`,
          // The Scorecard's identity: the hidden name a rebuild finds it by.
          `<definedName name="SPEC_Scorecard" hidden="1">'Scorecard'!$A$1</definedName>`,
        ],
        missing: [
          `<workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="0"/>`,
        ],
      },
      {
        // ...the only sheet selected: the one selected before loses that attribute, nothing else.
        part: "xl/worksheets/sheet1.xml",
        extra: ['<sheetView workbookViewId="0"/>'],
        missing: ['<sheetView tabSelected="1" workbookViewId="0"/>'],
      },
    ]);
  });

  test("the workbook part keeps its defined names, pivot caches and sheets, and lists the Scorecard last, named by its identity", async () => {
    const a = parseXml(await partText(source, "xl/workbook.xml"));
    const b = parseXml(await partText(out, "xl/workbook.xml"));
    const identity = `<definedName name="SPEC_Scorecard" hidden="1">'Scorecard'!$A$1</definedName>`;
    expect(await partText(out, "xl/workbook.xml")).toContain(identity);
    const without = (xml: string): string =>
      xml
        .replace(/<sheet name="Scorecard"[^>]*\/>/, "")
        .replace(identity, "")
        .replace('activeTab="5"', 'activeTab="0"'); // it opens on the Scorecard
    expect(without(await partText(out, "xl/workbook.xml"))).toBe(
      await partText(source, "xl/workbook.xml")
    );
    expect(
      childrenNamed(child(b, "sheets") ?? b, "sheet").map((s) => s.attributes.get("name"))
    ).toEqual([
      ...childrenNamed(child(a, "sheets") ?? a, "sheet").map((s) => s.attributes.get("name")),
      "Scorecard",
    ]);
    expect(child(b, "definedNames")?.children.length).toBe(3);
    expect(child(b, "pivotCaches")?.children.length).toBe(1);
  });

  test(`it stays ${macros ? "macro-enabled (.xlsm)" : "a plain workbook (.xlsx)"}`, async () => {
    const types = xmlElements(await partText(out, "[Content_Types].xml")).map(attributesOf);
    const workbookType = types.find((t) => t.get("PartName") === "/xl/workbook.xml");
    expect(workbookType?.get("ContentType")).toBe(
      macros ? CONTENT_TYPES.macroWorkbook : CONTENT_TYPES.workbook
    );
    expect((await openPackage(out)).extension).toBe(`.${ext}`);
  });

  test("the Scorecard holds the engine's values", async () => {
    const cells = await sheetCells(out, "Scorecard");
    const revenueRow = [...cells]
      .find(([a, v]) => /^A\d+$/.test(a) && v === "Revenue")?.[0]
      .slice(1);
    expect(cells.get(`B${revenueRow}`)).toBe(json.indicators.revenue.value);
  });
});

test("a macro-enabled workbook's copy must end in .xlsm: Excel opens it only so", async () => {
  const source = join(dir, "rich.xlsm");
  if (!existsSync(source)) await writeRichWorkbook(source, TABLES, true);
  const target = join(dir, "wrong.xlsx");
  const r = await runCli(source, "--out", target);
  expect(r.status).toBe(2);
  expect(r.err).toEqual([
    `spec-scorecard: --out ${target} must end in .xlsm: the source is a macro-enabled workbook, and Excel opens it only under that ending`,
  ]);
  expect(existsSync(target)).toBe(false);
});

describe("formulas and parts as Excel stores them, compared with the Excel-authored references", () => {
  const source = join(dir, "plain.xlsx");
  const out = join(dir, "plain-scorecard.xlsx");
  beforeAll(async () => {
    await writeTablesWorkbook(source, TABLES, { Sales: ["Date"], Leads: ["Created"] });
    expect((await runCli(source, "--out", out, ...ARGS)).status).toBe(0);
  });

  test("xl/metadata.xml, its content type and its relationship are the reference's", async () => {
    const reference = join(REFERENCE, "dynamic_array02.xlsx");
    expect(
      compareXml(
        "xl/metadata.xml",
        await partText(out, "xl/metadata.xml"),
        await partText(reference, "xl/metadata.xml")
      )
    ).toBeNull();
    const metadataType = async (path: string): Promise<string[]> =>
      xmlElements(await partText(path, "[Content_Types].xml")).filter((e) =>
        e.includes('PartName="/xl/metadata.xml"')
      );
    expect(await metadataType(out)).toEqual(await metadataType(reference));
    // The relationship's type and target; its id is the first free one in each workbook.
    const metadataRelationship = async (path: string): Promise<[string, string][]> =>
      xmlElements(await partText(path, "xl/_rels/workbook.xml.rels"))
        .map(attributesOf)
        .filter((a) => a.get("Target") === "metadata.xml")
        .map((a) => [a.get("Type") ?? "", a.get("Target") ?? ""]);
    expect(await metadataRelationship(out)).toEqual(await metadataRelationship(reference));
    expect(await metadataRelationship(out)).toHaveLength(1);
  });

  test('every formula is a dynamic array (cm and t="array"), as the reference stores _xlfn.UNIQUE', async () => {
    // Each formula's cell and <f> element: their attributes, less the cell's place, format and type.
    const shapes = (xml: string): string[] => {
      const elements = xmlElements(xml);
      return elements.flatMap((e, i) => {
        if (nameOf(e) !== "f") return [];
        const cell = [...attributesOf(elements[i - 1]).keys()].filter(
          (k) => !["r", "s", "t"].includes(k)
        );
        return [`${cell.join(" ")} | ${[...attributesOf(e).keys()].join(" ")}`];
      });
    };
    const reference = await partText(
      join(REFERENCE, "dynamic_array02.xlsx"),
      "xl/worksheets/sheet1.xml"
    );
    expect(new Set(shapes(reference))).toEqual(new Set(["cm | t ref"]));
    const ours = await sheetXml(out, "Scorecard");
    expect(shapes(ours).length).toBeGreaterThan(60);
    expect(new Set(shapes(ours))).toEqual(new Set(["cm | t ref"]));
    const formulas = xmlElements(ours).filter((e) => nameOf(e) === "f");
    expect(formulas.every((f) => attributesOf(f).get("t") === "array")).toBe(true);
    expect(formulas.some((f) => f.includes("_xlfn.UNIQUE("))).toBe(true);
    expect(formulas.some((f) => f.includes("_xldudf_SPEC_ACTIVATION_RATE("))).toBe(true);
    expect(formulas.some((f) => f.includes("SPEC.") && !f.includes("_xldudf_SPEC"))).toBe(false);
    // The customer value scores spill: the formula's ref spans the block, the cells below hold values only.
    const scores = formulas.find((f) => f.includes(">_xldudf_SPEC_CUSTOMER_VALUE("));
    const [from, to] = (attributesOf(scores ?? "<f/>").get("ref") ?? "").split(":");
    expect(from.replace(/\d+/, "")).toBe(to.replace(/\d+/, ""));
    expect(Number(to.replace(/[A-Z]+/, ""))).toBeGreaterThan(Number(from.replace(/[A-Z]+/, "")));
  });

  test("a folder of CSVs becomes tables whose parts have the reference table's structure", async () => {
    const folder = join(dir, "csv");
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, "Sales.csv"),
      "Customer,Date,Amount\nA,2025-03-01,5\nB,2025-03-02,7\n,,\n"
    );
    writeFileSync(join(folder, "Customers.csv"), "Customer ID,Segment,,Segment\nA,Retail,x,y\n");
    const built = join(dir, "from-csv.xlsx");
    expect((await runCli(folder, "--out", built)).status).toBe(0);
    const structure = (xml: string): unknown => {
      const t = parseXml(xml);
      return {
        root: t.local,
        attributes: [...t.attributes.keys()].filter((k) => !k.startsWith("xmlns")).sort(),
        children: t.children.map((c) => [c.local, [...c.attributes.keys()].sort()]),
      };
    };
    const reference = structure(
      await partText(join(REFERENCE, "table01.xlsx"), "xl/tables/table1.xml")
    );
    const pkg = await openPackage(built);
    const tables = await Promise.all(pkg.worksheets.slice(0, 2).map((w) => pkg.tablesOf(w)));
    for (const [t] of tables) expect(structure(await pkg.archive.text(t.part))).toEqual(reference);
    expect(tables.map(([t]) => [t.name, t.ref, t.columns])).toEqual([
      ["Customers", "A1:D2", ["Customer ID", "Segment", "Column3", "Segment 2"]],
      ["Sales", "A1:C3", ["Customer", "Date", "Amount"]],
    ]);
    // CSV dates are dates: numbers shown with a date format.
    const sales = await sheetCells(built, "Sales");
    expect(sales.get("B2")).toBe(45717);
  });
});

describe("building again replaces the sheet the earlier build made, and what only it used", () => {
  const source = join(dir, "again-source.xlsx");
  const first = join(dir, "again-1.xlsx");
  const withChart = join(dir, "again-1-chart.xlsx");
  const second = join(dir, "again-2.xlsx");

  beforeAll(async () => {
    await writeRichWorkbook(source, TABLES, false);
    expect((await runCli(source, "--out", first, ...ARGS)).status).toBe(0);
    // As if the task pane had added its charts to that sheet and Excel had saved the workbook.
    const archive = await ZipArchive.open(await openAsBlob(first));
    const sheetPart = "xl/worksheets/sheet6.xml";
    const parts = new Map<string, PartData>([
      [
        sheetPart,
        (await archive.text(sheetPart)).replace(
          "</worksheet>",
          '<drawing r:id="rId1"/></worksheet>'
        ),
      ],
      [
        "xl/worksheets/_rels/sheet6.xml.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing99.xml"/></Relationships>',
      ],
      [
        "xl/drawings/drawing99.xml",
        (await archive.text("xl/drawings/drawing1.xml")).replace(
          /<xdr:twoCellAnchor>(?:(?!<\/xdr:twoCellAnchor>).)*<xdr:pic>.*?<\/xdr:twoCellAnchor>/,
          ""
        ),
      ],
      [
        "xl/drawings/_rels/drawing99.xml.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart99.xml"/></Relationships>',
      ],
      ["xl/charts/chart99.xml", await archive.text("xl/charts/chart1.xml")],
      [
        "[Content_Types].xml",
        (await archive.text("[Content_Types].xml")).replace(
          "</Types>",
          '<Override PartName="/xl/drawings/drawing99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'
        ),
      ],
      [
        "xl/calcChain.xml",
        '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B4" i="6"/></calcChain>',
      ],
    ]);
    const rels = (await archive.text("xl/_rels/workbook.xml.rels")).replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'
    );
    parts.set("xl/_rels/workbook.xml.rels", rels);
    const blob = (await writeArchive(archive, (n) => !parts.has(n), new Map(), parts, {})) as Blob;
    writeFileSync(withChart, new Uint8Array(await blob.arrayBuffer()));
    expect((await runCli(withChart, "--out", second, "--lang", "es", ...ARGS)).status).toBe(0);
  });

  test("one Scorecard, in the same place, now in Spanish", async () => {
    expect((await openPackage(second)).worksheets.map((w) => w.name)).toEqual([
      "Sales",
      "Customers",
      "Leads",
      "Market",
      "Pivot",
      "Scorecard",
    ]);
    expect((await sheetCells(second, "Scorecard")).get("A1")).toBe("Cuadro de mando SPEC");
  });

  test("the sheet's drawing and chart, and the calculation chain, are gone; everything else is as it was", async () => {
    const c = await comparePackages(second, withChart, {
      // The sheet is rewritten in Spanish, and its formats appended again after the earlier
      // build's (appending never renumbers a format a cell uses: test/xlsx/parts.test.ts); the
      // stored settings are this build's (in place: test/cli/storedSettings.test.ts).
      parts: ["xl/worksheets/sheet6.xml", "xl/styles.xml", "customXml/item1.xml"],
    });
    expect(c.missing).toEqual([
      "xl/calcChain.xml",
      "xl/charts/chart99.xml",
      "xl/drawings/_rels/drawing99.xml.rels",
      "xl/drawings/drawing99.xml",
    ]);
    // The new build's charts, numbered after every part the copy keeps (the first build's too,
    // which that sheet no longer used).
    const NEW_CHARTS = Array.from({ length: 9 }, (_, i) => `chart${i + 11}`);
    expect(c.extra).toEqual([
      ...NEW_CHARTS.map((n) => `xl/charts/${n}.xml`).sort(),
      "xl/drawings/_rels/drawing3.xml.rels",
      "xl/drawings/drawing3.xml",
    ]);
    expect(c.storedDifferently).toEqual([]);
    // What named them goes with them; the user's own chart and image stay.
    expect(c.differing).toEqual([
      {
        part: "[Content_Types].xml",
        extra: [
          `<Override PartName="/xl/drawings/drawing3.xml" ContentType="${CONTENT_TYPES.drawing}"/>`,
          ...NEW_CHARTS.map(
            (c) => `<Override PartName="/xl/charts/${c}.xml" ContentType="${CONTENT_TYPES.chart}"/>`
          ),
        ],
        missing: [
          '<Override PartName="/xl/drawings/drawing99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
          '<Override PartName="/xl/charts/chart99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
        ],
      },
      {
        part: "xl/_rels/workbook.xml.rels",
        extra: [],
        missing: [
          `<Relationship Id="rId99" Type="${RELATIONSHIP_TYPES.calcChain}" Target="calcChain.xml"/>`,
        ],
      },
      {
        // The sheet's one relationship now points at the new build's drawing.
        part: "xl/worksheets/_rels/sheet6.xml.rels",
        extra: [
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
          `<Relationship Id="rId1" Type="${RELATIONSHIP_TYPES.drawing}" Target="../drawings/drawing3.xml"/>`,
        ],
        missing: [
          `<Relationship Id="rId1" Type="${RELATIONSHIP_TYPES.drawing}" Target="../drawings/drawing99.xml"/>`,
        ],
      },
    ]);
  });
});

describe("nothing lost on failure", () => {
  test("a copy that cannot be written leaves nothing behind and the source as it was", async () => {
    const source = join(dir, "fail-source.xlsx");
    await writeTablesWorkbook(source, TABLES);
    const before = sha256Of(source);
    const target = join(dir, "occupied.xlsx");
    mkdirSync(target); // a folder where the copy should go: refused before anything is written
    const r = await runCli(source, "--out", target);
    expect(r.status).toBe(2);
    expect(r.err).toEqual([
      `spec-scorecard: --out ${target} is a folder: name the workbook to write`,
    ]);
    // A folder that does not exist: the write fails, and leaves nothing.
    const nowhere = join(dir, "no-such-folder", "out.xlsx");
    const failed = await runCli(source, "--out", nowhere);
    expect(failed.status).toBe(2);
    expect(failed.err).toHaveLength(1);
    expect(failed.err[0]).toMatch(
      /^spec-scorecard: cannot write .*out\.xlsx \(ENOENT.*\): check that its folder exists and may be written to$/
    );
    expect(readdirSync(dir).filter((f) => f.includes(".partial"))).toEqual([]);
    expect(sha256Of(source)).toBe(before);
  });

  test("a cell the engine cannot read is named by sheet and cell, with what to fix", async () => {
    const source = join(dir, "bad-cells.xlsx");
    const bad = table(
      "Sales",
      ["Customer", "Date", "Amount"],
      [
        ["A", "2025-03-01", 5],
        ["B", "2025-03-02", "1,200"],
      ]
    );
    await writeTablesWorkbook(source, [bad], { Sales: ["Date"] });
    const r = await runCli(source, "--json");
    expect(r.status).toBe(2);
    expect(r.err).toEqual([
      "spec-scorecard: column Amount of table Sales on sheet Sales holds only numbers like '1,200' (row 3), which may have a decimal point or a decimal comma: settle it with --decimal , (decimal comma) or --decimal . (decimal point)",
    ]);
  });

  test("an error value in a cell is named as one", async () => {
    const source = join(dir, "error-cell.xlsx");
    const { writePackage } = await import("../support/workbooks");
    await writePackage(source, {
      "[Content_Types].xml":
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      "xl/workbook.xml":
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ventas 2025" sheetId="1" r:id="rId1"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml":
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>Cliente</t></is></c><c r="C2" t="inlineStr"><is><t>Fecha</t></is></c><c r="D2" t="inlineStr"><is><t>Importe</t></is></c></row>' +
        '<row r="3"><c r="B3" t="inlineStr"><is><t>A</t></is></c><c r="C3"><v>45717</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData></worksheet>',
    });
    const r = await runCli(source, "--json");
    expect(r.status).toBe(2);
    expect(r.err).toEqual([
      "spec-scorecard: cell D3 of sheet Ventas 2025 (column Importe) holds the error #DIV/0!; correct its formula or clear the cell",
    ]);
  });
});
