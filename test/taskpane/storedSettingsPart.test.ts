/**
 * The task pane's side of the stored settings, over office-addin-mock objects that insist on
 * load and sync as Office.js does: the custom XML part read, written once and rewritten in place;
 * and the watch on the tables' sheets that tells the pane its data may have changed.
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook, ExcelRun } from "../../src/taskpane/officeWorkbook";
import { rootNamespace } from "../../src/xlsx/customXmlPart";
import { DEFAULT_SETTINGS } from "../../src/engine/scorecard";
import {
  SETTINGS_NAMESPACE,
  StoredSettings,
  storedSettingsXml,
} from "../../src/workbook/storedSettings";

const STORED: StoredSettings = {
  version: 1,
  builtAt: "2026-05-20T09:30:00Z",
  language: "en",
  mapping: { sales: { table: "Sales", columns: { amount: "Net" } } },
  reading: { decimal: "," },
  settings: { ...DEFAULT_SETTINGS, period: "month", targets: { revenue: 250000 } },
};

/** Excel's custom XML parts, as the calls the code makes reach them. */
class FakeParts {
  readonly parts: { id: string; xml: string; deleted: boolean }[] = [];
  readonly calls: string[] = [];
  private next = 1;

  add(xml: string): void {
    this.calls.push("add");
    this.parts.push({ id: `{ID-${this.next++}}`, xml, deleted: false });
  }

