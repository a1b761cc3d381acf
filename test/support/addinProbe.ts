/**
 * Checks the add-in's cells of a written Scorecard the way Excel computes them: each argument of
 * each SPEC call is evaluated by LibreOffice (on a probe sheet added to the workbook), then the
 * built add-in's function is called with those values, in Chromium, as Excel's runtime calls it.
 */
import { openAsBlob, writeFileSync } from "fs";
import { cellAddress, decodeCell, decodeRange } from "../../src/core/cellReferences";
import { ErrorValue } from "../../src/core/cells";
import { XlsxPackage } from "../../src/xlsx/xlsxPackage";
import { writeWithWorksheet } from "../../src/xlsx/worksheetAdder";
import { CellOut } from "../../src/xlsx/worksheetXml";
import { ZipArchive, writeArchive, PartData } from "../../src/xlsx/zipArchive";
import { StoredFormula } from "./formulaDependencies";
import { convertWithLibreOffice } from "./libreOffice";
import { CellValue, sheetCells } from "./workbooks";

/** One call of an add-in function in a cell: its function and its argument expressions. */
export interface AddinCall {
  readonly cell: string;
  readonly functionId: string;
  readonly args: readonly string[];
  /** The rows and columns the cell's formula fills. */
  readonly ref: string;
}

/** The text of the call's arguments, split at the commas of its own level. */
export function callsIn(formulas: ReadonlyMap<string, StoredFormula>): AddinCall[] {
  const calls: AddinCall[] = [];
  for (const [cell, f] of formulas) {
    const m = /_xldudf_SPEC_([A-Z_]+)\(/.exec(f.formula);
    if (m === null) continue;
    const open = m.index + m[0].length;
    const args: string[] = [];
    let depth = 0;
    let quoted = false;
    let start = open;
    for (let i = open; i < f.formula.length; i++) {
      const ch = f.formula[i];
      if (ch === '"') quoted = !quoted;
      if (quoted) continue;
      if (ch === "(" || ch === "{" || ch === "[") depth++;
      else if (ch === ")" || ch === "}" || ch === "]") {
        if (depth === 0) {
          args.push(f.formula.slice(start, i));
          break;
        }
        depth--;
      } else if (ch === "," && depth === 0) {
        args.push(f.formula.slice(start, i));
        start = i + 1;
      }
    }
    calls.push({ cell, functionId: m[1], args, ref: f.ref });
  }
  return calls;
}

/** A1 references of the Scorecard sheet made explicit ("$B$4" → "Scorecard!$B$4"), outside strings and table references. */
export function qualified(expression: string, sheet: string): string {
  return expression
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /\[[^\]]*\]|(?<![A-Za-z0-9_.!$])(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(!])/g,
            (m, ref: string | undefined) => (ref === undefined ? m : `${sheet}!${ref}`)
          )
    )
    .join("");
}

type Shape =
  | { kind: "omitted" }
  | { kind: "scalar" }
  | { kind: "block"; rows: number; columns: number }
  | { kind: "column"; rows: number };

