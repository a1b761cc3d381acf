/**
 * What the reading of the analyst's data says — places, refusals, notes, the data check — in
 * English and Spanish, with numbers written one way per language. The command line names its
 * options (--decimal), the task pane its own choices.
 */
import { cellAddress } from "../core/cellReferences";
import { DateOrder } from "../core/dateText";
import { numberText } from "../core/numberText";
import { SourceTable } from "./sourceTable";
import { ColumnProblem, SettledBy, TextFound } from "./textColumns";

export type Language = "en" | "es";

/** Where a message is read: the command line names its options, the task pane its fields. */
export type Surface = "cli" | "pane";

const ROLE_NAMES: Record<Language, Record<string, string>> = {
  en: { sales: "sales", customers: "customers", leads: "leads", market: "market" },
  es: { sales: "ventas", customers: "clientes", leads: "prospectos", market: "mercado" },
};

export const roleName = (role: string, language: Language): string =>
  ROLE_NAMES[language][role] ?? role;

const COLUMN_NAMES: Record<Language, Record<string, string>> = {
  en: {
    customer: "customer",
    date: "date",
    amount: "amount",
    margin: "margin",
    productLine: "product line",
    id: "customer id",
    segment: "segment",
    serviceCost: "service cost",
    creditDays: "credit days",
    daysLate: "days late",
    created: "created",
    source: "source",
    status: "status",
    potentialAccounts: "potential accounts",
  },
  es: {
    customer: "cliente",
    date: "fecha",
    amount: "importe",
    margin: "margen",
    productLine: "línea de producto",
    id: "id de cliente",
    segment: "segmento",
    serviceCost: "costo de servicio",
    creditDays: "días de crédito",
    daysLate: "días de atraso",
    created: "fecha de creación",
    source: "fuente",
    status: "estado",
    potentialAccounts: "clientes potenciales",
  },
};

/** A role's column in the analyst's words. */
export const columnName = (column: string, language: Language): string =>
  COLUMN_NAMES[language][column] ?? column;

/** "ventas.csv (Windows-1252, separator ;)", "table Sales on sheet Data", "sheet Sales". */
export function tableWhere(table: SourceTable, language: Language): string {
  const es = language === "es";
  if (table.database === "view") return es ? `la vista ${table.sheet}` : `view ${table.sheet}`;
  if (table.database === "table") return es ? `la tabla ${table.sheet}` : `table ${table.sheet}`;
  if (table.file !== undefined) {
    const csv = table.csv;
    if (csv === undefined) return table.file;
    const sep = csv.separator === "\t" ? (es ? "tabulador" : "tab") : csv.separator;
    return `${table.file} (${csv.encoding}, ${es ? "separador" : "separator"} ${sep})`;
  }
  if (table.isExcelTable)
    return es
      ? `la tabla ${table.name} de la hoja ${table.sheet}`
      : `table ${table.name} on sheet ${table.sheet}`;
  return es ? `la hoja ${table.sheet}` : `sheet ${table.sheet}`;
}

/** The worksheet row (or CSV line, header = 1) of data row i. */
export const sheetRow = (table: SourceTable, i: number): number => table.headerRow + 1 + i;

/**
 * Where data row i of column j is: "row 7 of ventas.csv (Windows-1252, separator ;), column
 * Fecha", "cell C7 of sheet Sales (column Date of table Sales)".
 */
export function placeOf(table: SourceTable, j: number, i: number, language: Language): string {
  const row = sheetRow(table, i);
  const header = table.headers[j];
  const es = language === "es";
  if (table.database === "view")
    return es
      ? `una fila de ${tableWhere(table, language)}, columna ${header}`
      : `a row of ${tableWhere(table, language)}, column ${header}`;
  if (table.file !== undefined || table.database !== undefined)
    return es
      ? `la fila ${row} de ${tableWhere(table, language)}, columna ${header}`
      : `row ${row} of ${tableWhere(table, language)}, column ${header}`;
  const cell = cellAddress(row, table.firstColumn + j);
  if (es)
    return table.isExcelTable
      ? `la celda ${cell} de la hoja ${table.sheet} (columna ${header} de la tabla ${table.name})`
      : `la celda ${cell} de la hoja ${table.sheet} (columna ${header})`;
  return table.isExcelTable
    ? `cell ${cell} of sheet ${table.sheet} (column ${header} of table ${table.name})`
    : `cell ${cell} of sheet ${table.sheet} (column ${header})`;
}

