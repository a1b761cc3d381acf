/**
 * Formula text as an .xlsx file stores it (SPEC.md §5): functions newer than Excel 2007 carry
 * their `_xlfn.` (and `_xlws.`) prefixes, LET variables `_xlpm.`, and the add-in's own functions
 * the name Excel gives a bound JavaScript custom function, `_xldudf_SPEC_<NAME>`; written plain,
 * Excel shows #NAME? and keeps it. The task pane writes formulas through Excel itself and needs
 * none of this.
 */
import { LET_VARIABLE } from "../engine/formulaText";

const PREFIXES: Record<string, string> = {
  FILTER: "_xlfn._xlws.FILTER",
  SORT: "_xlfn._xlws.SORT",
  SORTBY: "_xlfn.SORTBY",
  UNIQUE: "_xlfn.UNIQUE",
  SEQUENCE: "_xlfn.SEQUENCE",
  VSTACK: "_xlfn.VSTACK",
  HSTACK: "_xlfn.HSTACK",
  IFS: "_xlfn.IFS",
  TEXTJOIN: "_xlfn.TEXTJOIN",
  UNICHAR: "_xlfn.UNICHAR",
  CONCAT: "_xlfn.CONCAT",
  XMATCH: "_xlfn.XMATCH",
  XLOOKUP: "_xlfn.XLOOKUP",
  LET: "_xlfn.LET",
  TEXTBEFORE: "_xlfn.TEXTBEFORE",
  MAXIFS: "_xlfn.MAXIFS",
  MINIFS: "_xlfn.MINIFS",
  NUMBERVALUE: "_xlfn.NUMBERVALUE",
};

const FUNCTION = new RegExp(`(?<![A-Za-z0-9_.])(${Object.keys(PREFIXES).join("|")})(?=\\()`, "g");
/** The add-in's namespace: SPEC.ACTIVATION_RATE( is stored as _xldudf_SPEC_ACTIVATION_RATE(. */
const CUSTOM_FUNCTION = /(?<![A-Za-z0-9_.])SPEC\.([A-Z][A-Z0-9_]*)(?=\()/g;

/** Applies the prefixes outside string literals and structured references. */
export function fileFormula(formula: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      let j = end;
      while (j >= 0 && formula[j + 1] === '"') j = formula.indexOf('"', j + 2);
      const stop = j < 0 ? formula.length : j + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "[" || ch === "'") {
      // A structured reference or a quoted sheet name: copied as is.
      const close = ch === "[" ? closingBracket(formula, i) : closingQuote(formula, i);
      out += formula.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < formula.length && formula[j] !== '"' && formula[j] !== "[" && formula[j] !== "'")
      j++;
    out += formula
      .slice(i, j)
      .replace(FUNCTION, (name: string) => PREFIXES[name])
      .replace(CUSTOM_FUNCTION, "_xldudf_SPEC_$1")
      .split(LET_VARIABLE)
      .join("_xlpm.");
    i = j;
  }
  return out;
}

function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "'" && i + 1 < text.length) {
      i++; // an escaped character
      continue;
    }
    if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i;
  }
  return text.length - 1;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length - 1;
}
