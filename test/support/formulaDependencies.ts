/**
 * Which cells of a sheet depend on formulas another engine cannot evaluate: those that call them,
 * the cells their arrays spill into, and every cell whose formula refers to one of those, however
 * indirectly. Only references within the sheet are followed (table and other-sheet references
 * name the analyst's data, which every engine reads alike).
 */
import { cellAddress, decodeCell } from "../../src/core/cellReferences";
import { sheetXml } from "./workbooks";
import { attributesOf, nameOf, textOf, xmlElements } from "./xmlElements";

export interface StoredFormula {
  readonly formula: string;
  /** The range the formula fills (a spill), or its own cell. */
  readonly ref: string;
}

/** The formulas of a worksheet part, by cell. */
export async function sheetFormulas(
  path: string,
  sheet: string
): Promise<Map<string, StoredFormula>> {
  const elements = xmlElements(await sheetXml(path, sheet));
  const out = new Map<string, StoredFormula>();
  elements.forEach((f, i) => {
    if (nameOf(f) !== "f" || i === 0 || nameOf(elements[i - 1]) !== "c") return;
    const cell = attributesOf(elements[i - 1]).get("r") as string;
    out.set(cell, { formula: textOf(f), ref: attributesOf(f).get("ref") ?? cell });
  });
  return out;
}

/** The cells of "A1", "$A$1:$B$3" (a few hundred at most here). */
function cellsOf(reference: string): string[] {
  const [from, to] = reference.replace(/\$/g, "").split(":");
  const a = decodeCell(from);
  const b = decodeCell(to ?? from);
  if (a === null || b === null) return [];
  const out: string[] = [];
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
    for (let c = Math.min(a.column, b.column); c <= Math.max(a.column, b.column); c++)
      out.push(cellAddress(r, c));
  return out;
}

/** References to cells of this sheet in a formula: outside strings, not a function name, not another sheet's. */
export function referencesIn(formula: string): string[] {
  const code = formula
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/'(?:[^']|'')*'!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?/g, "")
    .replace(/\[[^\]]*\]/g, "[]");
  const refs: string[] = [];
  for (const m of code.matchAll(
    /(?<![A-Za-z0-9_.!$])(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(![])/g
  ))
    refs.push(...cellsOf(m[1]));
  return refs;
}

/** The cells that depend on formulas `unsupported` picks out. */
export function dependentCells(
  formulas: ReadonlyMap<string, StoredFormula>,
  unsupported: (formula: string) => boolean
): Set<string> {
  const spillOf = new Map<string, string[]>();
  for (const [address, f] of formulas) spillOf.set(address, cellsOf(f.ref));
  const tainted = new Set<string>();
  const taint = (address: string): void => {
    for (const cell of spillOf.get(address) ?? [address]) tainted.add(cell);
  };
  for (const [address, f] of formulas) if (unsupported(f.formula)) taint(address);
  for (let changed = true; changed;) {
    changed = false;
    for (const [address, f] of formulas) {
      if (tainted.has(address)) continue;
      if (referencesIn(f.formula).some((r) => tainted.has(r))) {
        taint(address);
        changed = true;
      }
    }
  }
  return tainted;
}
