/** ExcelJS cell values as Excel hands values to functions: dates as serials, formulas as their results. */
const EXCEL_EPOCH_OFFSET = 25569; // days from 1899-12-30 to 1970-01-01

export function excelValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / 86400000 + EXCEL_EPOCH_OFFSET;
  if (typeof v === "object") {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if ("result" in o || o.formula !== undefined || o.sharedFormula !== undefined) return excelValue(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join("");
    if (o.text !== undefined) return excelValue(o.text);
    if (o.error !== undefined) return o.error;
  }
  return v;
}
