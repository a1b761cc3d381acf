/**
 * The command line and the settings a build keeps in the workbook: `--out` writes them as a
 * custom XML part, a run on a workbook built before takes them as its defaults (flags override),
 * and a hand-edited, hostile or outdated part is refused with a note while the run goes on.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SETTINGS_NAMESPACE, storedSettingsXml } from "../../src/workbook/storedSettings";
import { DEFAULT_SETTINGS } from "../../src/engine/scorecard";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";
import { table } from "../support/tables";
import {
  openPackage,
  packageParts,
  partText,
  writePackage,
  writeTablesWorkbook,
} from "../support/workbooks";
import { runCli } from "../support/commandLine";

const dir = mkdtempSync(join(tmpdir(), "spec-stored-"));
const source = join(dir, "fixture.xlsx");
const built = join(dir, "built.xlsx");
/** The first build's choices, as flags. */
const FLAGS = [
  "--as-of",
  "2025-03-20",
  "--period",
  "month",
  "--window",
  "60",
  "--min-amount",
  "50",
  "--target",
  "revenue=1800",
  "--target",
  "svc.activation_rate=0.8",
  "--column",
  "sales.productLine=none",
];
let firstJson: unknown;

/** A copy of a package with parts replaced or added (text), others as they are. */
async function withParts(from: string, to: string, parts: Record<string, string | null>) {
  const all: Record<string, Uint8Array | string> = {};
  for (const [name, p] of await packageParts(from)) all[name] = p.data;
  for (const [name, text] of Object.entries(parts)) {
    if (text === null) delete all[name];
    else all[name] = text;
  }
  await writePackage(to, all);
}

beforeAll(async () => {
  await writeTablesWorkbook(source, [SALES, CUSTOMERS, LEADS, MARKET]);
  const r = await runCli(source, "--out", built, "--json", ...FLAGS);
  expect(r.status).toBe(0);
  firstJson = JSON.parse(r.out);
});