/** A column of a table, in a message: "column Fecha of ventas.csv (…)". */
export function columnWhere(table: SourceTable, j: number, language: Language): string {
  return language === "es"
    ? `la columna ${table.headers[j]} de ${tableWhere(table, language)}`
    : `column ${table.headers[j]} of ${tableWhere(table, language)}`;
}

const quoted = (s: string): string => `'${s.length > 60 ? s.slice(0, 57) + "..." : s}'`;

/** How the caller settles a column: the command line's options, or the task pane's fields. */
function settle(what: "decimal" | "dateOrder", surface: Surface, language: Language): string {
  const es = language === "es";
  if (surface === "cli")
    return what === "decimal"
      ? es
        ? "indíquelo con --decimal , (coma decimal) o --decimal . (punto decimal)"
        : "settle it with --decimal , (decimal comma) or --decimal . (decimal point)"
      : es
        ? "indíquelo con --date-order dmy (día primero) o --date-order mdy (mes primero)"
        : "settle it with --date-order dmy (day first) or --date-order mdy (month first)";
  return what === "decimal"
    ? es
      ? "elija el separador decimal en el paso 1"
      : "choose the decimal separator in step 1"
    : es
      ? "elija el orden de las fechas en el paso 1"
      : "choose the date order in step 1";
}

const READ_FORMS: Record<Language, string> = {
  en: "dates are read as yyyy-mm-dd, dd/mm/yyyy, d/m/yy or mm/dd/yyyy, with / - or . between the parts",
  es: "las fechas se leen como aaaa-mm-dd, dd/mm/aaaa, d/m/aa o mm/dd/aaaa, con / - o . entre las partes",
};

/** A date format as the language writes its letters: dd/mm/yyyy, dd/mm/aaaa. */
export const formatWords = (format: string, language: Language): string =>
  language === "es" ? format.replace(/y/g, "a") : format;

/** A refusal of one column's cells, in one line that says what to fix. */
export function problemMessage(
  table: SourceTable,
  j: number,
  p: ColumnProblem,
  expected: "date" | "number" | "id",
  language: Language,
  surface: Surface
): string {
  const es = language === "es";
  const at = (i: number): string => placeOf(table, j, i, language);
  const column = columnWhere(table, j, language);
  switch (p.kind) {
    case "not_a_date":
      return p.format === null
        ? es
          ? `${at(p.row)} es el texto ${quoted(p.text)}, que no es una fecha (${READ_FORMS.es}); corríjalo`
          : `${at(p.row)} is the text ${quoted(p.text)}, which is not a date (${READ_FORMS.en}); correct it`
        : es
          ? `${at(p.row)} es el texto ${quoted(p.text)}, que no es una fecha ${formatWords(p.format, language)} como las demás de la columna; corríjalo o ${settle("dateOrder", surface, language)}`
          : `${at(p.row)} is the text ${quoted(p.text)}, which is not a date as ${p.format} like the column's other dates; correct it or ${settle("dateOrder", surface, language)}`;
    case "date_before_1900":
      return es
        ? `${at(p.row)} es ${quoted(p.text)}: no se leen años anteriores a 1900; escriba el año completo`
        : `${at(p.row)} is ${quoted(p.text)}: years before 1900 are not read; write the full year`;
    case "impossible_date":
      return es
        ? `${at(p.row)} es ${quoted(p.text)}, que no es un día del calendario; corríjalo`
        : `${at(p.row)} is ${quoted(p.text)}, which is not a day of the calendar; correct it`;
    case "mixed_date_orders":
      return es
        ? `${column} mezcla fechas con el día primero (${quoted(p.otherText)}, fila ${sheetRow(table, p.other)}) y con el mes primero (${quoted(p.text)}, fila ${sheetRow(table, p.row)}); corrija una o ${settle("dateOrder", surface, language)}`
        : `${column} mixes day-first and month-first dates (${quoted(p.text)} in row ${sheetRow(table, p.row)}, ${quoted(p.otherText)} in row ${sheetRow(table, p.other)}); correct one or ${settle("dateOrder", surface, language)}`;
    case "not_a_number":
      return es
        ? `${at(p.row)} es el texto ${quoted(p.text)}, que no es un número${p.decimal === null ? "" : p.decimal === "," ? " con coma decimal como los demás de la columna" : " con punto decimal como los demás de la columna"}; corríjalo`
        : `${at(p.row)} is the text ${quoted(p.text)}, which is not a number${p.decimal === null ? "" : p.decimal === "," ? " with a decimal comma like the column's others" : " with a decimal point like the column's others"}; correct it`;
    case "mixed_decimals":
      return es
        ? `${column} mezcla punto y coma decimales (${quoted(p.text)} en la fila ${sheetRow(table, p.row)}, ${quoted(p.otherText)} en la fila ${sheetRow(table, p.other)}); corrija una o ${settle("decimal", surface, language)}`
        : `${column} mixes a decimal point and a decimal comma (${quoted(p.text)} in row ${sheetRow(table, p.row)}, ${quoted(p.otherText)} in row ${sheetRow(table, p.other)}); correct one or ${settle("decimal", surface, language)}`;
    case "ambiguous_decimal":
      return es
        ? `${column} solo tiene números como ${quoted(p.text)} (fila ${sheetRow(table, p.row)}), que pueden llevar punto o coma decimal: ${settle("decimal", surface, language)}`
        : `${column} holds only numbers like ${quoted(p.text)} (row ${sheetRow(table, p.row)}), which may have a decimal point or a decimal comma: ${settle("decimal", surface, language)}`;
    case "error_value":
      return es
        ? `${at(p.row)} tiene el error ${p.text}; corrija la fórmula o vacíe la celda`
        : `${at(p.row)} holds the error ${p.text}; correct its formula or clear the cell`;
    case "formula_without_value":
      return es
        ? `${column} tiene fórmulas sin valor guardado, la primera en ${at(p.row)}: el archivo lo guardó un programa que no calcula (openpyxl, pandas…); ábralo en Excel o LibreOffice, guárdelo y vuelva a ejecutar`
        : `${column} holds formulas without stored values, the first in ${at(p.row)}: a program that does not calculate (openpyxl, pandas…) saved the file; open it in Excel or LibreOffice, save it and run again`;
    case "blank_date":
      return es
        ? `${at(p.row)} está vacía y su fila tiene datos; escriba la fecha o borre la fila`
        : `${at(p.row)} is blank on a row with data; enter its date or delete the row`;
    case "boolean": {
      const what = es
        ? { date: "una fecha", number: "un número", id: "un id de cliente" }[expected]
        : { date: "a date", number: "a number", id: "a customer id" }[expected];
      return es
        ? `${at(p.row)} es ${p.text}; se esperaba ${what}`
        : `${at(p.row)} is ${p.text}, expected ${what}`;
    }
  }
}

