/**
 * Nothing the user made is lost, and nothing read from a file runs as a formula: the Scorecard a
 * build replaces is the one the hidden SPEC_Scorecard name points to (a user's copy, which keeps
 * the marker but not the name, stays theirs); names from files reach formulas only as names.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../support/commandLine";
import { ZipEntry, escape, tableXml, workbookEntries, zip } from "../../src/bench/hostileFiles";
import { openPackage, packageParts, partText, sheetXml } from "../support/workbooks";
import { isValidSheetName, isValidTableName } from "../../src/plan/references";

const dir = mkdtempSync(join(tmpdir(), "spec-identity-"));
const AS_OF = ["--as-of", "2025-03-20", "--period", "month"];

/** A workbook's parts as zip entries, with some changed by `edit`. */
async function edited(
  path: string,
  edit: (name: string, text: string) => string | null
): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  for (const [name, { data }] of await packageParts(path)) {
    const text = new TextDecoder().decode(data);
    const changed = name.endsWith(".xml") || name.endsWith(".rels") ? edit(name, text) : null;
    entries.push({ name, data: changed ?? data });
  }
  return entries;
}

/** The part of a sheet, by name. */
async function partOf(path: string, sheet: string): Promise<string> {
  const found = (await openPackage(path)).worksheets.find((w) => w.name === sheet);
  if (found === undefined) throw new Error(`${path} has no sheet ${sheet}`);
  return found.part;
}

const sheetNames = async (path: string): Promise<string[]> =>
  (await openPackage(path)).worksheets.map((w) => w.name);

let built: string;

beforeAll(async () => {
  const plain = join(dir, "plain.xlsx");
  writeFileSync(plain, zip(workbookEntries()));
  built = join(dir, "built.xlsx");
  const r = await runCli(plain, "--out", built, ...AS_OF);
  expect(r.status).toBe(0);
});

test("the built sheet carries the hidden workbook-level name that identifies it", async () => {
  expect(await partText(built, "xl/workbook.xml")).toContain(
    `<definedName name="SPEC_Scorecard" hidden="1">'Scorecard'!$A$1</definedName>`
  );
});

test("a user's copy of the Scorecard is never replaced; the Scorecard the name points to is", async () => {
  const scorecardPart = await partOf(built, "Scorecard");
  const original = await sheetXml(built, "Scorecard");
  // As Excel copies a sheet: the same cells (the marker too) in a new part, without the name.
  const entries = await edited(built, (name, text) => {
    if (name === "xl/workbook.xml")
      return text.replace(
        "</sheets>",
        '<sheet name="Scorecard May" sheetId="99" r:id="rId99"/></sheets>'
      );
    if (name === "xl/_rels/workbook.xml.rels")
      return text.replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/copy.xml"/></Relationships>'
      );
    if (name === "[Content_Types].xml")
      return text.replace(
        "</Types>",
        '<Override PartName="/xl/worksheets/copy.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
      );
    return null;
  });
  entries.push({ name: "xl/worksheets/copy.xml", data: original });
  const withCopy = join(dir, "with-copy.xlsx");
  writeFileSync(withCopy, zip(entries));
  const rebuilt = join(dir, "rebuilt.xlsx");
  const r = await runCli(withCopy, "--out", rebuilt, "--as-of", "2025-03-10", "--period", "month");
  expect(r.status).toBe(0);
  expect(await sheetNames(rebuilt)).toEqual(["Sales", "Scorecard", "Scorecard May"]);
  expect(await sheetXml(rebuilt, "Scorecard May")).toBe(original); // the user's, untouched
  expect(await partOf(rebuilt, "Scorecard")).toBe(scorecardPart); // replaced in place
  expect(await sheetXml(rebuilt, "Scorecard")).not.toBe(original); // built again, as of the 10th
  expect(await sheetXml(rebuilt, "Scorecard")).toContain("<v>45726</v>"); // 2025-03-10
});

test("a Scorecard the user renamed is still the one replaced: the name follows it", async () => {
  const entries = await edited(built, (name, text) =>
    name === "xl/workbook.xml"
      ? text
          .replace('name="Scorecard"', 'name="Q1 figures"')
          .replace("'Scorecard'!$A$1", "'Q1 figures'!$A$1")
      : null
  );
  const renamed = join(dir, "renamed.xlsx");
  writeFileSync(renamed, zip(entries));
  const rebuilt = join(dir, "renamed-rebuilt.xlsx");
  expect((await runCli(renamed, "--out", rebuilt, ...AS_OF)).status).toBe(0);
  expect(await sheetNames(rebuilt)).toEqual(["Sales", "Q1 figures"]);
});

test("a name put on a data sheet never makes it replaceable: the data stays, a Scorecard is added", async () => {
  const entries = workbookEntries({
    workbook: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sales" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="spec_scorecard">'Sales'!$A$1</definedName></definedNames></workbook>`,
  });
  const source = join(dir, "named-data.xlsx");
  writeFileSync(source, zip(entries));
  const out = join(dir, "named-data-out.xlsx");
  expect((await runCli(source, "--out", out, ...AS_OF)).status).toBe(0);
  expect(await sheetNames(out)).toEqual(["Sales", "Scorecard"]);
  expect(await sheetXml(out, "Sales")).toBe(await sheetXml(source, "Sales"));
  // The name now points at the sheet the build made (put right, not added twice).
  const workbook = await partText(out, "xl/workbook.xml");
  expect(workbook.match(/<definedName /g)).toHaveLength(1);
  expect(workbook).toContain(
    `<definedName name="SPEC_Scorecard" hidden="1">'Scorecard'!$A$1</definedName>`
  );
});

