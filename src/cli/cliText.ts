/** What the command line says, in English and Spanish: its help, its refusals and its notes. */
import { Language } from "../engine/dataText";

export interface CliText {
  readonly help: string;
  readonly needs: (flag: string, what: string, got: string | null) => string;
  readonly unknownOption: (arg: string) => string;
  readonly oneSource: (a: string, b: string) => string;
  readonly nameSource: string;
  readonly valuesNeedOut: string;
  readonly what: {
    readonly file: string;
    readonly date: string;
    readonly oneOf: (values: readonly string[]) => string;
    readonly wholeAtLeast1: string;
    readonly zeroOrMore: string;
    readonly target: string;
    readonly table: string;
    readonly column: string;
    readonly decimal: string;
    readonly dateOrder: string;
  };
  readonly notANumber: (flag: string, id: string, got: string) => string;
  readonly unknownIndicator: (id: string, closest: readonly string[]) => string;
  readonly unknownTable: (name: string, closest: readonly string[]) => string;
  readonly unknownColumn: (spec: string, table: string, closest: readonly string[]) => string;
  readonly noTableFor: (spec: string, role: string) => string;
  readonly missing: (source: string) => string;
  readonly noCsv: (source: string) => string;
  readonly outIsSource: (out: string) => string;
  readonly notASource: (why: string) => string;
  readonly outIsFolder: (out: string) => string;
  readonly outNotFile: (out: string) => string;
  readonly outEnding: (out: string, extension: string, macro: boolean) => string;
  readonly noSales: (seen: string) => string;
  readonly noTables: string;
  readonly cannotWrite: (out: string, why: string) => string;
  readonly note: string;
  readonly data: string;
  readonly unexpected: string;
}

/** What the command line reads, as a refusal of something else says it. */
const SOURCES_EN =
  "name an .xlsx workbook, a .csv or .parquet file, a folder of them or a postgresql:// address";
const SOURCES_ES =
  "indique un libro .xlsx, un archivo .csv o .parquet, una carpeta de ellos o una dirección postgresql://";

const HELP_EN = `usage: spec-scorecard <workbook.xlsx | folder | file.parquet | file.csv | postgresql://…> [options]
       spec-scorecard --help | --version

Builds the SPEC scorecard of a saved workbook (.xlsx, .xlsm), a folder of .csv and .parquet files
(one table per file), a .parquet or .csv file, or a PostgreSQL database (its tables and views).
Parquet, files past Excel's 1,048,576 rows and databases are computed in SQL (DuckDB, or the
database itself); --out from them writes a new workbook whose Scorecard holds values. Without --out or --json it prints a summary. Before the build it prints a data
check on stderr: each table's rows read and left out, the formats found, sample values.

options (each with an example):
  --out <file>                 write a copy of the workbook with its Scorecard sheet
                                 --out scorecard.xlsx
  --json                       print the scorecard as JSON on stdout (with the data check as "data")
                                 --json
  --quiet                      leave the data check and the notes off stderr
                                 --quiet
  --values                     with --out: every cell as its value, no formula (for LibreOffice,
                               Google Sheets or an Excel without the add-in); not live
                                 --values --out scorecard.xlsx
  --as-of <YYYY-MM-DD>         the last day counted (default: the latest sale)
                                 --as-of 2026-03-31
  --period <month|quarter|year>  the period (default: quarter)
                                 --period month
  --window <days>              activation window in days (default: 90)
                                 --window 60
  --min-purchases <n>          purchase days in the window to count as active (default: 1)
                                 --min-purchases 2
  --min-amount <amount>        net amount in the window to count as active (default: 0)
                                 --min-amount 500
  --lang <en|es>               language of the sheet, the summary and every message (default: en)
                                 --lang es
  --target <id>=<number>       a target for an indicator; repeat for several
                                 --target revenue=250000 --target svc.activation_rate=0.8
  --table <role>=<name|none>   the table of a role (sales, customers, leads, market), or none
                                 --table sales=Facturas
  --column <role>.<column>=<header|none>  the column of a role's field, or none
                                 --column sales.amount="Net Amount"
  --decimal <,|.>              the decimal separator of numbers written as text, where the
                               data cannot tell (only values like 1.234)
                                 --decimal ,
  --date-order <dmy|mdy|ymd>   the order of dates written as text, where the data cannot tell
                               (default: from the language; es: day first, en: month first)
                                 --date-order dmy
  --engine <memory|duckdb>     how files are computed: in memory (a workbook, and CSV up to
                               Excel's size) or by DuckDB (Parquet, and CSV past Excel's size)
                                 --engine duckdb
  -h, --help                   this help
  --version                    the version

Exit status: 0 on success, 2 on bad input (nothing is written then).`;

