/**
 * Office.js as the built task pane meets it in Excel, served in place of Microsoft's CDN script
 * for browser tests: Office.onReady, the requirement sets this "Excel" has, Office's theme, and
 * Excel.run over a workbook of one Sales table (read in row blocks as Excel hands them over), its
 * custom XML parts and its change events. What the stub does is set per page through
 * `window.__excel` (see ExcelStubConfig) before the pane loads.
 */

export interface ExcelStubConfig {
  /** Requirement sets this Excel has, by name, up to the version given ("1.9"). */
  readonly sets: Record<string, string>;
  /** Every call on the workbook's names throws this message (a failing findScorecard). */
  readonly namesFail?: string;
  /** Whether =ROWS(SEQUENCE(3)) evaluates (dynamic arrays). */
  readonly dynamicArrays: boolean;
  /** The Sales sheet: its header row, then its rows (an Excel table over all of it). */
  readonly sales?: readonly (readonly (string | number)[])[];
  /** Custom XML parts the workbook holds (the stored settings among them). */
  readonly customXml?: readonly string[];
  /** Office.context.officeTheme. */
  readonly theme?: {
    readonly bodyBackgroundColor: string;
    readonly bodyForegroundColor: string;
    readonly controlBackgroundColor: string;
    readonly controlForegroundColor: string;
    readonly isDarkTheme: boolean;
  };
  readonly displayLanguage?: string;
}

/** A small Sales table over two quarters: enough for every indicator the pane shows. */
export const STUB_SALES: (string | number)[][] = [
  ["Customer", "Date", "Amount"],
  ...Array.from({ length: 60 }, (_, i): (string | number)[] => [
    `C${(i % 12) + 1}`,
    45658 + i * 3, // from 2025-01-01, every third day
    100 + ((i * 37) % 250),
  ]),
];

/** The stub's source, plain ES5-style JavaScript run before the pane's own script. */
export const OFFICE_STUB = `
(function () {
  var config = window.__excel;
  var values = config.sales || [["Customer", "Date", "Amount"], ["A", 45700, 10], ["B", 45701, 20]];
  var width = values[0].length;
  function atLeast(have, want) {
    var a = have.split(".").map(Number), b = want.split(".").map(Number);
    return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
  }
  function loadable(data) { data.load = function () { return data; }; return data; }
  function block(row, column, rows, columns) {
    var out = [];
    for (var r = row; r < row + rows; r++) {
      var line = [];
      for (var c = column; c < column + columns; c++) line.push(values[r] && values[r][c] !== undefined ? values[r][c] : "");
      out.push(line);
    }
    return loadable({ values: out, rowIndex: row, columnIndex: column, rowCount: rows, columnCount: columns, isNullObject: false });
  }
  var sheet = loadable({
    name: "Sales", id: "{SALES}", visibility: "Visible",
    getRange: function () { return block(0, 0, 5, 3); },
    getUsedRangeOrNullObject: function () { return block(0, 0, values.length, width); },
    getRangeByIndexes: block
  });
  var table = loadable({
    name: "Sales", showTotals: false, worksheet: sheet,
    getRange: function () { return block(0, 0, values.length, width); },
    getHeaderRowRange: function () { return block(0, 0, 1, width); }
  });
  var names = {};
  function namedItem(name) {
    if (config.namesFail) throw new Error(config.namesFail);
    var entry = names[name];
    return loadable({
      name: name, isNullObject: entry === undefined, visible: true,
      type: entry === undefined ? "Error" : config.dynamicArrays ? "Double" : "Error",
      value: entry === undefined ? "" : config.dynamicArrays ? 3 : "#NAME?",
      delete: function () { delete names[name]; }
    });
  }
  var parts = (config.customXml || []).slice();
  window.__customXml = parts;
  function partsIn(ns) {
    var items = [];
    parts.forEach(function (xml, i) {
      if (xml !== null && xml.indexOf('xmlns="' + ns + '"') >= 0)
        items.push({
          getXml: function () { return { value: parts[i] }; },
          setXml: function (x) { parts[i] = x; },
          delete: function () { parts[i] = null; }
        });
    });
    return loadable({ items: items });
  }
  function event() {
    return { add: function () { return { remove: function () {}, context: { sync: function () { return Promise.resolve(); } } }; } };
  }
  var workbook = {
    worksheets: loadable({
      items: [sheet],
      getItem: function () { return sheet; },
      onChanged: event(),
      onCalculated: event()
    }),
    tables: loadable({ items: [table] }),
    functions: { date: function () { return loadable({ value: 1462 }); } },
    customXmlParts: { getByNamespace: partsIn, add: function (xml) { parts.push(xml); } },
    names: {
      getItemOrNullObject: namedItem,
      add: function (name, formula) { names[name] = formula; return namedItem(name); }
    }
  };
  window.Office = {
    onReady: function (callback) { setTimeout(callback, 0); return Promise.resolve({}); },
    context: {
      displayLanguage: config.displayLanguage || "en-US",
      officeTheme: config.theme,
      requirements: { isSetSupported: function (set, version) { return config.sets[set] !== undefined && atLeast(config.sets[set], String(version)); } }
    }
  };
  window.Excel = {
    run: function (batch) {
      return batch({ workbook: workbook, sync: function () { return Promise.resolve(); } });
    }
  };
})();
`;
