/**
 * The build step's words about Excel itself, in English and Spanish: what this Excel lacks, the
 * choice of values instead of formulas, what reading the sheet back found, and what keeps Excel
 * from taking the sheet.
 */
import { Language } from "../../plan/labels";
import { SheetProblemKind } from "../../workbook/sheetCheck";
import { WorkbookProblemKind } from "../workbookProblem";

export interface ExcelText {
  readonly valuesChoice: string;
  readonly valuesHint: string;
  readonly cannotWrite: (missing: string) => string;
  readonly noFunctions: string;
  readonly noDynamicArraysTitle: string;
  readonly noDynamicArrays: string;
  readonly writeValues: string;
  readonly checking: string;
  readonly checkAgain: string;
  readonly checkedOk: (cells: number) => string;
  readonly checkTitle: string;
  /** A problem found reading the sheet back: what it is and what to do. */
  readonly problems: Record<SheetProblemKind, string>;
  readonly cells: (list: string, more: number) => string;
  readonly workbook: Record<WorkbookProblemKind, (sheet: string, detail: string) => string>;
}

/** Where the live sheet works: dynamic arrays and the custom functions runtime 1.3. */
const NEEDED_EN =
  "Excel 2021 or later, Excel for Microsoft 365 (Windows or Mac), or Excel on the web";
const NEEDED_ES =
  "Excel 2021 o posterior, Excel para Microsoft 365 (Windows o Mac) o Excel para la Web";

const EN: ExcelText = {
  valuesChoice: "Write values instead of formulas",
  valuesHint:
    "For an Excel without dynamic arrays or the SPEC functions, and for colleagues without the add-in: every cell holds what was computed now and does not follow the data.",
  cannotWrite: (missing) =>
    `This Excel cannot write the Scorecard: it lacks ${missing}. Use ${NEEDED_EN}.`,
  noFunctions: `The SPEC functions cannot run in this Excel (it lacks CustomFunctionsRuntime 1.3), so a live sheet would show #NAME?. Use ${NEEDED_EN}, or write values instead of formulas.`,
  noDynamicArraysTitle: "This Excel has no dynamic arrays",
  noDynamicArrays: `The live Scorecard uses LET, FILTER, UNIQUE and XLOOKUP, which need ${NEEDED_EN}. Here its formulas would show #NAME?. Write the computed values instead?`,
  writeValues: "Write values",
  checking: "Reading the sheet back…",
  checkAgain: "Check the sheet again",
  checkedOk: (cells) =>
    `Read back: all ${cells.toLocaleString("en-US")} formula cells show a value.`,
  checkTitle: "Cells to look at",
  problems: {
    functions_not_loaded:
      "SPEC functions were not loaded when these cells were written: build again (Excel binds the functions once the add-in has loaded).",
    no_dynamic_arrays: `This Excel does not know LET, FILTER, UNIQUE or XLOOKUP: use ${NEEDED_EN}, or build again with values instead of formulas.`,
    empty_result:
      "A formula found no rows to work on: check that the mapped table has data for the period, then build again.",
    spill_blocked:
      "Something is in the way of a result that fills several cells (a value or a merged cell below or beside it): clear it and the result appears.",
    unreadable_value:
      "A value in your table cannot be read (text in a date or amount column): find it in step 1's check, fix that cell, build again.",
    still_calculating: "Excel is still calculating: check the sheet again in a moment.",
    manual_calculation:
      "This Excel calculates manually: press F9 (Formulas › Calculate Now), then check the sheet again.",
    other_error:
      "An unexpected error: build again; if it stays, build with values instead of formulas.",
  },
  cells: (list, more) => (more > 0 ? `${list} and ${more} more` : list),
  workbook: {
    structure_protected: () =>
      "The workbook's structure is protected, so no sheet can be added: unprotect it (Review › Protect Workbook), then build again.",
    sheet_protected: (sheet) =>
      `The sheet “${sheet}” is protected: unprotect it (Review › Unprotect Sheet), then build again.`,
    excel_refused: (sheet, detail) =>
      `Excel refused to write the Scorecard${sheet === "" ? "" : ` on “${sheet}”`} (${detail}). The sheet may be incomplete: build again; if it happens again, write values instead of formulas.`,
  },
};