const HELP_ES = `uso: spec-scorecard <libro.xlsx | carpeta | archivo.parquet | archivo.csv | postgresql://…> [opciones]
     spec-scorecard --help | --version

Crea el cuadro de mando SPEC de un libro guardado (.xlsx, .xlsm), de una carpeta de archivos .csv y
.parquet (una tabla por archivo), de un archivo .parquet o .csv, o de una base PostgreSQL (sus
tablas y vistas). Parquet, los archivos de más de 1.048.576 filas de Excel y las bases se calculan
en SQL (DuckDB, o la propia base); --out desde ellos escribe un libro nuevo con valores. Sin --out ni --json imprime un resumen. Antes de crearlo imprime en stderr
una revisión de los datos: filas leídas y dejadas fuera de cada tabla, formatos encontrados,
valores de muestra.

opciones (cada una con un ejemplo):
  --out <archivo>              escribe una copia del libro con su hoja Scorecard
                                 --out cuadro.xlsx
  --json                       imprime el cuadro de mando en JSON en stdout (con la revisión de datos en "data")
                                 --json
  --quiet                      no imprime en stderr la revisión de datos ni las notas
                                 --quiet
  --values                     con --out: cada celda como su valor, sin fórmulas (para LibreOffice,
                               Google Sheets o un Excel sin el complemento); no se actualiza
                                 --values --out cuadro.xlsx
  --as-of <AAAA-MM-DD>         el último día contado (por omisión: la última venta)
                                 --as-of 2026-03-31
  --period <month|quarter|year>  el periodo: mes, trimestre o año (por omisión: trimestre)
                                 --period month
  --window <días>              ventana de activación en días (por omisión: 90)
                                 --window 60
  --min-purchases <n>          días de compra en la ventana para contar como activo (por omisión: 1)
                                 --min-purchases 2
  --min-amount <importe>       importe neto en la ventana para contar como activo (por omisión: 0)
                                 --min-amount 500
  --lang <en|es>               idioma de la hoja, del resumen y de todos los mensajes (por omisión: en)
                                 --lang es
  --target <id>=<número>       una meta para un indicador; repítala para varias
                                 --target revenue=250000 --target svc.activation_rate=0.8
  --table <rol>=<nombre|none>  la tabla de un rol (sales, customers, leads, market), o ninguna
                                 --table sales=Facturas
  --column <rol>.<columna>=<encabezado|none>  la columna de un campo de un rol, o ninguna
                                 --column sales.amount="Importe Neto"
  --decimal <,|.>              el separador decimal de los números escritos como texto, cuando
                               los datos no lo dicen (solo valores como 1.234)
                                 --decimal ,
  --date-order <dmy|mdy|ymd>   el orden de las fechas escritas como texto, cuando los datos no
                               lo dicen (por omisión: según el idioma; es: día primero)
                                 --date-order dmy
  --engine <memory|duckdb>     cómo se calculan los archivos: en memoria (un libro, y CSV hasta
                               el tamaño de Excel) o con DuckDB (Parquet, y CSV más grandes)
                                 --engine duckdb
  -h, --help                   esta ayuda
  --version                    la versión

Estado de salida: 0 si todo va bien, 2 si los datos no sirven (entonces no se escribe nada).`;

const list = (items: readonly string[]): string => items.join(", ");

