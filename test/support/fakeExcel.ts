/**
 * A workbook in Excel as the task pane's Office.js code sees it, for tests: the objects whose
 * properties the code loads are office-addin-mock objects (reading one before load and sync gives
 * its error text, as in Office.js), and every property set and method call the code queues is
 * recorded. Each context.sync() closes a request: its queued operations, and their size as the
 * JSON of those operations, measured here independently of the writer's own estimate.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { ExcelRun } from "../../src/taskpane/officeWorkbook";
import { decodeCell } from "../../src/core/cellReferences";

/** One queued operation: a property set (`value`) or a method call (`args`) on an object path. */
export interface Queued {
  readonly path: string;
  readonly name: string;
  readonly value?: unknown;
  readonly args?: readonly unknown[];
}

export interface Request {
  readonly queued: readonly Queued[];
  /** UTF-8 bytes of the JSON of the queued operations. */
  readonly bytes: number;
}

export interface FakeSeries {
  name?: string;
  /** The range of its values and categories, by address. */
  values: string;
  categories?: string;
  chartType?: string;
  axisGroup?: string;
  markerStyle?: string;
  /** Its fill colour (bars) or line colour, or "none" for a line not drawn. */
  color?: string;
  line?: string;
}

export interface FakeAxis {
  numberFormat?: string;
  minimum?: number;
  reversePlotOrder?: boolean;
  position?: string;
}

export interface FakeChart {
  type: string;
  source: string;
  name?: string;
  title: { text?: string; format: { font: { size?: number } } };
  legend: { visible?: boolean; position?: string };
  /** Its series and axes as set (Office.js's collections are `series` and `axes`). */
  drawn: FakeSeries[];
  axisLooks: { value: FakeAxis; category: FakeAxis; secondaryValue: FakeAxis };
  /** Its top-left and bottom-right cells. */
  position?: [string, string];
  deleted: boolean;
}

export interface FakeSheet {
  readonly name: string;
  protected: boolean;
  /** Inputs written, by 0-based "row,column". */
  readonly inputs: Map<string, unknown>;
  readonly formats: Map<string, string>;
  /** What Excel shows in a cell once calculated, for reads (0-based "row,column"). */
  shown: (row: number, column: number) => { value: unknown; type: string };
  cleared: number;
  readonly charts: FakeChart[];
  readonly looks: { row: number; column: number; rows: number; columns: number; set: string }[];
  readonly conditionalFormats: { address: string; formula?: string; fill?: string }[];
  frozenRows: number | null;
  showGridlines: boolean;
  orientation?: string;
  /** The print scale and margins set, and the rows page breaks were added above. */
  zoom?: { scale?: number };
  margins: Record<string, number>;
  pageBreaks: string[];
  merged: string[];
  rowHeights: Map<number, number>;
  /** Widths set on whole columns, in points, by letter. */
  columnWidths: Map<string, number>;
}

export interface FakeName {
  /** The sheet its $A$1 reference points at; null once that sheet was deleted (#REF!). */
  sheet: string | null;
  formula?: string;
  visible: boolean;
}

const utf8 = (text: string): number => Buffer.byteLength(text, "utf8");

/** Adds `source`'s properties to `target`, accessors as accessors. */
function extend<T extends object>(target: T, source: object): T {
  return Object.defineProperties(target, Object.getOwnPropertyDescriptors(source));
}

export class FakeExcel {
  readonly sheets = new Map<string, FakeSheet>();
  readonly names = new Map<string, FakeName>();
  readonly requests: Request[] = [];
  calculationMode = "Automatic";
  /** Every calculation mode set, in order. */
  readonly modes: string[] = [];
  /** What calculationState reads, poll after poll (the last one repeats). */
  calculationStates: string[] = ["Done"];
  structureProtected = false;
  date1904 = false;
  dynamicArrays = true;
  /** Chart types this Excel cannot draw: the add is queued, then the request fails. */
  readonly chartTypesRefused = new Set<string>();
  private pending: Queued[] = [];
  private failure: Error | null = null;
  private readonly loadables: OfficeMockObject[] = [];
  private readonly paths = new WeakMap<object, string>();
  private readonly proxies = new WeakMap<object, object>();

