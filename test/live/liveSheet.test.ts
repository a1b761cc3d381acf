/**
 * The live Scorecard shows exactly what the engine computes, on messy data (SPEC.md §3): the sheet
 * written by the command line is recalculated by LibreOffice, and every cell must equal the
 * engine's value (numbers to 1e-9 relative). LibreOffice cannot run the add-in, so its cells are
 * checked through the built add-in: their arguments evaluated by LibreOffice, the functions called
 * as Excel's runtime calls them. With those values in place, LibreOffice recalculates every other
 * cell, those that depend on the add-in's included.
 */
import { mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Browser } from "playwright-core";
import { cellAddress, decodeCell } from "../../src/core/cellReferences";
import { MODEL_CHECK_HEADER } from "../../src/core/sheetFunctions";
import { INDICATORS } from "../../src/engine/indicatorCatalog";
import { LABELS } from "../../src/plan/labels";
import { writeNewWorkbook } from "../../src/xlsx/newWorkbook";
import { sampleTables, writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { MESSY_LATEST_DAY, MESSY_SALES, MESSY_TABLES } from "../fixtures/messyWorkbook";
import { TEXT_SALES, TEXT_TABLES } from "../fixtures/textWorkbook";
import { callsIn, probeArguments, sameValue, withAddinValues } from "../support/addinProbe";
import { launchChromium } from "../support/browser";
import { ROOT, requireBuild } from "../support/builtAddin";
import { FunctionsPage, openFunctionsPage } from "../support/builtFunctions";
import { sheetFormulas } from "../support/formulaDependencies";
import { convertWithLibreOffice, libreOfficeVersion } from "../support/libreOffice";
import { CellValue, openPackage, sheetCells } from "../support/workbooks";
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import { runCli } from "../support/commandLine";

const dir = mkdtempSync(join(tmpdir(), "spec-live-"));
const source = join(dir, "messy.xlsx");
// The same mess as text: dd/mm/yyyy dates, 1.234,56 amounts, a TOTAL row, an id listed twice.
const textSource = join(dir, "text.xlsx");
// The sample distributor: enough customers and history for the customer models and the backtests.
const sample = join(dir, "sample.xlsx");
const SAMPLE_CUSTOMERS = 80;
let browser: Browser;
/** The errors each SPEC call on the sheet shows as a blank (blankOnlyOn). */
const EXPECTED_EMPTY: Record<string, readonly string[]> = {
  ACTIVATION_RATE: ["#DIV/0!", "#CALC!"],
  CONCENTRATION: ["#DIV/0!"],
  CUSTOMER_FORECAST: ["#N/A"],
};
let functions: FunctionsPage;

beforeAll(async () => {
  requireBuild();
  libreOfficeVersion();
  const blob = (await writeNewWorkbook(MESSY_TABLES, {})) as Blob;
  writeFileSync(source, new Uint8Array(await blob.arrayBuffer()));
  const text = (await writeNewWorkbook(TEXT_TABLES, {})) as Blob;
  writeFileSync(textSource, new Uint8Array(await text.arrayBuffer()));
  await writeSampleWorkbook(sample, { customers: SAMPLE_CUSTOMERS });
  browser = await launchChromium();
  functions = await openFunctionsPage(browser);
});

afterAll(async () => {
  await browser?.close();
});

type Json = {
  asOf: string;
  indicators: Record<
    string,
    {
      value: number | null;
      previous: number | null;
      forecast: number | null;
      forecasts?: Record<string, { value: number | null; backtest_error: number | null }>;
      history?: { start: string; value: number | null; reason: string | null }[];
    }
  >;
  model_check: { rows: Record<string, number | string | null>[] };
};

/**
 * The engine's model check against MODEL_CHECK's: the same fit, from the same starts, but over the
 * customers in the order each reads them; where the likelihood is nearly flat the two searches
 * stop up to ~1e-6 apart (measured 8e-7 on one row's expected revenue in the sample after issue 15's
 * regrouped sums), so the check's means are compared to 1e-5 relative, every other cell exactly.
 */
function closeFit(engine: CellValue | undefined, fn: CellValue): boolean {
  if (typeof engine === "number" && typeof fn === "number")
    return Math.abs(engine - fn) <= 1e-5 * Math.max(1, Math.abs(engine));
  return sameValue(engine, fn);
}

type Case = {
  workbook: () => string;
  args: string[];
  rows: () => number;
  messy: boolean;
  /** By quarter: the trend reaches back before the data begin. */
  quarters?: boolean;
};
const messy = (args: string[]): Case => ({
  workbook: () => source,
  args: ["--period", "month", ...args],
  rows: () => MESSY_SALES.length,
  messy: true,
});
describe.each([
  ["as of the latest sale (a live MAX over the sales)", messy([])],
  ["as of a fixed day, with sales after it", messy(["--as-of", "2025-03-15"])],
  [
    "the same mess written as text (dates, amounts), with a total row and an id listed twice",
    {
      workbook: () => textSource,
      args: ["--period", "month"],
      rows: () => TEXT_SALES.length,
      messy: true,
    } as Case,
  ],
  [
    "the mess by quarter: the trend's quarters before the first sale are blank",
    { ...messy([]), args: ["--period", "quarter"], quarters: true } as Case,
  ],
  [
    "the sample distributor: customer models fitted, forecasts backtested",
    {
      workbook: () => sample,
      args: [],
      rows: () => sampleTables({ customers: SAMPLE_CUSTOMERS })[0].rowCount,
      messy: false,
    } as Case,
  ],
])("%s", (name, c) => {
  const extra = c.messy ? c.args.slice(2) : c.args;
  const out = join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
  let json: Json;
  let cells: Map<string, CellValue>;
  let rows: Record<string, number>;

  beforeAll(async () => {
    const r = await runCli(c.workbook(), ...c.args, "--out", out, "--json");
    expect(r.status).toBe(0);
    json = JSON.parse(r.out);
    cells = await sheetCells(out, "Scorecard");
    rows = {};
    for (const info of INDICATORS) {
      const found = [...cells].find(([a, v]) => /^A\d+$/.test(a) && v === info.words.en);
      if (found !== undefined) rows[info.id] = Number(found[0].slice(1));
    }
  });

  test("the engine read the mess as the sheet's formulas do: one customer per written id", () => {
    if (c.quarters === true) {
      // Q1 2023 … Q4 2023 end before the first sale (2024-02-10); the sheet shows them blank.
      expect(
        json.indicators.revenue.history?.map((h) => [
          h.start,
          h.value === null ? h.reason : "value",
        ])
      ).toEqual([
        ...["2023-01-01", "2023-04-01", "2023-07-01", "2023-10-01"].map((start) => [
          start,
          "Not available: the period ends before the first sale.",
        ]),
        ...["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"].map((start) => [
          start,
          "value",
        ]),
      ]);
      return;
    }
    if (!c.messy) {
      // The sample: the models fit, the backtests ran, and the forecast block says so.
      expect(json.indicators["svc.expected_revenue"].value).toBeGreaterThan(0);
      expect(
        Object.values(json.indicators.revenue.forecasts ?? {}).every(
          (m) => m.value !== null && m.backtest_error !== null
        )
      ).toBe(true);
      return;
    }
    // 7004, "cl-1", "x y", "new-1", "a b" bought in March up to as of; blank-looking ids are no customer.
    if (extra.length === 0) {
      expect(json.asOf).toBe("2025-03-20");
      expect(json.indicators["info.customers_buying"].value).toBe(5);
      expect(json.indicators.revenue.value).toBe(650 + 100 - 30 + 200 + 75 + 25 + 50 + 10 + 300);
      // As of, in the parameters below the indicators: a live MAX over the sales.
      const asOfRow = [...cells].find(([a, v]) => /^A\d+$/.test(a) && v === "As of")?.[0].slice(1);
      expect(cells.get(`B${asOfRow}`)).toBe(MESSY_LATEST_DAY);
    } else {
      expect(json.indicators["info.customers_buying"].value).toBe(4); // a b buys after the 15th; new-1 on the 12th and 14th
      expect(json.indicators.revenue.value).toBe(650 + 100 - 30 + 200 + 75 + 25);
    }
    expect(MESSY_SALES.length).toBeGreaterThan(20);
  });

  test("every indicator cell holds the engine's JSON value; flows alone carry a forecast", () => {
    for (const info of INDICATORS) {
      const r = rows[info.id];
      const j = json.indicators[info.id];
      expect([info.id, sameValue(j.value ?? "", cells.get(`B${r}`))]).toEqual([info.id, true]);
      expect([info.id, sameValue(j.previous ?? "", cells.get(`C${r}`))]).toEqual([info.id, true]);
      if (info.flow)
        expect([info.id, sameValue(j.forecast ?? "", cells.get(`G${r}`))]).toEqual([info.id, true]);
      else expect([info.id, cells.get(`G${r}`), j.forecast]).toEqual([info.id, undefined, null]);
    }
  });

  test("the add-in's cells: the built functions, given the arguments LibreOffice evaluates, give the engine's values", async () => {
    const formulas = await sheetFormulas(out, "Scorecard");
    const calls = callsIn(formulas);
    expect(calls.map((c) => c.functionId).sort()).toEqual(
      expect.arrayContaining(["ACTIVATION_RATE", "CONCENTRATION", "CUSTOMER_VALUE"])
    );
    // Arguments that read other add-in cells (a tier's customers read the scores) see the values Excel would.
    const variant = join(dir, `probe-base-${name.replace(/\W+/g, "-")}.xlsx`);
    await withAddinValues(
      out,
      (await openPackage(out)).worksheets.find((w) => w.name === "Scorecard")?.part as string,
      variant
    );
    const probed = await probeArguments(
      variant,
      "Scorecard",
      calls,
      c.rows() + 50,
      join(dir, `probe-${name.replace(/\W+/g, "-")}.xlsx`)
    );
    const checked: string[] = [];
    for (const { call, args } of probed) {
      const first = cells.get(call.cell);
      // A trend's period that ends before the first sale is blank, whatever the function says.
      const guard = /^IF\((\$?[A-Z]+\$?\d+)<(\$?[A-Z]+\$?\d+),"",/.exec(
        formulas.get(call.cell)?.formula ?? ""
      );
      const day = (ref: string): number => cells.get(ref.replace(/\$/g, "")) as number;
      // Expected revenue as of a period's last day: nothing left to expect, blank.
      const noneLeft = /IF\((\$?[A-Z]+\$?\d+)>=(\$?[A-Z]+\$?\d+),"",/.exec(
        formulas.get(call.cell)?.formula ?? ""
      );
      if (
        (guard !== null && day(guard[1]) < day(guard[2])) ||
        (noneLeft !== null && day(noneLeft[1]) >= day(noneLeft[2]))
      ) {
        expect([call.cell, first ?? ""]).toEqual([call.cell, ""]);
        checked.push(call.cell);
        continue;
      }
      const outcome = await functions.call(call.functionId, args);
      if (call.functionId === "MODEL_CHECK") {
        // The cell spills the table without its header row and first column; blank when the
        // models cannot be fitted (#N/A, the only error the sheet shows blank).
        if (outcome.error !== undefined)
          expect([call.cell, outcome.error.code, first ?? ""]).toEqual([call.cell, "#N/A", ""]);
        else {
          const at = decodeCell(call.cell) as { row: number; column: number };
          (outcome.value as unknown[][]).slice(1).forEach((row, i) =>
            row.slice(1).forEach((v, j) => {
              const address = cellAddress(at.row + i, at.column + j);
              expect([address, closeFit(cells.get(address), v as CellValue)]).toEqual([
                address,
                true,
              ]);
            })
          );
        }
      } else if (call.functionId === "CUSTOMER_VALUE") {
        expect(outcome.error).toBeUndefined();
        const spilled = outcome.value as unknown[][];
        const start = Number(call.cell.replace(/^[A-Z]+/, ""));
        const column = call.cell.replace(/\d+$/, "");
        spilled.forEach(([score], i) =>
          expect([
            call.cell,
            i,
            sameValue(cells.get(`${column}${start + i}`), score as CellValue),
          ]).toEqual([call.cell, i, true])
        );
      } else if (call.functionId === "CUSTOMER_FORECAST" && outcome.error === undefined) {
        // The cell sums the expected_revenue column (blank when it holds no number).
        const column = (outcome.value as unknown[][]).slice(1).map((r) => r[7]);
        const numbers = column.filter((v): v is number => typeof v === "number");
        const sum = numbers.length === 0 ? "" : numbers.reduce((a, v) => a + v, 0);
        expect([call.cell, first, sameValue(first, sum)]).toEqual([call.cell, first, true]);
      } else if (outcome.error !== undefined) {
        // Blank only in the call's expected empty case; any other error would show in the cell.
        const code = outcome.error.code;
        const formula = formulas.get(call.cell)?.formula;
        expect([
          call.cell,
          formula,
          first,
          EXPECTED_EMPTY[call.functionId]?.includes(code),
          code,
        ]).toEqual([call.cell, formula, "", true, code]);
      } else {
        expect([call.cell, sameValue(first, outcome.value as CellValue)]).toEqual([
          call.cell,
          true,
        ]);
      }
      checked.push(call.cell);
    }
    expect(checked.length).toBeGreaterThanOrEqual(13); // 5 service indicators × 2 columns, 3 tiers, the scores
    // The trend calls the service functions over 8 more periods, and MODEL_CHECK fits two models.
  }, 360_000);

  test("the trend and the model check hold the engine's JSON: each past period, the check's table", () => {
    const top = Number(
      [...cells].find(([a, v]) => /^A\d+$/.test(a) && v === LABELS.en.trend.title)?.[0].slice(1)
    );
    for (const info of INDICATORS) {
      const row = Number(
        [...cells]
          .find(
            ([a, v]) => /^A\d+$/.test(a) && Number(a.slice(1)) > top && v === info.words.en
          )?.[0]
          .slice(1)
      );
      const history = json.indicators[info.id].history ?? [];
      expect(history).toHaveLength(8);
      history.forEach((h, j) => {
        const address = cellAddress(row, 2 + j);
        expect([info.id, address, sameValue(h.value ?? "", cells.get(address))]).toEqual([
          info.id,
          address,
          true,
        ]);
      });
    }
    const check = Number(
      [...cells]
        .find(([a, v]) => /^A\d+$/.test(a) && v === LABELS.en.modelCheck.title)?.[0]
        .slice(1)
    );
    json.model_check.rows.forEach((r, i) =>
      MODEL_CHECK_HEADER.slice(1).forEach((name, j) => {
        const address = cellAddress(check + 5 + i, 2 + j);
        expect([address, sameValue(r[name] ?? "", cells.get(address))]).toEqual([address, true]);
      })
    );
  });

  test("LibreOffice recalculates every other cell to the engine's value", async () => {
    const pkg = await openPackage(out);
    const sheet = pkg.worksheets.find((w) => w.name === "Scorecard");
    const variant = join(dir, `with-addin-values-${name.replace(/\W+/g, "-")}.xlsx`);
    await withAddinValues(out, sheet?.part as string, variant);
    const recalculated = await sheetCells(
      convertWithLibreOffice(variant, "xlsx", "always").path,
      "Scorecard"
    );
    const formulas = await sheetFormulas(out, "Scorecard");
    const differing = [...cells]
      .filter(([a, v]) => !sameValue(v, recalculated.get(a)))
      .map(
        ([a, v]) =>
          `${a}: engine ${JSON.stringify(v)}, LibreOffice ${JSON.stringify(recalculated.get(a))} (${formulas.get(a)?.formula.slice(0, 80) ?? "value"})`
      );
    expect(differing).toEqual([]);
    const live = [...formulas.keys()].filter(
      (a) => !/_xldudf_/.test((formulas.get(a) as { formula: string }).formula)
    );
    expect(live.length).toBeGreaterThan(60);
  });
});

test("a freshly built sheet rendered by LibreOffice to PDF: the first page kept as a picture to look at", async () => {
  const out = join(dir, "render.xlsx");
  expect(
    (
      await runCli(
        source,
        "--period",
        "month",
        "--out",
        out,
        "--target",
        "revenue=2000",
        "--target",
        "svc.activation_rate=0.6",
        "--target",
        "sales.new_customers=1",
        "--target",
        "svc.top20_share=0.3"
      )
    ).status
  ).toBe(0);
  // As Excel shows it once the add-in has computed its cells: their values in place, everything else recalculated.
  const shown = join(dir, "render-shown.xlsx");
  await withAddinValues(
    out,
    (await openPackage(out)).worksheets.find((w) => w.name === "Scorecard")?.part as string,
    shown
  );
  const pdf = convertWithLibreOffice(shown, "pdf", "always").path;
  const shots = join(ROOT, "test-results", "live");
  mkdirSync(shots, { recursive: true });
  // The PDF holds every sheet: the Scorecard's first page is the one with its marker.
  const pages = Number(
    /Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? 0
  );
  const first = Array.from({ length: pages }, (_, i) => i + 1).find((n) =>
    spawnSync("pdftotext", ["-f", String(n), "-l", String(n), pdf, "-"], {
      encoding: "utf8",
    }).stdout.includes("spec-scorecard/v1")
  );
  expect(first).toBeDefined();
  const r = spawnSync(
    "pdftoppm",
    [
      "-png",
      "-r",
      "70",
      "-f",
      String(first),
      "-l",
      String(first),
      "-singlefile",
      pdf,
      join(shots, "scorecard-page"),
    ],
    { encoding: "utf8" }
  );
  expect(r.status).toBe(0);
  const text = spawnSync(
    "pdftotext",
    ["-f", String(first), "-l", String(first), "-layout", pdf, "-"],
    { encoding: "utf8" }
  ).stdout;
  expect(text).toContain("SPEC Scorecard");
  expect(text).toMatch(/On track|At risk|Off track/);
});
