/** What the command line says about SQL sources, in English and Spanish. */
import { Language } from "../engine/dataText";

export interface SqlText {
  readonly databaseEngine: string;
  readonly parquetEngine: string;
  readonly workbookEngine: string;
  readonly cannotConnect: (where: string, why: string) => string;
  readonly unclosedQuote: (file: string, encoding: string, line: number) => string;
  readonly failed: (why: string) => string;
  /** --out from a source that is not a workbook: a new workbook, so .xlsx. */
  readonly outEnding: (out: string) => string;
  /** The Scorecard of a workbook written from a source that is not one: why it holds values. */
  readonly valuesNote: (source: string) => string;
}

const EN: SqlText = {
  databaseEngine: "a database runs its own SQL: leave --engine out",
  parquetEngine: "Parquet files are read by DuckDB: leave --engine out or use --engine duckdb",
  workbookEngine: "--engine duckdb reads .parquet and .csv files; a workbook is read in memory",
  cannotConnect: (where, why) =>
    `cannot connect to ${where} (${why}): check the address, the user and that the server runs`,
  unclosedQuote: (file, encoding, line) =>
    `${file} (${encoding}): the quote on line ${line} opens a field that never closes; close it or remove it and run again`,
  failed: (why) => `the SQL engine refused a query (${why})`,
  outEnding: (out) =>
    `--out ${out} must end in .xlsx: a new Excel workbook is written, and Excel opens it only under that ending`,
  valuesNote: (source) =>
    `Values computed from ${source}: its data are not in this workbook, so nothing on this sheet is live; run spec-scorecard again to refresh it.`,
};

const ES: SqlText = {
  databaseEngine: "una base de datos ejecuta su propio SQL: quite --engine",
  parquetEngine: "los archivos Parquet los lee DuckDB: quite --engine o use --engine duckdb",
  workbookEngine: "--engine duckdb lee archivos .parquet y .csv; un libro se lee en memoria",
  cannotConnect: (where, why) =>
    `no se puede conectar con ${where} (${why}): revise la dirección, el usuario y que el servidor esté en marcha`,
  unclosedQuote: (file, encoding, line) =>
    `${file} (${encoding}): la comilla de la línea ${line} abre un campo que nunca se cierra; ciérrela o quítela y vuelva a ejecutar`,
  failed: (why) => `el motor SQL rechazó una consulta (${why})`,
  outEnding: (out) =>
    `--out ${out} debe terminar en .xlsx: se escribe un libro de Excel nuevo, y Excel solo lo abre con esa terminación`,
  valuesNote: (source) =>
    `Valores calculados desde ${source}: sus datos no están en este libro, así que nada en esta hoja se actualiza solo; ejecute spec-scorecard de nuevo para refrescarla.`,
};

export const SQL_TEXT: Record<Language, SqlText> = { en: EN, es: ES };