  constructor(sheetNames: readonly string[]) {
    for (const name of sheetNames) this.addSheet(name);
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      name,
      protected: false,
      inputs: new Map(),
      formats: new Map(),
      shown: (r, c) => {
        const input = sheet.inputs.get(`${r},${c}`);
        return { value: input ?? "", type: input === undefined ? "Empty" : "String" };
      },
      cleared: 0,
      charts: [],
      looks: [],
      conditionalFormats: [],
      frozenRows: null,
      showGridlines: true,
      margins: {},
      pageBreaks: [],
      merged: [],
      rowHeights: new Map(),
      columnWidths: new Map(),
    };
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** Excel.run over this workbook. */
  readonly run: ExcelRun = async (batch) => batch(this.context());

  /** The operations of every request, flattened. */
  queued(): Queued[] {
    return this.requests.flatMap((r) => r.queued);
  }

  private loadable(data: Record<string, unknown>): OfficeMockObject {
    const mock = new OfficeMockObject(data);
    this.loadables.push(mock);
    return mock;
  }

  /** Records sets and calls on `target` and on the objects reached from it. */
  private track<T extends object>(path: string, target: T): T {
    const known = this.proxies.get(target);
    if (known !== undefined) return known as T;
    const proxy = new Proxy(target, {
      set: (t, name, value) => {
        this.pending.push({ path, name: String(name), value: this.plain(value) });
        return Reflect.set(t, name, value);
      },
      get: (t, name, receiver) => {
        const value = Reflect.get(t, name, receiver);
        if (typeof name !== "string" || name.startsWith("_")) return value;
        if (typeof value === "function") {
          if (name === "load" || name === "sync" || name === "toJSON") return value.bind(t);
          return (...args: unknown[]) => {
            this.pending.push({ path, name, args: args.map((a) => this.plain(a)) });
            const out = value.apply(t, args);
            return out !== null && typeof out === "object" && !Array.isArray(out)
              ? this.track(`${path}.${name}(${args.map((a) => this.plain(a)).join(",")})`, out)
              : out;
          };
        }
        if (value !== null && typeof value === "object" && !Array.isArray(value))
          return this.track(`${path}.${name}`, value);
        return value;
      },
    });
    this.paths.set(proxy, path);
    this.proxies.set(target, proxy);
    return proxy;
  }

  /** An argument as a request carries it: another object by its path. */
  private plain(value: unknown): unknown {
    if (value !== null && typeof value === "object" && this.paths.has(value))
      return `<${this.paths.get(value)}>`;
    return value;
  }

  private async sync(): Promise<void> {
    const queued = this.pending;
    this.pending = [];
    this.requests.push({ queued, bytes: utf8(JSON.stringify(queued)) });
    for (const m of this.loadables) await m.sync();
    if (this.failure !== null) {
      const e = this.failure;
      this.failure = null;
      throw e;
    }
  }

