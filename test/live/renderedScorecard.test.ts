/**
 * The Scorecard as a manager reads the file mailed to them: the command line's workbook, in both
 * languages, opened and printed by LibreOffice. Every page of the Scorecard is kept as a picture
 * (test-results/live/scorecard-<lang>-<page>.png) to look at; the charts are drawn (their titles
 * are on the printed pages, beside the cells that hold the same words) and survive LibreOffice
 * saving the file again; no number is too wide for its column (LibreOffice prints it as ###).
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { LABELS, Language } from "../../src/plan/labels";
import { withAddinValues } from "../support/addinProbe";
import { ROOT } from "../support/builtAddin";
import { runCli } from "../support/commandLine";
import { convertWithLibreOffice, libreOfficeVersion } from "../support/libreOffice";
import { openPackage, packageParts, sheetCells, writePackage } from "../support/workbooks";

/** The Scorecard's charts: forecast, model check, 5 trends, funnel, Pareto. */
const CHART_COUNT = 9;

const dir = mkdtempSync(join(tmpdir(), "spec-rendered-"));
const sample = join(dir, "sample.xlsx");
const shots = join(ROOT, "test-results", "live");
const ARGS = ["--as-of", "2026-05-20", "--target", "revenue=600000"];

beforeAll(async () => {
  libreOfficeVersion();
  await writeSampleWorkbook(sample, { customers: 80 });
  mkdirSync(shots, { recursive: true });
});

/** Each page's text, from one pdftotext run (pages end with a form feed). */
const pageTexts = (pdf: string): string[] =>
  spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 })
    .stdout.split("\f")
    .slice(0, -1);

/** The chart titles of a written workbook's charts, in part order. */
async function chartTitles(path: string): Promise<string[]> {
  const parts = await packageParts(path);
  return [...parts.keys()]
    .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    .sort()
    .map((p) => {
      const xml = new TextDecoder().decode(parts.get(p)?.data);
      return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("");
    });
}

/** A copy printing the Scorecard alone: the data sheets hidden (LibreOffice prints no hidden sheet). */
async function scorecardOnly(path: string): Promise<string> {
  const parts = await packageParts(path);
  const copy: Record<string, Uint8Array | string> = {};
  for (const [name, part] of parts) copy[name] = part.data;
  copy["xl/workbook.xml"] = new TextDecoder()
    .decode(parts.get("xl/workbook.xml")?.data)
    .replace(/<sheet (name="(?!Scorecard")[^"]*")/g, '<sheet $1 state="hidden"');
  const out = path.replace(/\.xlsx$/, "-printed.xlsx");
  await writePackage(out, copy);
  return out;
}

const unescape = (s: string): string =>
  s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

describe.each([["en"], ["es"]])("the Scorecard in %s", (lang) => {
  test("printed by LibreOffice: every page kept as a picture, the charts drawn, no number too wide for its column", async () => {
    const out = join(dir, `scorecard-${lang}.xlsx`);
    const run = await runCli(sample, "--out", out, "--lang", lang, ...ARGS);
    expect(run.status).toBe(0);
    // As Excel shows it once the add-in has computed its cells.
    const shown = join(dir, `scorecard-${lang}-shown.xlsx`);
    const sheetPart = (await openPackage(out)).worksheets.find((w) => w.name === "Scorecard")
      ?.part as string;
    await withAddinValues(out, sheetPart, shown);
    const pdf = convertWithLibreOffice(await scorecardOnly(shown), "pdf", "always").path;
    const pages = pageTexts(pdf);
    // The Scorecard is the last sheet: its pages run from the one with its marker to the end.
    const first = pages.findIndex((t) => t.includes("spec-scorecard/v1")) + 1;
    expect(first).toBeGreaterThan(0);
    const texts = pages.slice(first - 1);
    for (const f of readdirSync(shots).filter((f) => f.startsWith(`scorecard-${lang}-`)))
      rmSync(join(shots, f));
    const r = spawnSync(
      "pdftoppm",
      [
        "-png",
        "-r",
        "60",
        "-f",
        String(first),
        "-l",
        String(pages.length),
        pdf,
        join(shots, `scorecard-${lang}`),
      ],
      { encoding: "utf8" }
    );
    expect(r.status).toBe(0);
    expect(readdirSync(shots).filter((f) => f.startsWith(`scorecard-${lang}-`))).toHaveLength(
      texts.length
    );
    const all = texts.join("\n");
    expect(all).not.toContain("###");
    // One page wide: the customer value table's rows end with their tier, the sheet's last
    // column, on the page with the table's title (not on a page of its own to the right).
    const valueTable = texts.find((t) => t.includes(LABELS[lang as Language].value.title));
    expect(valueTable).toMatch(/\d\s+[ABC]\s*$/m);
    // Each chart is drawn: its title is printed once more than the cells hold it.
    const titles = (await chartTitles(out)).map(unescape);
    // Forecast, model check, a trend per stage and the overview, funnel, Pareto.
    expect(titles).toHaveLength(CHART_COUNT);
    const cells = [...(await sheetCells(out, "Scorecard")).values()];
    const squeeze = (s: string): string => s.replace(/\s+/g, " ");
    for (const title of titles) {
      const inCells = cells.filter((v) => v === title).length;
      const printed = squeeze(all).split(squeeze(title)).length - 1;
      // The trend's charts, in a block taller than a page, start a page at a row of charts; LibreOffice
      // may still print a chart's top edge, and so its title, at the foot of the page before.
      if (title.endsWith("(= 100)")) {
        expect({ title, drawn: printed > inCells }).toEqual({ title, drawn: true });
        continue;
      }
      expect({ title, printed }).toEqual({ title, printed: inCells + 1 });
      // The block and its chart on one page, not split between two.
      expect(texts.filter((t) => squeeze(t).includes(squeeze(title)))).toHaveLength(1);
    }
  }, 400000);
});

test("saved again by LibreOffice: the charts are still there, over the same cells", async () => {
  const out = join(dir, "scorecard-en.xlsx");
  const saved = convertWithLibreOffice(out, "xlsx", "never").path;
  const refs = async (path: string): Promise<string[]> => {
    const parts = await packageParts(path);
    const found = new Set<string>();
    for (const [p, part] of parts)
      if (/^xl\/charts\/chart\d+\.xml$/.test(p))
        for (const m of new TextDecoder().decode(part.data).matchAll(/<c:f>([^<]*)<\/c:f>/g))
          found.add(m[1].replace(/'/g, ""));
    return [...found].sort();
  };
  const ours = await refs(out);
  expect(ours.length).toBeGreaterThan(6);
  expect(await refs(saved)).toEqual(expect.arrayContaining(ours));
  expect(await chartTitles(saved)).toHaveLength(CHART_COUNT);
}, 300000);