test("a workbook an earlier version built (the marker, no name) keeps that sheet and gets a new one", async () => {
  const entries = await edited(built, (name, text) =>
    name === "xl/workbook.xml" ? text.replace(/<definedNames>.*<\/definedNames>/, "") : null
  );
  const older = join(dir, "older.xlsx");
  writeFileSync(older, zip(entries));
  const out = join(dir, "older-out.xlsx");
  expect((await runCli(older, "--out", out, ...AS_OF)).status).toBe(0);
  expect(await sheetNames(out)).toEqual(["Sales", "Scorecard", "Scorecard (2)"]);
  expect(await sheetXml(out, "Scorecard")).toBe(await sheetXml(built, "Scorecard"));
});

/** What is left of a formula once its text constants, quoted names and structured references are taken out. */
function outsideNames(formula: string): string {
  let out = "";
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch))
        j += formula[j] === ch ? 2 : 1;
      i = j;
    } else if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "'") j++;
        else if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      i = j;
    } else out += ch;
  }
  return out;
}

async function formulas(path: string): Promise<string[]> {
  const xml = await sheetXml(path, "Scorecard");
  return [...xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) =>
    m[1]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
  );
}

test("a sheet's name crafted to close its quotes reaches formulas as a name only", async () => {
  const name = `S'!A1+WEBSERVICE(1)&'x`;
  expect(isValidSheetName(name)).toBe(true); // Excel allows it: it must be quoted right
  const source = join(dir, "crafted-sheet.xlsx");
  writeFileSync(source, zip(workbookEntries({ sheetName: name })));
  const out = join(dir, "crafted-sheet-out.xlsx");
  expect((await runCli(source, "--out", out, ...AS_OF)).status).toBe(0);
  const all = await formulas(out);
  const quoted = `'${name.replace(/'/g, "''")}'!`;
  expect(all.some((f) => f.includes(quoted))).toBe(true);
  for (const f of all) expect(outsideNames(f)).not.toMatch(/WEBSERVICE/i);
});

test("a column's name crafted to close its brackets reaches formulas as a name only", async () => {
  const amount = `Amount]],WEBSERVICE("http://x"),T[[y`;
  const source = join(dir, "crafted-column.xlsx");
  const sheet = new TextDecoder()
    .decode((await packageParts(join(dir, "plain.xlsx"))).get("xl/worksheets/sheet1.xml")?.data)
    .replace(">Amount<", `>${escape(amount)}<`);
  writeFileSync(
    source,
    zip(workbookEntries({ sheet, table: tableXml("Sales", ["Customer", "Date", amount]) }))
  );
  const out = join(dir, "crafted-column-out.xlsx");
  const r = await runCli(
    source,
    "--out",
    out,
    ...AS_OF,
    "--table",
    "sales=Sales",
    "--column",
    `sales.amount=${amount}`
  );
  expect(r.err.filter((e) => !e.includes("note:") && !e.includes("data:"))).toEqual([]);
  expect(r.status).toBe(0);
  const all = await formulas(out);
  expect(all.some((f) => f.includes("Sales[[Amount']'],WEBSERVICE"))).toBe(true);
  for (const f of all) expect(outsideNames(f)).not.toMatch(/WEBSERVICE/i);
});

test("CSV file names become sheet and table names Excel accepts, unique ignoring case", async () => {
  const folder = join(dir, "csv-names");
  mkdirSync(folder);
  const sales = "Customer,Date,Amount\nA,2025-03-01,10\nB,2025-03-02,20\n";
  writeFileSync(join(folder, "History.csv"), sales);
  for (const file of [
    "'quoted'.csv",
    "a file name longer than thirty-one characters.csv",
    "Leads.csv",
    "leads.csv",
    "a[b]c?.csv",
    "TRUE.csv",
    "R1C1.csv",
    "2024.csv",
  ])
    writeFileSync(join(folder, file), "Note\nx\n");
  const out = join(dir, "csv-names.xlsx");
  const r = await runCli(folder, "--out", out, ...AS_OF);
  expect(r.status).toBe(0);
  const pkg = await openPackage(out);
  const names = pkg.worksheets.map((w) => w.name);
  expect(names.every(isValidSheetName)).toBe(true);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  expect(names).not.toContain("History");
  const tables = (await Promise.all(pkg.worksheets.map((w) => pkg.tablesOf(w))))
    .flat()
    .map((t) => t.name);
  expect(tables).toHaveLength(9);
  expect(tables.every(isValidTableName)).toBe(true);
  expect(new Set(tables.map((n) => n.toLowerCase())).size).toBe(tables.length);
});

test("a plan longer than a sheet (a row per customer, a million customers) is refused, nothing written", async () => {
  const { FileWorkbook } = await import("../../src/workbook/fileWorkbook");
  const { UnreadableFile } = await import("../../src/xlsx/unreadable");
  let opened = false;
  const workbook = FileWorkbook.ofCsv([], async () => {
    opened = true;
    return {};
  });
  const plan = {
    sheetName: "Scorecard",
    cells: [
      {
        row: 60,
        column: 6,
        formula: "SPEC.CUSTOMER_VALUE(B60:D1048600)",
        spill: { rows: 1048541, columns: 1, results: [] },
      },
    ],
  } as unknown as import("../../src/plan/scorecardPlan").ScorecardPlan;
  const written = workbook.writeScorecard(plan, () => undefined);
  await expect(written).rejects.toThrow(UnreadableFile);
  await expect(written).rejects.toThrow(
    "the Scorecard would need 1,048,600 rows (a row per customer in its customer value table), past Excel's last row, 1,048,576; use --json for the figures, or build it from fewer customers"
  );
  expect(opened).toBe(false);
});
