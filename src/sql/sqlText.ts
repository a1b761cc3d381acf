/** What the command line says about SQL sources, in English and Spanish. */
import { numberText } from "../core/numberText";
import { ColumnKind } from "../engine/dataCheck";
import { Language } from "../engine/dataText";

export interface SqlText {
  readonly databaseEngine: string;
  readonly parquetEngine: string;
  readonly workbookEngine: string;
  readonly cannotConnect: (where: string, why: string) => string;
  /** The server asks for a password and none was given. */
  readonly needsPassword: (where: string) => string;
  readonly unclosedQuote: (file: string, encoding: string, line: number) => string;
  /** A CSV line longer than DuckDB reads (a quoted field of many megabytes, a file without line ends). */
  readonly longLine: (file: string, encoding: string, line: number, bytes: number) => string;
  /** A file that is no Parquet, or a damaged one (`why`: DuckDB's reason). */
  readonly unreadableParquet: (file: string, why: string) => string;
  /** A Parquet column named as DuckDB names the rows' order. */
  readonly reservedColumn: (file: string, column: string) => string;
  /** Two files of one folder that would be one table (sales.csv and sales.parquet). */
  readonly sameTable: (a: string, b: string, table: string) => string;
  /** A mapped column of a type its role cannot read (a list, a struct, JSON, an interval). */
  readonly notReadable: (column: string, type: string, kind: ColumnKind, spec: string) => string;
  /** A typed amount that is NaN or infinite. */
  readonly notFinite: (place: string, value: string) => string;
  /** A typed date before 1900 or after 9999. */
  readonly dateOutOfRange: (place: string, value: string) => string;
  /** A day number past 9999-12-31 (a date written as 20250131). */
  readonly serialOutOfRange: (place: string, value: string) => string;
  /** The table the database refused to read (no privilege on it). */
  readonly noPrivilege: (why: string) => string;
  /** The server went away or stopped the run. */
  readonly serverStopped: (why: string) => string;
  /** Out of disk or memory. */
  readonly outOfResources: (why: string) => string;
  /** --out from a source that is not a workbook: a new workbook, so .xlsx. */
  readonly outEnding: (out: string) => string;
  /** The Scorecard of a workbook written from a source that is not one: why it holds values. */
  readonly valuesNote: (source: string) => string;
}

const WHAT: Record<Language, Record<ColumnKind, string>> = {
  en: {
    date: "dates",
    number: "numbers",
    id: "customer ids (text or numbers)",
    label: "labels",
  },
  es: {
    date: "fechas",
    number: "números",
    id: "ids de cliente (texto o números)",
    label: "etiquetas",
  },
};