const EN: CliText = {
  help: HELP_EN,
  needs: (flag, what, got) => `${flag} needs ${what}${got === null ? "" : ` (got '${got}')`}`,
  unknownOption: (arg) => `unknown option ${arg}: see spec-scorecard --help`,
  oneSource: (a, b) => `one workbook or folder at a time (got '${a}' and '${b}')`,
  valuesNeedOut: "--values writes the Scorecard file with every cell as its value: give --out too",
  nameSource:
    "name a workbook (.xlsx) or a folder of .csv files, e.g. spec-scorecard ventas.xlsx (see spec-scorecard --help)",
  what: {
    file: "a file name, e.g. --out scorecard.xlsx",
    date: "a date as YYYY-MM-DD, e.g. --as-of 2026-03-31",
    oneOf: (values) => `one of ${list(values)}`,
    wholeAtLeast1: "a whole number of at least 1",
    zeroOrMore: "a number of 0 or more",
    target: "<indicator id>=<number>, e.g. --target revenue=250000",
    table:
      "<role>=<table name>, a role being one of sales, customers, leads, market, e.g. --table sales=Facturas (or =none)",
    column:
      '<role>.<column>=<header>, e.g. --column sales.amount="Net Amount" (columns: sales.{customer,date,amount,margin,productLine} customers.{id,segment,serviceCost,creditDays,daysLate} leads.{created,source,status,customer} market.{segment,potentialAccounts})',
    decimal: "',' (decimal comma) or '.' (decimal point), e.g. --decimal ,",
    dateOrder: "dmy (day first), mdy (month first) or ymd (year first), e.g. --date-order dmy",
  },
  notANumber: (flag, id, got) =>
    `${flag} ${id}: '${got}' is not a number; write it with a decimal point and no thousands separator, e.g. --target ${id}=250000.50`,
  unknownIndicator: (id, closest) =>
    `--target: no indicator '${id}'; indicator ids, closest first: ${list(closest)}`,
  unknownTable: (name, closest) =>
    `--table: no table '${name}'; tables, closest first: ${list(closest)}`,
  unknownColumn: (spec, table, closest) =>
    `--column ${spec}: table ${table} has no such column; its columns, closest first: ${list(closest)}`,
  noTableFor: (spec, role) =>
    `--column ${spec}: no ${role} table is mapped; choose one with --table ${role}=<name>`,
  missing: (source) => `${source} does not exist: ${SOURCES_EN}`,
  noCsv: (source) => `${source} has no .csv or .parquet files: put one file per table in it`,
  outIsSource: (out) =>
    `--out ${out} is the source file: the source is never modified; choose another name`,
  notASource: (why) => `${why}: ${SOURCES_EN}`,
  outIsFolder: (out) => `--out ${out} is a folder: name the workbook to write`,
  outNotFile: (out) =>
    `--out ${out} is not a regular file (a pipe or a device): name a workbook file to write`,
  outEnding: (out, extension, macro) =>
    `--out ${out} must end in ${extension}: the source is ${macro ? "a macro-enabled workbook" : "a workbook"}, and Excel opens it only under that ending`,
  noSales: (seen) =>
    `no sales table: give a table with customer, date and amount columns (found ${seen})`,
  noTables: "no tables",
  cannotWrite: (out, why) =>
    `cannot write ${out} (${why}): check that its folder exists and may be written to`,
  note: "note",
  data: "data",
  unexpected: "unexpected failure, a bug (please report it with the command you ran)",
};

const ES: CliText = {
  help: HELP_ES,
  needs: (flag, what, got) =>
    `${flag} necesita ${what}${got === null ? "" : ` (se recibió '${got}')`}`,
  unknownOption: (arg) => `opción desconocida ${arg}: vea spec-scorecard --help`,
  oneSource: (a, b) => `un libro o una carpeta a la vez (se recibió '${a}' y '${b}')`,
  valuesNeedOut:
    "--values escribe el archivo del cuadro de mando con cada celda como su valor: indique también --out",
  nameSource:
    "indique un libro (.xlsx) o una carpeta de archivos .csv, p. ej. spec-scorecard ventas.xlsx (vea spec-scorecard --help)",
  what: {
    file: "un nombre de archivo, p. ej. --out cuadro.xlsx",
    date: "una fecha AAAA-MM-DD, p. ej. --as-of 2026-03-31",
    oneOf: (values) => `uno de ${list(values)}`,
    wholeAtLeast1: "un número entero de al menos 1",
    zeroOrMore: "un número de 0 o más",
    target: "<id del indicador>=<número>, p. ej. --target revenue=250000",
    table:
      "<rol>=<nombre de tabla>, con un rol entre sales, customers, leads, market, p. ej. --table sales=Facturas (o =none)",
    column:
      '<rol>.<columna>=<encabezado>, p. ej. --column sales.amount="Importe Neto" (columnas: sales.{customer,date,amount,margin,productLine} customers.{id,segment,serviceCost,creditDays,daysLate} leads.{created,source,status,customer} market.{segment,potentialAccounts})',
    decimal: "',' (coma decimal) o '.' (punto decimal), p. ej. --decimal ,",
    dateOrder: "dmy (día primero), mdy (mes primero) o ymd (año primero), p. ej. --date-order dmy",
  },
  notANumber: (flag, id, got) =>
    `${flag} ${id}: '${got}' no es un número; escríbalo con punto decimal y sin separador de miles, p. ej. --target ${id}=250000.50`,
  unknownIndicator: (id, closest) =>
    `--target: no hay indicador '${id}'; ids de indicadores, del más parecido al menos: ${list(closest)}`,
  unknownTable: (name, closest) =>
    `--table: no hay tabla '${name}'; tablas, de la más parecida a la menos: ${list(closest)}`,
  unknownColumn: (spec, table, closest) =>
    `--column ${spec}: la tabla ${table} no tiene esa columna; sus columnas, de la más parecida a la menos: ${list(closest)}`,
  noTableFor: (spec, role) =>
    `--column ${spec}: no hay tabla asignada al rol ${role}; elija una con --table ${role}=<nombre>`,
  missing: (source) => `${source} no existe: ${SOURCES_ES}`,
  noCsv: (source) =>
    `${source} no tiene archivos .csv ni .parquet: ponga en ella un archivo por tabla`,
  outIsSource: (out) =>
    `--out ${out} es el archivo de origen: el origen nunca se modifica; elija otro nombre`,
  notASource: (why) => `${why}: ${SOURCES_ES}`,
  outIsFolder: (out) => `--out ${out} es una carpeta: indique el libro que se escribirá`,
  outNotFile: (out) =>
    `--out ${out} no es un archivo normal (una tubería o un dispositivo): indique un archivo de libro`,
  outEnding: (out, extension, macro) =>
    `--out ${out} debe terminar en ${extension}: el origen es ${macro ? "un libro habilitado para macros" : "un libro"}, y Excel solo lo abre con esa terminación`,
  noSales: (seen) =>
    `no hay tabla de ventas: incluya una tabla con columnas de cliente, fecha e importe (se encontró ${seen})`,
  noTables: "ninguna tabla",
  cannotWrite: (out, why) =>
    `no se puede escribir ${out} (${why}): compruebe que su carpeta existe y admite escritura`,
  note: "nota",
  data: "datos",
  unexpected: "fallo inesperado, un error del programa (infórmelo con la orden que ejecutó)",
};