  /** The workbook as the code sees it: collections loaded and synced through office-addin-mock. */
  run: ExcelRun = async (batch) => {
    const fake = this;
    const made: OfficeMockObject[] = [];
    const made1 = (data: object): OfficeMockObject => {
      const m = new OfficeMockObject(data);
      made.push(m);
      return m;
    };
    const mock = new OfficeMockObject({
      workbook: {
        customXmlParts: {
          add: (xml: string) => fake.add(xml),
          getByNamespace: (ns: string) =>
            made1({
              items: fake.parts
                .filter((p) => !p.deleted && rootNamespace(p.xml) === ns)
                .map((p) => ({
                  id: p.id,
                  getXml: () => ({ value: p.xml }),
                  setXml: (xml: string) => {
                    fake.calls.push(`setXml ${p.id}`);
                    p.xml = xml;
                  },
                  delete: () => {
                    fake.calls.push(`delete ${p.id}`);
                    p.deleted = true;
                  },
                })),
            }),
        },
      },
    });
    const context = {
      workbook: (mock as unknown as { workbook: unknown }).workbook,
      sync: async () => {
        await mock.sync();
        for (const m of made) await m.sync();
        // office-addin-mock settles nested properties in callbacks of its own sync.
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  };
}

test("a workbook never built holds no settings; one built holds what the build stored", async () => {
  const excel = new FakeParts();
  const pane = new OfficeWorkbook(excel.run);
  await expect(pane.storedSettings("en")).resolves.toEqual({ kind: "none" });
  excel.add('<other xmlns="urn:someone-else"/>'); // another add-in's part is left alone
  await pane.storeSettings(STORED);
  expect(excel.parts.map((p) => p.xml)).toEqual([
    '<other xmlns="urn:someone-else"/>',
    storedSettingsXml(STORED),
  ]);
  await expect(pane.storedSettings("en")).resolves.toEqual({ kind: "stored", stored: STORED });
});

test("building again rewrites the one part in place; two parts (a pasted copy) become one", async () => {
  const excel = new FakeParts();
  const pane = new OfficeWorkbook(excel.run);
  await pane.storeSettings(STORED);
  const next = { ...STORED, settings: { ...STORED.settings, period: "year" as const } };
  await pane.storeSettings(next);
  expect(excel.calls).toEqual(["add", "setXml {ID-1}"]);
  expect(excel.parts.filter((p) => !p.deleted).map((p) => p.xml)).toEqual([
    storedSettingsXml(next),
  ]);
  excel.add(storedSettingsXml(STORED));
  await pane.storeSettings(next);
  expect(excel.calls.slice(3)).toEqual(["delete {ID-1}", "delete {ID-2}", "add"]);
  expect(excel.parts.filter((p) => !p.deleted)).toHaveLength(1);
});

test("a part edited by hand is refused with one line, in the pane's language", async () => {
  const excel = new FakeParts();
  excel.add(storedSettingsXml(STORED).replace('kind="month"', 'kind="weekly"'));
  const pane = new OfficeWorkbook(excel.run);
  await expect(pane.storedSettings("en")).resolves.toEqual({
    kind: "refused",
    message:
      'the settings stored in this workbook cannot be used: <period kind="weekly">: kind must be one of month, quarter, year; building again stores new ones',
  });
  await expect(pane.storedSettings("es")).resolves.toMatchObject({
    kind: "refused",
    message: expect.stringMatching(/^la configuración guardada en este libro no se puede usar: /),
  });
  expect(SETTINGS_NAMESPACE).toBe(rootNamespace(storedSettingsXml(STORED)));
});

describe("the pane hears when its tables' data may have changed", () => {
  type Handler = (e: Record<string, string>) => Promise<void>;
  const load = (): void => undefined;
  const range = (rowCount: number, values: unknown[][] = []) => ({
    load,
    rowIndex: 0,
    columnIndex: 0,
    rowCount,
    columnCount: 3,
    values,
    isNullObject: false,
  });
  const sheet = (name: string, id: string, header: string[], top: unknown[][] = [[""]]) => ({
    name,
    id,
    getRange: () => range(5, top),
    getUsedRangeOrNullObject: () => range(10),
    getRangeByIndexes: () => range(1, [header]),
  });
  const setUp = (refuse = false) => {
    const handlers: Record<string, Handler> = {};
    const removed: string[] = [];
    const event = (kind: string) => ({
      add: (h: Handler) => {
        if (refuse) throw new Error("events are not supported here");
        handlers[kind] = h;
        return { remove: () => removed.push(kind), context: { sync: async () => undefined } };
      },
    });
    const context = {
      workbook: {
        worksheets: {
          load,
          items: [
            sheet("Data", "{S1}", ["Customer", "Date", "Amount"]),
            sheet("Notes", "{S2}", ["", "", ""]),
            sheet(
              "Scorecard",
              "{S3}",
              ["SPEC Scorecard", "", ""],
              [["SPEC Scorecard"], [""], ["spec-scorecard/v1"]]
            ),
          ],
          onChanged: event("changed"),
          onCalculated: event("calculated"),
        },
        tables: { load, items: [] },
      },
      sync: async () => undefined,
    };
    const run: ExcelRun = (batch) => batch(context as unknown as Excel.RequestContext);
    return { pane: new OfficeWorkbook(run), handlers, removed };
  };

  test("an edit or a recalculation on a sheet holding a table, not the add-in's own writes", async () => {
    const { pane, handlers, removed } = setUp();
    expect((await pane.describeTables()).map((t) => t.sheet)).toEqual(["Data"]);
    let changes = 0;
    const stop = await pane.watchChanges(() => changes++);
    await handlers.changed({ worksheetId: "{S1}", triggerSource: "Unknown" });
    await handlers.changed({ worksheetId: "{S1}" }); // an Excel before ExcelApi 1.14 says no source
    await handlers.changed({ worksheetId: "{S1}", triggerSource: "ThisLocalAddin" });
    await handlers.changed({ worksheetId: "{S2}", triggerSource: "Unknown" });
    await handlers.changed({ worksheetId: "{S3}", triggerSource: "Unknown" });
    await handlers.calculated({ worksheetId: "{S1}" }); // its formulas follow another sheet
    await handlers.calculated({ worksheetId: "{S3}" });
    expect(changes).toBe(3);
    stop?.();
    expect(removed).toEqual(["changed", "calculated"]);
  });

  test("where Excel refuses the events, the pane is told it cannot know (and reads again at build)", async () => {
    const { pane } = setUp(true);
    await pane.describeTables();
    await expect(pane.watchChanges(() => undefined)).resolves.toBeNull();
  });
});
