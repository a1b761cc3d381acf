/** The Office.js writer against office-addin-mock: what it asks Excel to do, block by block. */
import { OfficeMockObject } from "office-addin-mock";
import { isoDateToSerial } from "../../src/core/cells";
import { DEFAULT_SETTINGS, buildScorecard } from "../../src/engine/scorecard";
import { readScorecardData } from "../../src/engine/scorecardData";
import { guessMapping } from "../../src/engine/tableMapping";
import { buildScorecardPlan, ScorecardPlan } from "../../src/plan/scorecardPlan";
import {
  WRITE_BLOCK_CELLS,
  cellInput,
  planGrid,
  writePlanWithOffice,
} from "../../src/taskpane/officeWriter";
import type { ExcelRun } from "../../src/taskpane/officeWorkbook";
import { Progress } from "../../src/workbook/workbookPort";
import { CUSTOMERS, LEADS, MARKET, SALES } from "../fixtures/scorecardFixture";

function fixturePlan(): ScorecardPlan {
  const mapping = guessMapping([SALES, CUSTOMERS, LEADS, MARKET]);
  const data = readScorecardData(mapping);
  if (!data.ok) throw new Error(data.error.message);
  const card = buildScorecard(data.value, {
    ...DEFAULT_SETTINGS,
    asOf: isoDateToSerial("2025-03-20"),
    period: "month",
    targets: { revenue: 1800 },
  });
  if (!card.ok) throw new Error(card.error.message);
  return buildScorecardPlan(card.value, mapping, "en");
}

interface Written {
  ranges: {
    row: number;
    column: number;
    rows: number;
    columns: number;
    formulas?: unknown[][];
    numberFormat?: string[][];
  }[];
  cells: Map<string, { format: { font: Record<string, unknown>; fill: Record<string, unknown> } }>;
  conditionalFormats: {
    type: string;
    custom: {
      rule: { formula?: string };
      format: { fill: { color?: string }; font: { color?: string } };
    };
  }[];
  charts: {
    type: string;
    address: string;
    title: { text?: string };
    legend: { visible?: boolean };
  }[];
  added: string[];
  cleared: number;
  frozenRows: number[];
}

/** A workbook mock with Sales and an earlier sheet named Scorecard (not made by us), recording every write. */
function excelMock(written: Written): OfficeMockObject {
  const worksheet = (name: string): Record<string, unknown> => ({
    name,
    showGridlines: true,
    freezePanes: {
      freezeRows: (rows: number) => {
        written.frozenRows.push(rows);
      },
    },
    pageLayout: {},
    charts: {
      items: [{ delete: () => undefined }],
      add(type: string, range: { address: string }) {
        const chart = {
          type,
          address: range.address,
          title: {},
          legend: {},
          setPosition: () => undefined,
        };
        written.charts.push(chart);
        return chart;
      },
    },
    getRange(address?: string) {
      return {
        address,
        format: {},
        clear: () => {
          written.cleared++;
        },
        conditionalFormats: {
          add(type: string) {
            const cf = { type, custom: { rule: {}, format: { fill: {}, font: {} } } };
            written.conditionalFormats.push(cf);
            return cf;
          },
        },
      };
    },
    getRangeByIndexes(row: number, column: number, rows: number, columns: number) {
      const range = { row, column, rows, columns };
      written.ranges.push(range);
      return range;
    },
    getCell(row: number, column: number) {
      const key = `${row},${column}`;
      if (!written.cells.has(key)) written.cells.set(key, { format: { font: {}, fill: {} } });
      return written.cells.get(key);
    },
    activate: () => undefined,
  });
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items: [{ name: "Sales" }, { name: "Scorecard" }],
          // Sheets live in the mock's tree, so they get its load and sync; "Scorecard (2)" is the one add() makes.
          sheets: {
            Sales: worksheet("Sales"),
            Scorecard: worksheet("Scorecard"),
            "Scorecard (2)": worksheet("Scorecard (2)"),
          },
          getItem(name: string) {
            return (this as unknown as { sheets: Record<string, unknown> }).sheets[name];
          },
          add(name: string) {
            written.added.push(name);
            return (this as unknown as { sheets: Record<string, unknown> }).sheets[name];
          },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback((this as unknown as { context: unknown }).context);
    },
  });
}

function freshWritten(): Written {
  return {
    ranges: [],
    cells: new Map(),
    conditionalFormats: [],
    charts: [],
    added: [],
    cleared: 0,
    frozenRows: [],
  };
}