const SETTLED: Record<Language, Record<SettledBy, string>> = {
  en: {
    values: "from the values",
    table: "from the table's other columns",
    option: "as chosen",
    language: "from the language",
  },
  es: {
    values: "según los valores",
    table: "según las demás columnas de la tabla",
    option: "elegido",
    language: "según el idioma",
  },
};

const ORDER_WORDS: Record<Language, Record<DateOrder, string>> = {
  en: { dmy: "day first", mdy: "month first", ymd: "year first" },
  es: { dmy: "día primero", mdy: "mes primero", ymd: "año primero" },
};

/** How a column's text was read: "text dates dd/mm/yyyy, day first (from the values)". */
export function foundWords(found: TextFound, language: Language): string {
  const es = language === "es";
  if (found.kind === "date") {
    const n = numberText(found.texts, language);
    const head = es ? `${n} fechas en texto` : `${n} text dates`;
    if (found.format === null) return head;
    const order =
      found.order === null || found.settledBy === null
        ? ""
        : `, ${ORDER_WORDS[language][found.order]} (${SETTLED[language][found.settledBy]})`;
    return `${head} ${formatWords(found.format, language)}${order}`;
  }
  const n = numberText(found.texts, language);
  const head = es ? `${n} números en texto` : `${n} text numbers`;
  if (found.decimal === null || found.settledBy === null) return head;
  const mark =
    found.decimal === ","
      ? es
        ? "coma decimal"
        : "decimal comma"
      : es
        ? "punto decimal"
        : "decimal point";
  return `${head}, ${mark} (${SETTLED[language][found.settledBy]})`;
}

/** A sales table whose every row is blank, a total or without a customer. */
export function noSalesRows(table: SourceTable, language: Language): string {
  return language === "es"
    ? `la tabla de ventas (${tableWhere(table, language)}) no tiene filas con cliente: agregue filas de venta con cliente, fecha e importe`
    : `the sales table (${tableWhere(table, language)}) has no rows with a customer: add sales rows with a customer, a date and an amount`;
}