function shapeOf(arg: string, longest: number): Shape {
  const a = arg.trim();
  if (a === "") return { kind: "omitted" };
  if (/^\$?[A-Z]{1,3}\$?\d+$/.test(a) || /^-?[\d.]+$/.test(a) || /^"[^"]*"$/.test(a))
    return { kind: "scalar" };
  // Arithmetic on single cells ($B$7-$B$4): no range, table column or array constant in it.
  if (!/[:[{]/.test(a.replace(/"(?:[^"]|"")*"/g, ""))) return { kind: "scalar" };
  // A block of the sheet, alone or inside an expression over it (IF(B2:I9="","",B2:I9)), gives its shape.
  const blocks = [
    ...a.matchAll(/(?<![A-Za-z0-9_.![])\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+/g),
  ].map((m) => decodeRange(m[0].replace(/\$/g, "")));
  const range =
    blocks.find(
      (b) =>
        b !== null &&
        (b.lastColumn > b.firstColumn || /^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(a))
    ) ?? null;
  if (range !== null)
    return {
      kind: "block",
      rows: range.lastRow - range.firstRow + 1,
      columns: range.lastColumn - range.firstColumn + 1,
    };
  return { kind: "column", rows: longest };
}

export interface ProbedCall {
  readonly call: AddinCall;
  /** The arguments as Excel hands them over: values, 2-D arrays, or null when omitted. */
  readonly args: unknown[];
}

/**
 * Evaluates every argument of every call with LibreOffice: a probe sheet of array formulas, one
 * per argument, in a copy of the workbook. `longest` bounds a column argument's rows (the sales
 * table's); the cells past a shorter result are LibreOffice's #N/A padding and are dropped.
 */
export async function probeArguments(
  workbook: string,
  sheet: string,
  calls: readonly AddinCall[],
  longest: number,
  probePath: string
): Promise<ProbedCall[]> {
  const cells: CellOut[] = [];
  const placed: { column: number; shape: Shape }[][] = [];
  let column = 1;
  for (const call of calls) {
    const here: { column: number; shape: Shape }[] = [];
    for (const arg of call.args) {
      const shape = shapeOf(arg, longest);
      here.push({ column, shape });
      if (shape.kind !== "omitted") {
        const rows = shape.kind === "scalar" ? 1 : shape.rows;
        const columns = shape.kind === "block" ? shape.columns : 1;
        cells.push({
          row: 1,
          column,
          formula: qualified(arg, sheet),
          result: 0,
          spill: { rows, columns },
        });
        column += columns;
      }
    }
    placed.push(here);
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  const pkg = await XlsxPackage.open(await openAsBlob(workbook), workbook);
  if (!pkg.ok) throw new Error(pkg.error.message);
  const written = await writeWithWorksheet(
    pkg.value,
    {
      name: "Probe",
      replacing: null,
      content: (_styles, cm) => ({ cells, dynamicArrayMetadata: cm }),
    },
    {}
  );
  writeFileSync(probePath, new Uint8Array(await (written.blob as Blob).arrayBuffer()));
  const evaluated = await sheetCells(
    convertWithLibreOffice(probePath, "xlsx", "always").path,
    "Probe"
  );
  const read = (r: number, c: number): unknown => {
    const v = evaluated.get(cellAddress(r, c));
    return v === undefined ? "" : v;
  };
  return calls.map((call, k) => ({
    call,
    args: placed[k].map(({ column: c, shape }) => {
      switch (shape.kind) {
        case "omitted":
          return null;
        case "scalar":
          return read(1, c);
        case "block":
          return Array.from({ length: shape.rows }, (_, i) =>
            Array.from({ length: shape.columns }, (_, j) => read(1 + i, c + j))
          );
        case "column": {
          const values = Array.from({ length: shape.rows }, (_, i) => read(1 + i, c));
          while (
            values.length > 0 &&
            values[values.length - 1] instanceof ErrorValue &&
            (values[values.length - 1] as ErrorValue).code === "#N/A"
          )
            values.pop();
          return values.map((v) => [v instanceof ErrorValue ? v.code : v]);
        }
      }
    }),
  }));
}

/** A copy of the workbook whose add-in formulas hold their cached values instead, as if Excel had computed them. */
export async function withAddinValues(
  workbook: string,
  sheetPart: string,
  copy: string
): Promise<void> {
  const archive = await ZipArchive.open(await openAsBlob(workbook));
  const xml = (await archive.text(sheetPart)).replace(
    /<c r="([A-Z]+\d+)"([^>]*?) cm="\d+"><f[^>]*>[^<]*_xldudf_[^<]*<\/f>(<v>[^<]*<\/v>)?<\/c>/g,
    (_m, ref: string, attributes: string, value: string | undefined) => {
      const text = /t="str"/.test(attributes);
      const v = (value ?? "<v></v>").slice(3, -4);
      if (text)
        return `<c r="${ref}"${attributes.replace(' t="str"', ' t="inlineStr"')}><is><t>${v}</t></is></c>`;
      return `<c r="${ref}"${attributes}><v>${v}</v></c>`;
    }
  );
  const parts = new Map<string, PartData>([[sheetPart, xml]]);
  const blob = (await writeArchive(archive, (n) => n !== sheetPart, new Map(), parts, {})) as Blob;
  writeFileSync(copy, new Uint8Array(await blob.arrayBuffer()));
}

/** True when a recalculated value is the engine's: numbers to 1e-9 relative, blanks alike. */
export function sameValue(
  engine: CellValue | undefined,
  recalculated: CellValue | undefined
): boolean {
  const blank = (x: CellValue | undefined): boolean => x === undefined || x === "";
  if (blank(engine) && blank(recalculated)) return true;
  if (typeof engine === "number" && typeof recalculated === "number")
    return Math.abs(engine - recalculated) <= 1e-9 * Math.max(1, Math.abs(engine));
  if (engine instanceof ErrorValue && recalculated instanceof ErrorValue)
    return engine.code === recalculated.code;
  return engine === recalculated;
}

export { decodeCell };
