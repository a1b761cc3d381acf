/**
 * Office.js as the built task pane meets it in Excel, served in place of Microsoft's CDN script
 * for browser tests: Office.onReady, the requirement sets this "Excel" has, and Excel.run over a
 * workbook of one Sales table. What the stub does is set per page through `window.__excel`
 * (see ExcelStubConfig) before the pane loads.
 */

export interface ExcelStubConfig {
  /** Requirement sets this Excel has, by name, up to the version given ("1.9"). */
  readonly sets: Record<string, string>;
  /** Every call on the workbook's names throws this message (a failing findScorecard). */
  readonly namesFail?: string;
  /** Whether =ROWS(SEQUENCE(3)) evaluates (dynamic arrays). */
  readonly dynamicArrays: boolean;
}

/** The stub's source, plain ES5-style JavaScript run before the pane's own script. */
export const OFFICE_STUB = `
(function () {
  var config = window.__excel;
  function atLeast(have, want) {
    var a = have.split(".").map(Number), b = want.split(".").map(Number);
    return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
  }
  function loadable(data) { data.load = function () { return data; }; return data; }
  function range(values, index) {
    return loadable({ values: values, rowIndex: index[0], columnIndex: index[1], rowCount: index[2], columnCount: index[3], isNullObject: false });
  }
  var sheet = loadable({
    name: "Sales",
    getRange: function () { return range([["Customer", "Date", "Amount"], ["A", 45700, 10], ["B", 45701, 20]], [0, 0, 3, 3]); },
    getUsedRangeOrNullObject: function () { return range([], [0, 0, 3, 3]); },
    getRangeByIndexes: function () { return range([["Customer", "Date", "Amount"]], [0, 0, 1, 3]); }
  });
  var table = loadable({
    name: "Sales", showTotals: false, worksheet: loadable({ name: "Sales" }),
    getRange: function () { return range([], [0, 0, 3, 3]); },
    getHeaderRowRange: function () { return range([["Customer", "Date", "Amount"]], [0, 0, 1, 3]); }
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
  var workbook = {
    worksheets: loadable({ items: [sheet] }),
    tables: loadable({ items: [table] }),
    names: {
      getItemOrNullObject: namedItem,
      add: function (name, formula) { names[name] = formula; return namedItem(name); }
    }
  };
  window.Office = {
    onReady: function (callback) { setTimeout(callback, 0); return Promise.resolve({}); },
    context: {
      displayLanguage: "en-US",
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