  private context(): Excel.RequestContext {
    const context = {
      workbook: {
        application: this.application(),
        protection: this.loadable({ protected: this.structureProtected }),
        worksheets: this.worksheets(),
        names: this.namesCollection(),
        functions: {
          date: (year: number, month: number, day: number) =>
            this.loadable({
              value:
                (Date.UTC(year, month - 1, day) -
                  (this.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) /
                86400000,
            }),
        },
      },
      sync: () => this.sync(),
    };
    return this.track("context", context) as unknown as Excel.RequestContext;
  }

  private application(): object {
    const fake = this;
    const states = this.calculationStates;
    const app = this.loadable({
      calculationMode: this.calculationMode,
      calculationState: states.length > 1 ? states.shift() : states[0],
      suspendApiCalculationUntilNextSync: () => undefined,
    });
    // A mode set reaches "Excel" (the fake) as the request is sent.
    let mode = this.calculationMode;
    Object.defineProperty(app, "calculationMode", {
      get: () => mode,
      set: (v: string) => {
        mode = v;
        fake.calculationMode = v;
        fake.modes.push(v);
      },
    });
    return app;
  }

  private worksheets(): object {
    const fake = this;
    return {
      get items() {
        return [...fake.sheets.values()].map((s) => ({ name: s.name }));
      },
      load: () => undefined,
      getItem: (name: string) => {
        const sheet = fake.sheets.get(name);
        if (sheet === undefined) throw new Error(`ItemNotFound: no sheet ${name}`);
        return fake.worksheet(sheet);
      },
      add: (name: string) => {
        if (fake.structureProtected)
          fake.failure = Object.assign(new Error("protected"), { code: "AccessDenied" });
        return fake.worksheet(fake.addSheet(name));
      },
    };
  }

  private worksheet(sheet: FakeSheet): object {
    const fake = this;
    const ws = this.loadable({ name: sheet.name, protection: { protected: sheet.protected } });
    extend(ws, {
      get showGridlines() {
        return sheet.showGridlines;
      },
      set showGridlines(v: boolean) {
        sheet.showGridlines = v;
      },
      charts: this.charts(sheet),
      freezePanes: { freezeRows: (n: number) => (sheet.frozenRows = n) },
      pageLayout: pageLayout(sheet),
      horizontalPageBreaks: { add: (cell: string) => sheet.pageBreaks.push(cell) },
      getRange: (address?: string) => fake.range(sheet, address ?? "all"),
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
        fake.block(sheet, row, column, rows, columns),
      activate: () => undefined,
    });
    return ws;
  }

  private charts(sheet: FakeSheet): object {
    const fake = this;
    return {
      get items() {
        return sheet.charts
          .filter((c) => !c.deleted)
          .map((c) => ({ name: c.name, delete: () => (c.deleted = true) }));
      },
      load: () => undefined,
      add: (type: string, source: { _address?: string }) => {
        const chart: FakeChart = {
          type,
          source: String(source._address ?? ""),
          title: { format: { font: {} } },
          legend: {},
          drawn: [{ values: String(source._address ?? "") }],
          axisLooks: { value: {}, category: {}, secondaryValue: {} },
          deleted: false,
        };
        sheet.charts.push(chart);
        if (fake.chartTypesRefused.has(type)) fake.refuse(`${type} charts are not supported`);
        return extend(chart, {
          setPosition: (from: string, to: string) => (chart.position = [from, to]),
          series: seriesCollection(chart, (t) => {
            if (fake.chartTypesRefused.has(t)) fake.refuse(`${t} series are not supported`);
          }),
          axes: {
            valueAxis: chart.axisLooks.value,
            categoryAxis: chart.axisLooks.category,
            getItem: (type: string, group: string) =>
              type === "Value" && group === "Secondary" ? chart.axisLooks.secondaryValue : {},
          },
        });
      },
      getItemOrNullObject: (name: string) => {
        const chart = sheet.charts.find((c) => !c.deleted && c.name === name);
        return {
          load: () => undefined,
          isNullObject: chart === undefined,
          delete: () => chart !== undefined && (chart.deleted = true),
        };
      },
    };
  }

  /** The next sync fails with Excel's InvalidArgument. */
  private refuse(message: string): void {
    this.failure = Object.assign(new Error(message), { code: "InvalidArgument" });
  }

  /** A range given by address (A1:C5, a column B:B, or the whole sheet). */
  private range(sheet: FakeSheet, address: string): object {
    if (/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(address)) {
      const [a, b] = address.split(":");
      const from = decodeCell(a) as { row: number; column: number };
      const to = decodeCell(b ?? a) as { row: number; column: number };
      const block = this.block(
        sheet,
        from.row - 1,
        from.column - 1,
        to.row - from.row + 1,
        to.column - from.column + 1,
        { address, worksheet: { name: sheet.name } }
      );
      return extend(block, {
        _address: address,
        merge: () => sheet.merged.push(address),
        conditionalFormats: {
          add: () => {
            const cf: FakeSheet["conditionalFormats"][number] = { address };
            sheet.conditionalFormats.push(cf);
            return {
              custom: {
                rule: {
                  set formula(f: string) {
                    cf.formula = f;
                  },
                },
                format: {
                  fill: {
                    set color(c: string) {
                      cf.fill = c;
                    },
                  },
                  font: {},
                },
              },
            };
          },
        },
      });
    }
    return {
      address,
      merge: () => sheet.merged.push(address),
      clear: () => {
        sheet.cleared++;
        sheet.inputs.clear();
        sheet.formats.clear();
      },
      format: {
        set rowHeight(points: number) {
          const row = /^(\d+):\1$/.exec(address);
          if (row !== null) sheet.rowHeights.set(Number(row[1]), points);
        },
        set columnWidth(w: number) {
          const column = /^([A-Z]+):\1$/.exec(address);
          if (column !== null) sheet.columnWidths.set(column[1], w);
        },
      },
      conditionalFormats: { add: () => ({ custom: { rule: {}, format: { fill: {}, font: {} } } }) },
    };
  }

  /** Rows × columns from a 0-based corner: inputs and formats written, values read. */
  private block(
    sheet: FakeSheet,
    row: number,
    column: number,
    rows: number,
    columns: number,
    more: Record<string, unknown> = {}
  ): object {
    const cells = (f: (r: number, c: number) => unknown): unknown[][] =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => f(row + i, column + j))
      );
    const range = this.loadable({
      values: cells((r, c) => sheet.shown(r, c).value),
      valueTypes: cells((r, c) => sheet.shown(r, c).type),
      ...more,
    });
    const look = (set: string): void => {
      sheet.looks.push({ row, column, rows, columns, set });
    };
    const style = (prefix: string): object =>
      new Proxy(
        {},
        {
          set: (_t, name, value) => {
            look(`${prefix}.${String(name)}=${String(value)}`);
            return true;
          },
        }
      );
    extend(range, {
      _sheetName: sheet.name,
      set numberFormat(v: string[][]) {
        v.forEach((line, i) =>
          line.forEach((f, j) => sheet.formats.set(`${row + i},${column + j}`, f))
        );
      },
      set formulas(v: unknown[][]) {
        v.forEach((line, i) =>
          line.forEach((x, j) => {
            if (x === "") sheet.inputs.delete(`${row + i},${column + j}`);
            else sheet.inputs.set(`${row + i},${column + j}`, x);
          })
        );
      },
      format: {
        set columnWidth(w: number) {
          look(`columnWidth=${w}`);
        },
        set verticalAlignment(v: string) {
          look(`verticalAlignment=${v}`);
        },
        set horizontalAlignment(v: string) {
          look(`horizontalAlignment=${v}`);
        },
        set wrapText(v: boolean) {
          look(`wrapText=${v}`);
        },
        font: style("font"),
        fill: style("fill"),
      },
    });
    return range;
  }

  private namesCollection(): object {
    const fake = this;
    const item = (name: string) => {
      const entry = fake.names.get(name);
      const mock = this.loadable({
        name,
        type:
          entry === undefined
            ? "Error"
            : entry.formula === undefined
              ? "Range"
              : fake.dynamicArrays
                ? "Double"
                : "Error",
        value: entry?.formula === "=ROWS(SEQUENCE(3))" ? (fake.dynamicArrays ? 3 : "#NAME?") : "",
      });
      extend(mock, {
        isNullObject: entry === undefined,
        set visible(v: boolean) {
          if (entry !== undefined) entry.visible = v;
        },
        delete: () => fake.names.delete(name),
        getRangeOrNullObject: () => {
          const range = entry?.sheet == null ? null : fake.sheets.get(entry.sheet);
          return range == null
            ? { load: () => undefined, isNullObject: true }
            : extend(fake.range(range, "A1"), { isNullObject: false });
        },
      });
      return mock;
    };
    return {
      getItemOrNullObject: (name: string) => item(name),
      add: (name: string, reference: unknown) => {
        fake.names.set(name, {
          sheet:
            typeof reference === "string"
              ? null
              : ((reference as { _sheetName?: string })._sheetName ?? null),
          formula: typeof reference === "string" ? reference : undefined,
          visible: true,
        });
        return item(name);
      },
    };
  }
}

