/**
 * Workbooks of plain sheets as analysts keep them: title rows above the header, sheets hidden or
 * veryHidden, formulas saved without values (as openpyxl and pandas write them), text where
 * numbers and dates belong. Cells are given row by row, from A1.
 */
import { columnLetter } from "../../src/core/cellReferences";
import { escapeText } from "../../src/xlsx/xmlText";
import { writePackage } from "./workbooks";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A cell: a number, a text, blank, or a formula without a stored value. */
export type PlainCell = number | string | null | { readonly formula: string };

export interface PlainSheet {
  readonly name: string;
  readonly rows: readonly (readonly PlainCell[])[];
  readonly state?: "visible" | "hidden" | "veryHidden";
}

function cellXml(ref: string, v: PlainCell): string {
  if (v === null || v === "") return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "string")
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
  return `<c r="${ref}"><f>${escapeText(v.formula)}</f><v></v></c>`;
}

export async function writePlainSheets(path: string, sheets: readonly PlainSheet[]): Promise<void> {
  const parts: Record<string, string> = {};
  sheets.forEach((s, k) => {
    const rows = s.rows
      .map(
        (row, i) =>
          `<row r="${i + 1}">${row.map((v, j) => cellXml(`${columnLetter(j + 1)}${i + 1}`, v)).join("")}</row>`
      )
      .join("");
    parts[`xl/worksheets/sheet${k + 1}.xml`] =
      `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
  });
  const overrides = sheets
    .map(
      (_, k) =>
        `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    )
    .join("");
  parts["[Content_Types].xml"] =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`;
  parts["_rels/.rels"] =
    `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["xl/workbook.xml"] =
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${sheets.map((s, k) => `<sheet name="${escapeText(s.name)}" sheetId="${k + 1}"${s.state === undefined ? "" : ` state="${s.state}"`} r:id="rId${k + 1}"/>`).join("")}</sheets></workbook>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `${HEAD}<Relationships xmlns="${PKG}">${sheets.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${R}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join("")}</Relationships>`;
  await writePackage(path, parts);
}