test("--out keeps the build's settings in the copy: a custom XML part as Office keeps one", async () => {
  const xml = await partText(built, "customXml/item1.xml");
  expect(xml.replace(/ builtAt="[^"]*"/, "")).toBe(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<scorecardSettings xmlns="urn:spec-scorecard:settings" version="1" language="en">
  <period kind="month" asOf="2025-03-20"/>
  <activation windowDays="60" minPurchases="1" minAmount="50"/>
  <tiers a="0.2" b="0.3"/>
  <table role="sales" name="Sales"><column name="customer" header="Customer"/><column name="date" header="Date"/><column name="amount" header="Amount"/><column name="margin" header="Margin"/><column name="productLine" none="1"/></table>
  <table role="customers" name="Customers"><column name="id" header="Customer ID"/><column name="segment" header="Segment"/><column name="serviceCost" header="Service Cost"/><column name="creditDays" header="Credit Days"/><column name="daysLate" header="Days Late"/></table>
  <table role="leads" name="Leads"><column name="created" header="Created"/><column name="source" header="Source"/><column name="status" header="Status"/><column name="customer" header="Customer"/></table>
  <table role="market" name="Market"><column name="segment" header="Segment"/><column name="potentialAccounts" header="Potential Accounts"/></table>
  <target indicator="revenue" value="1800"/>
  <target indicator="svc.activation_rate" value="0.8"/>
</scorecardSettings>
`
  );
  expect(xml).toMatch(/ builtAt="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
  expect(await partText(built, "customXml/itemProps1.xml")).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8" standalone="no"\?>\n<ds:datastoreItem ds:itemID="\{[0-9A-F-]{36}\}" xmlns:ds="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:spec-scorecard:settings"\/><\/ds:schemaRefs><\/ds:datastoreItem>$/
  );
  expect(await partText(built, "customXml/_rels/item1.xml.rels")).toContain(
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>'
  );
  const pkg = await openPackage(built);
  expect(
    pkg.workbookRelationships.filter((r) => r.type.endsWith("/customXml")).map((r) => r.target)
  ).toEqual(["customXml/item1.xml"]);
  expect(pkg.contentTypes.typeOf("customXml/itemProps1.xml")).toBe(
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
  );
  expect(pkg.contentTypes.typeOf("customXml/item1.xml")).toBe("application/xml");
});

test("a workbook built before is built again with its stored settings, and says so", async () => {
  const r = await runCli(built, "--json");
  expect(r.status).toBe(0);
  expect(JSON.parse(r.out)).toEqual(firstJson);
  expect(r.err[0]).toMatch(
    /^spec-scorecard: note: using the settings stored in the workbook by its last build \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\); options given override them$/
  );
});

test("each option given overrides its own part of the stored settings, the rest stays", async () => {
  const overridden = await runCli(
    built,
    "--json",
    "--period",
    "quarter",
    "--target",
    "revenue=5000"
  );
  const direct = await runCli(
    source,
    "--json",
    ...FLAGS.map((f) => (f === "month" ? "quarter" : f === "revenue=1800" ? "revenue=5000" : f))
  );
  expect(overridden.status).toBe(0);
  expect(JSON.parse(overridden.out)).toEqual(JSON.parse(direct.out));
  expect(JSON.parse(overridden.out).period.start).toBe("2025-01-01");
});

test("--out from a workbook built before replaces its settings part: one part, the new settings", async () => {
  const again = join(dir, "again.xlsx");
  const r = await runCli(built, "--out", again, "--period", "year", "--lang", "es");
  expect(r.status).toBe(0);
  const parts = [...(await packageParts(again)).keys()].filter((p) => p.startsWith("customXml/"));
  expect(parts.sort()).toEqual([
    "customXml/_rels/item1.xml.rels",
    "customXml/item1.xml",
    "customXml/itemProps1.xml",
  ]);
  const xml = await partText(again, "customXml/item1.xml");
  expect(xml).toContain('language="es"');
  expect(xml).toContain('<period kind="year" asOf="2025-03-20"/>');
  expect(xml).toContain('<target indicator="revenue" value="1800"/>');
  expect(await partText(again, "customXml/itemProps1.xml")).toBe(
    await partText(built, "customXml/itemProps1.xml")
  );
  // In Spanish by the stored language from now on, without --lang.
  const spanish = await runCli(again);
  expect(spanish.out).toContain("Cuadro de mando SPEC");
});

test("a hand-edited or hostile part is refused with one line, and the run goes on with its defaults", async () => {
  const edited = join(dir, "edited.xlsx");
  const xml = await partText(built, "customXml/item1.xml");
  await withParts(built, edited, {
    "customXml/item1.xml": xml.replace('kind="month"', 'kind="fortnight"'),
  });
  const r = await runCli(edited, "--json");
  expect(r.status).toBe(0);
  expect(r.err[0]).toBe(
    `spec-scorecard: note: the settings stored in ${edited} (customXml/item1.xml) cannot be used: <period kind="fortnight">: kind must be one of month, quarter, year; building again stores new ones`
  );
  const defaults = await runCli(source, "--json");
  expect(JSON.parse(r.out)).toEqual(JSON.parse(defaults.out));
  // Said even with --quiet: the run does not use what the workbook holds.
  const quiet = await runCli(edited, "--json", "--quiet");
  expect(quiet.err).toHaveLength(1);

  const bomb = join(dir, "bomb.xlsx");
  await withParts(built, bomb, {
    "customXml/item1.xml": `<scorecardSettings xmlns="${SETTINGS_NAMESPACE}" version="1" language="en">${"<x/>".repeat(100000)}</scorecardSettings>`,
  });
  const big = await runCli(bomb, "--json");
  expect(big.status).toBe(0);
  expect(big.err[0]).toContain("the part is larger than 256 KB, far more than settings take");
});

test("a table or column the workbook no longer has is guessed again, and said", async () => {
  const renamed = join(dir, "renamed.xlsx");
  const facturas = table("Facturas", ["Cliente", "Fecha", "Importe"], [["A", "2025-03-10", 10]]);
  await writeTablesWorkbook(renamed, [SALES, facturas]);
  const xml = storedSettingsXml({
    version: 1,
    builtAt: null,
    language: "en",
    mapping: {
      sales: { table: "Ventas 2024", columns: { amount: "Importe" } },
      customers: { table: "Customers" },
    },
    reading: {},
    settings: { ...DEFAULT_SETTINGS, period: "month" },
  });
  const withSettings = join(dir, "renamed-with-settings.xlsx");
  const rels = (await partText(renamed, "xl/_rels/workbook.xml.rels")).replace(
    "</Relationships>",
    '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item3.xml"/></Relationships>'
  );
  // As Excel might keep it: another item number, UTF-8 with a byte-order mark, no properties part.
  await withParts(renamed, withSettings, {
    "xl/_rels/workbook.xml.rels": rels,
    "customXml/item3.xml": "\uFEFF" + xml,
  });
  const r = await runCli(withSettings, "--json");
  expect(r.status).toBe(0);
  expect(r.err.slice(0, 3)).toEqual([
    "spec-scorecard: note: using the settings stored in the workbook by its last build; options given override them",
    "spec-scorecard: note: the stored settings use table Ventas 2024 for sales, which this workbook no longer has: guessed again",
    "spec-scorecard: note: the stored settings use table Customers for customers, which this workbook no longer has: guessed again",
  ]);
  expect(JSON.parse(r.out).period.start).toBe(JSON.parse(r.out).asOf.slice(0, 8) + "01");
});

test("a folder of CSV files keeps no settings, but the workbook --out makes of it does", async () => {
  const folder = join(dir, "csv");
  mkdirSync(folder);
  writeFileSync(
    join(folder, "sales.csv"),
    "Customer,Date,Amount\nA,2025-03-05,300\nB,2025-03-10,450\nA,2025-02-05,200\n"
  );
  const out = join(dir, "from-csv.xlsx");
  const r = await runCli(folder, "--out", out, "--target", "revenue=900");
  expect(r.status).toBe(0);
  expect(r.err.some((l) => l.includes("using the settings stored"))).toBe(false);
  expect(await partText(out, "customXml/item1.xml")).toContain(
    '<target indicator="revenue" value="900"/>'
  );
  const again = await runCli(out, "--json");
  expect(again.err[0]).toContain("using the settings stored in the workbook");
});