const plan = fixturePlan();

test("cell inputs: formulas typed with '=', LET without its sigil, text that looks like a formula kept as text", () => {
  expect(cellInput({ row: 1, column: 1, formula: "LET(§u,1,§u)" })).toBe("=LET(u,1,u)");
  expect(cellInput({ row: 1, column: 1, value: "=not a formula" })).toBe("'=not a formula");
  expect(cellInput({ row: 1, column: 1, value: 42 })).toBe(42);
  expect(cellInput({ row: 1, column: 1, value: null })).toBe("");
  expect(cellInput(undefined)).toBe("");
});

test("the grid holds every plan cell where the plan puts it", () => {
  const grid = planGrid(plan);
  const revenue = plan.cells.find((c) =>
    c.formula?.includes('SUM((§k<>"")*(§k<>"0")*(Sales[Date]>=')
  );
  if (revenue === undefined) throw new Error("no revenue formula");
  expect(grid.inputs[revenue.row - 1][revenue.column - 1]).toBe(
    `=${(revenue.formula as string).replace(/§/g, "")}`
  );
  expect(grid.formats[revenue.row - 1][revenue.column - 1]).toBe("#,##0.00");
  expect(grid.inputs[0][0]).toBe("SPEC Scorecard");
});

test("a new sheet beside a user's own 'Scorecard': values and formulas in blocks, styles, status colours, charts", async () => {
  const written = freshWritten();
  const mock = excelMock(written);
  const run: ExcelRun = (batch) => (mock as unknown as { run: ExcelRun }).run(batch);
  const progress: Progress[] = [];
  const name = await writePlanWithOffice(run, plan, null, (p) => progress.push(p), undefined);
  expect(name).toBe("Scorecard (2)"); // the user's sheet of that name is left alone
  expect(written.added).toEqual(["Scorecard (2)"]);
  expect(written.cleared).toBe(0);

  const grid = planGrid(plan);
  const blocks = written.ranges;
  expect(blocks.length).toBe(Math.ceil(grid.rows / Math.floor(WRITE_BLOCK_CELLS / grid.columns)));
  expect(blocks.every((b) => b.rows * b.columns <= WRITE_BLOCK_CELLS)).toBe(true);
  expect(blocks.flatMap((b) => b.formulas ?? [])).toEqual(grid.inputs);
  expect(blocks.flatMap((b) => b.numberFormat ?? [])).toEqual(grid.formats);
  expect(progress[progress.length - 1]).toEqual({
    phase: "writing",
    done: grid.rows,
    total: grid.rows,
  });

  expect(written.frozenRows).toEqual([plan.frozenRows]);
  const title = written.cells.get("0,0");
  expect(title?.format.font).toMatchObject({ bold: true, size: 16, color: "#1F4E79" });
  expect(
    written.conditionalFormats.map((c) => [
      c.type,
      c.custom.rule.formula,
      c.custom.format.fill.color,
    ])
  ).toEqual([
    ["Custom", '=F21="On track"', "#C6EFCE"],
    ["Custom", '=F21="At risk"', "#FFEB9C"],
    ["Custom", '=F21="Off track"', "#FFC7CE"],
  ]);
  expect(written.charts.map((c) => [c.type, c.title.text])).toEqual([
    ["Funnel", "Funnel: leads → new customers"],
    ["Pareto", "Concentration: top 20 customers in the period"],
  ]);
});

test("building again clears the sheet it made and rewrites it in place", async () => {
  const written = freshWritten();
  const mock = excelMock(written);
  const run: ExcelRun = (batch) => (mock as unknown as { run: ExcelRun }).run(batch);
  const name = await writePlanWithOffice(run, plan, "Scorecard", () => undefined, undefined);
  expect(name).toBe("Scorecard");
  expect(written.added).toEqual([]);
  expect(written.cleared).toBe(1);
});

test("a cancelled build writes nothing more", async () => {
  const written = freshWritten();
  const mock = excelMock(written);
  const run: ExcelRun = (batch) => (mock as unknown as { run: ExcelRun }).run(batch);
  const controller = new AbortController();
  controller.abort();
  await expect(
    writePlanWithOffice(run, plan, null, () => undefined, controller.signal)
  ).rejects.toThrow("cancelled");
  expect(written.ranges).toEqual([]);
  expect(written.added).toEqual([]);
});