export const CLI_TEXT: Record<Language, CliText> = { en: EN, es: ES };

/** Levenshtein distance, for naming the closest candidates first. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Candidates closest first (by edit distance of their normalized forms; ties keep their order). */
export function closestFirst(
  wanted: string,
  candidates: readonly string[],
  normalize: (s: string) => string = (s) => s.toLowerCase()
): string[] {
  const w = normalize(wanted);
  return candidates
    .map((c, k) => ({ c, k, d: distance(w, normalize(c)) }))
    .sort((x, y) => x.d - y.d || x.k - y.k)
    .map((x) => x.c);
}

/**
 * The workbook package's refusals (src/xlsx words them in English) in Spanish: each known one by
 * its wording after the file's name; one not known stays as it is.
 */
const PACKAGE_REFUSALS_ES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^is protected with a password: .*$/,
    () =>
      "está protegido con contraseña: ábralo en Excel, quite la contraseña (Archivo > Información > Proteger libro > Cifrar con contraseña, déjela vacía), guárdelo y vuelva a ejecutar",
  ],
  [
    /^is an Excel 97-2003 workbook \(\.xls\): .*$/,
    () =>
      "es un libro de Excel 97-2003 (.xls): ábralo en Excel y guárdelo como Libro de Excel (.xlsx)",
  ],
  [
    /^is an Office compound file but not a workbook this reads: .*$/,
    () =>
      "es un archivo compuesto de Office pero no un libro que se pueda leer: ábralo en Excel y guárdelo como Libro de Excel (.xlsx)",
  ],
  [
    /^is not an Excel workbook: .*$/,
    () =>
      "no es un libro de Excel: indique un archivo .xlsx o .xlsm (guardado por Excel, LibreOffice, Google Sheets o pandas), o una carpeta de archivos .csv",
  ],
  [
    /^is damaged \((.*)\): .*$/,
    (m) => `está dañado (${m[1]}): ábralo en Excel, deje que Excel lo repare y guárdelo de nuevo`,
  ],
  [
    /^has a part that is not well-formed XML \((.*)\): .*$/,
    (m) =>
      `tiene una parte que no es XML bien formado (${m[1]}): ábralo en Excel y guárdelo de nuevo`,
  ],
  [
    /^is an Excel binary workbook \(\.xlsb\): .*$/,
    () =>
      "es un libro binario de Excel (.xlsb): ábralo en Excel y guárdelo como Libro de Excel (.xlsx)",
  ],
  [
    /^is an OpenDocument spreadsheet \(\.ods\): .*$/,
    () =>
      "es una hoja de cálculo OpenDocument (.ods): guárdela como Libro de Excel (.xlsx) y vuelva a ejecutar",
  ],
];

export function packageRefusal(message: string, label: string, language: Language): string {
  if (language !== "es" || !message.startsWith(`${label} `)) return message;
  const rest = message.slice(label.length + 1);
  for (const [pattern, spanish] of PACKAGE_REFUSALS_ES) {
    const m = pattern.exec(rest);
    if (m !== null) return `${label} ${spanish(m)}`;
  }
  return message;
}