const ES: ExcelText = {
  valuesChoice: "Escribir valores en lugar de fórmulas",
  valuesHint:
    "Para un Excel sin matrices dinámicas o sin las funciones SPEC, y para colegas sin el complemento: cada celda guarda lo calculado ahora y no sigue a los datos.",
  cannotWrite: (missing) =>
    `Este Excel no puede escribir el cuadro de mando: le falta ${missing}. Use ${NEEDED_ES}.`,
  noFunctions: `Las funciones SPEC no pueden ejecutarse en este Excel (le falta CustomFunctionsRuntime 1.3): una hoja viva mostraría #¿NOMBRE?. Use ${NEEDED_ES}, o escriba valores en lugar de fórmulas.`,
  noDynamicArraysTitle: "Este Excel no tiene matrices dinámicas",
  noDynamicArrays: `El cuadro de mando vivo usa LET, FILTRAR, UNICOS y BUSCARX, que requieren ${NEEDED_ES}. Aquí sus fórmulas mostrarían #¿NOMBRE?. ¿Escribir los valores calculados?`,
  writeValues: "Escribir valores",
  checking: "Leyendo la hoja escrita…",
  checkAgain: "Revisar la hoja de nuevo",
  checkedOk: (cells) =>
    `Revisada: las ${cells.toLocaleString("es-ES")} celdas con fórmula muestran un valor.`,
  checkTitle: "Celdas por revisar",
  problems: {
    functions_not_loaded:
      "Las funciones SPEC no estaban cargadas cuando se escribieron estas celdas: cree el cuadro de nuevo (Excel enlaza las funciones una vez cargado el complemento).",
    no_dynamic_arrays: `Este Excel no conoce LET, FILTRAR, UNICOS ni BUSCARX: use ${NEEDED_ES}, o créelo de nuevo con valores en lugar de fórmulas.`,
    empty_result:
      "Una fórmula no encontró filas: compruebe que la tabla asignada tiene datos en el periodo y créelo de nuevo.",
    spill_blocked:
      "Algo impide un resultado que ocupa varias celdas (un valor o una celda combinada debajo o al lado): bórrelo y el resultado aparece.",
    unreadable_value:
      "Un valor de su tabla no se puede leer (texto en una columna de fecha o importe): búsquelo en la revisión del paso 1, corrija esa celda y créelo de nuevo.",
    still_calculating: "Excel todavía está calculando: revise la hoja de nuevo en un momento.",
    manual_calculation:
      "Este Excel calcula manualmente: pulse F9 (Fórmulas › Calcular ahora) y revise la hoja de nuevo.",
    other_error:
      "Un error inesperado: cree el cuadro de nuevo; si sigue, créelo con valores en lugar de fórmulas.",
  },
  cells: (list, more) => (more > 0 ? `${list} y ${more} más` : list),
  workbook: {
    structure_protected: () =>
      "La estructura del libro está protegida y no se puede agregar una hoja: desprotéjala (Revisar › Proteger libro) y créelo de nuevo.",
    sheet_protected: (sheet) =>
      `La hoja «${sheet}» está protegida: desprotéjala (Revisar › Desproteger hoja) y créelo de nuevo.`,
    excel_refused: (sheet, detail) =>
      `Excel no aceptó escribir el cuadro de mando${sheet === "" ? "" : ` en «${sheet}»`} (${detail}). La hoja puede estar incompleta: créelo de nuevo; si vuelve a pasar, escriba valores en lugar de fórmulas.`,
  },
};

export const EXCEL_TEXT: Record<Language, ExcelText> = { en: EN, es: ES };