/** A worksheet's page layout: orientation, zoom and margins as set. */
function pageLayout(sheet: FakeSheet): object {
  const layout = {
    set orientation(v: string) {
      sheet.orientation = v;
    },
    set zoom(v: { scale?: number }) {
      sheet.zoom = v;
    },
  };
  for (const side of ["left", "right", "top", "bottom", "header", "footer"])
    Object.defineProperty(layout, `${side}Margin`, {
      set: (v: number) => {
        sheet.margins[side] = v;
      },
      enumerable: true,
    });
  return layout;
}

/** A chart's series: the first made from the chart's source, more added by name; `typed` sees each kind set. */
function seriesCollection(chart: FakeChart, typed: (type: string) => void): object {
  const item = (s: FakeSeries): object => ({
    set name(v: string) {
      s.name = v;
    },
    set chartType(v: string) {
      s.chartType = v;
      typed(v);
    },
    set axisGroup(v: string) {
      s.axisGroup = v;
    },
    set markerStyle(v: string) {
      s.markerStyle = v;
    },
    markerSize: 0,
    markerBackgroundColor: "",
    markerForegroundColor: "",
    setValues: (range: { _address?: string }) => (s.values = String(range._address ?? "")),
    setXAxisValues: (range: { _address?: string }) => (s.categories = String(range._address ?? "")),
    format: {
      fill: { setSolidColor: (color: string) => (s.color = color) },
      line: {
        set color(v: string) {
          s.color = v;
        },
        set lineStyle(v: string) {
          s.line = v;
        },
      },
    },
  });
  return {
    getItemAt: (i: number) => item(chart.drawn[i]),
    add: (name: string) => {
      const s: FakeSeries = { name, values: "" };
      chart.drawn.push(s);
      return item(s);
    },
  };
}