const EN: SqlText = {
  databaseEngine: "a database runs its own SQL: leave --engine out",
  parquetEngine: "Parquet files are read by DuckDB: leave --engine out or use --engine duckdb",
  workbookEngine: "--engine duckdb reads .parquet and .csv files; a workbook is read in memory",
  cannotConnect: (where, why) =>
    `cannot connect to ${where} (${why}): check the address, the user and that the server runs`,
  needsPassword: (where) =>
    `${where} asks for a password: give it in the address (postgresql://user:password@host/database) or in PGPASSWORD`,
  unclosedQuote: (file, encoding, line) =>
    `${file} (${encoding}): the quote on line ${line} opens a field that never closes; close it or remove it and run again`,
  longLine: (file, encoding, line, bytes) =>
    `${file} (${encoding}): line ${line} is ${numberText(bytes, "en")} bytes long, more than the 2,000,000 a line may hold; shorten it or split it into rows and run again`,
  unreadableParquet: (file, why) =>
    `${file} cannot be read as Parquet (${why}): it is damaged, cut short or not a Parquet file; export it again`,
  reservedColumn: (file, column) =>
    `${file} has a column named ${column}, the name DuckDB gives the rows' order: rename it and run again`,
  sameTable: (a, b, table) =>
    `${a} and ${b} would both be the table ${table}: keep one of them in the folder and run again`,
  notReadable: (column, type, kind, spec) =>
    `${column} holds ${type} values, which are not ${WHAT.en[kind]}: convert it, or choose another column with --column ${spec}=<header>`,
  notFinite: (place, value) =>
    `${place} is ${value}, which is not a number; correct it or clear it`,
  dateOutOfRange: (place, value) =>
    `${place} is ${value}, outside the days Excel holds (1900-01-01 to 9999-12-31); correct it`,
  serialOutOfRange: (place, value) =>
    `${place} is the number ${value}, past the last day Excel counts (2958465, 9999-12-31): a date written as a number like 20250131 is not read; give the dates as dates`,
  noPrivilege: (why) =>
    `the database refused to read a table (${why}): grant the user SELECT on it, or choose another with --table`,
  serverStopped: (why) =>
    `the database broke off the run (${why}): run again once the server is available (a statement_timeout set on the server may need raising)`,
  outOfResources: (why) =>
    `the SQL engine ran out of room (${why}): free disk space for its temporary files (TMPDIR, or the database's) and run again`,
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
  needsPassword: (where) =>
    `${where} pide una contraseña: dela en la dirección (postgresql://usuario:contraseña@servidor/base) o en PGPASSWORD`,
  unclosedQuote: (file, encoding, line) =>
    `${file} (${encoding}): la comilla de la línea ${line} abre un campo que nunca se cierra; ciérrela o quítela y vuelva a ejecutar`,
  longLine: (file, encoding, line, bytes) =>
    `${file} (${encoding}): la línea ${line} mide ${numberText(bytes, "es")} bytes, más de los 2.000.000 que admite una línea; acórtela o pártala en filas y vuelva a ejecutar`,
  unreadableParquet: (file, why) =>
    `${file} no se puede leer como Parquet (${why}): está dañado, cortado o no es un archivo Parquet; expórtelo de nuevo`,
  reservedColumn: (file, column) =>
    `${file} tiene una columna llamada ${column}, el nombre que DuckDB da al orden de las filas: cámbiele el nombre y vuelva a ejecutar`,
  sameTable: (a, b, table) =>
    `${a} y ${b} serían ambos la tabla ${table}: deje solo uno de ellos en la carpeta y vuelva a ejecutar`,
  notReadable: (column, type, kind, spec) =>
    `${column} tiene valores ${type}, que no son ${WHAT.es[kind]}: conviértala o elija otra columna con --column ${spec}=<encabezado>`,
  notFinite: (place, value) => `${place} es ${value}, que no es un número; corríjalo o vacíelo`,
  dateOutOfRange: (place, value) =>
    `${place} es ${value}, fuera de los días que admite Excel (1900-01-01 a 9999-12-31); corríjalo`,
  serialOutOfRange: (place, value) =>
    `${place} es el número ${value}, después del último día que cuenta Excel (2958465, 9999-12-31): una fecha escrita como número, como 20250131, no se lee; dé las fechas como fechas`,
  noPrivilege: (why) =>
    `la base de datos se negó a leer una tabla (${why}): dé al usuario SELECT sobre ella o elija otra con --table`,
  serverStopped: (why) =>
    `la base de datos interrumpió la ejecución (${why}): vuelva a ejecutar cuando el servidor esté disponible (puede que haya que aumentar un statement_timeout del servidor)`,
  outOfResources: (why) =>
    `el motor SQL se quedó sin espacio (${why}): libere espacio en disco para sus archivos temporales (TMPDIR, o los de la base de datos) y vuelva a ejecutar`,
  outEnding: (out) =>
    `--out ${out} debe terminar en .xlsx: se escribe un libro de Excel nuevo, y Excel solo lo abre con esa terminación`,
  valuesNote: (source) =>
    `Valores calculados desde ${source}: sus datos no están en este libro, así que nada en esta hoja se actualiza solo; ejecute spec-scorecard de nuevo para refrescarla.`,
};

export const SQL_TEXT: Record<Language, SqlText> = { en: EN, es: ES };
