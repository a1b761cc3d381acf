/**
 * The data check in words, for stderr and the task pane: a line per table (where it is, rows
 * read, rows left out and why), a line per column (what it was read as, with samples), and the
 * choices made among tables, in English or Spanish.
 */
import { numberText } from "../core/numberText";
import { ColumnCheck, DataCheck, LeftOut, Sample, TableCheck } from "./dataCheck";
import { Language, Surface, columnName, foundWords, roleName } from "./dataText";

const plural = (n: number, one: string, many: string, language: Language): string =>
  `${numberText(n, language)} ${n === 1 ? one : many}`;

const LEFT_OUT: Record<Language, Record<LeftOut["reason"], [string, string]>> = {
  en: {
    total_row: ["total row", "total rows"],
    no_customer: ["row without a customer", "rows without a customer"],
    blank_row: ["blank row", "blank rows"],
  },
  es: {
    total_row: ["fila de total", "filas de total"],
    no_customer: ["fila sin cliente", "filas sin cliente"],
    blank_row: ["fila vacía", "filas vacías"],
  },
};

function rowsList(rows: readonly number[], count: number, language: Language): string {
  const shown = rows.map((r) => numberText(r, language)).join(", ");
  const more = count > rows.length ? " …" : "";
  return language === "es"
    ? `${rows.length === 1 ? "fila" : "filas"} ${shown}${more}`
    : `${rows.length === 1 ? "row" : "rows"} ${shown}${more}`;
}

/** "sales: ventas.csv (Windows-1252, separator ;): 120 rows read; left out: 1 total row (row 122)". */
export function tableLine(t: TableCheck, language: Language): string {
  const es = language === "es";
  const roles = t.roles.map((r) => roleName(r, language)).join(", ");
  const where =
    t.file !== null && t.encoding === null
      ? t.file
      : t.file !== null
        ? `${t.file} (${t.encoding}, ${es ? "separador" : "separator"} ${t.separator === "\t" ? (es ? "tabulador" : "tab") : t.separator})`
        : t.excelTable
          ? `${es ? "tabla" : "table"} ${t.table} (${es ? "hoja" : "sheet"} ${t.sheet})`
          : `${es ? "hoja" : "sheet"} ${t.sheet}`;
  const used = t.rows - t.leftOut.reduce((n, l) => n + l.count, 0);
  const read =
    plural(t.rows, es ? "fila leída" : "row read", es ? "filas leídas" : "rows read", language) +
    (used === t.rows ? "" : `, ${numberText(used, language)} ${es ? "usadas" : "used"}`);
  const left = t.leftOut.map((l) => {
    const [one, many] = LEFT_OUT[language][l.reason];
    return `${plural(l.count, one, many, language)} (${rowsList(l.rows, l.count, language)})`;
  });
  const hidden = t.hidden
    ? es
      ? " (hoja oculta, elegida por nombre)"
      : " (hidden sheet, chosen by name)"
    : "";
  return `${roles}: ${where}${hidden}: ${read}${left.length === 0 ? "" : `; ${es ? "fuera" : "left out"}: ${left.join(", ")}`}`;
}

function sampleText(s: Sample, c: ColumnCheck, language: Language): string {
  const read =
    typeof s.read === "number" && c.kind === "number"
      ? numberText(s.read, language, 10, 0)
      : String(s.read);
  return s.text === null || s.text === String(read) ? String(read) : `${s.text} → ${read}`;
}

/** "  Fecha → date: 120 text dates dd/mm/yyyy, day first (from the values); e.g. 07/01/2023 → 2023-01-07". */
export function columnLine(c: ColumnCheck, language: Language): string {
  const es = language === "es";
  const found = c.found === null ? "" : `${foundWords(c.found, language)}; `;
  const samples = c.samples.map((s) => sampleText(s, c, language)).join(", ");
  const eg =
    samples === "" ? (es ? "sin valores" : "no values") : `${es ? "p. ej." : "e.g."} ${samples}`;
  const through = !c.readThrough
    ? ""
    : es
      ? "; la hoja Scorecard la lee igual, en una columna oculta"
      : "; the Scorecard sheet reads it the same way, in a hidden column";
  return `  ${c.header} → ${columnName(c.column, language)}: ${found}${eg}${through}`;
}

/** Every line of the check: choices and hidden tables first, then each table and its columns, then repeated ids. */
export function dataCheckLines(check: DataCheck, language: Language, surface: Surface): string[] {
  const es = language === "es";
  const lines: string[] = [];
  const rows = (n: number): string =>
    plural(n, es ? "fila" : "row", es ? "filas" : "rows", language);
  for (const c of check.choices) {
    const others = c.others.map((o) => `${o.name} (${rows(o.rows)})`).join(", ");
    const how =
      surface === "cli"
        ? `--table ${c.role}=<${es ? "nombre" : "name"}>`
        : es
          ? "la lista de tablas"
          : "the table list";
    lines.push(
      es
        ? `${roleName(c.role, language)}: se eligió ${c.chosen.name} (${rows(c.chosen.rows)}) entre varias tablas que sirven (visibles primero, luego con nombre del rol, luego más filas); también sirven: ${others}; elija otra con ${how}`
        : `${c.role}: chose ${c.chosen.name} (${rows(c.chosen.rows)}) among several tables that fit (visible first, then named for the role, then the most rows); also fit: ${others}; choose another with ${how}`
    );
  }
  for (const name of check.hiddenSkipped)
    lines.push(
      es
        ? `${name} está en una hoja oculta: no se lee (elíjala por nombre${surface === "cli" ? " con --table" : ""})`
        : `${name} is on a hidden sheet: not read (choose it by name${surface === "cli" ? " with --table" : ""})`
    );
  for (const t of check.tables) {
    lines.push(tableLine(t, language));
    for (const c of t.columns) lines.push(columnLine(c, language));
    for (const d of t.duplicates)
      lines.push(
        es
          ? `  el id ${d.id} aparece dos veces (filas ${numberText(d.rows[0], language)} y ${numberText(d.rows[1], language)}): cuenta la primera`
          : `  id ${d.id} is listed twice (rows ${numberText(d.rows[0], language)} and ${numberText(d.rows[1], language)}): the first counts`
      );
    if (t.duplicateCount > t.duplicates.length)
      lines.push(
        es
          ? `  … y ${numberText(t.duplicateCount - t.duplicates.length, language)} ids repetidos más`
          : `  … and ${numberText(t.duplicateCount - t.duplicates.length, language)} more repeated ids`
      );
  }
  return lines;
}
