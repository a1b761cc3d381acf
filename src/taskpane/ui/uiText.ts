/** The wizard's words in English and Spanish. */
import { Language } from "../../plan/labels";
import { Role } from "../../engine/tableMapping";
import { numberText } from "../../core/numberText";
import { IndicatorFormat } from "../../engine/indicatorDefinition";

export interface UiText {
  readonly language: string;
  readonly steps: {
    readonly data: string;
    readonly definitions: string;
    readonly targets: string;
    readonly build: string;
  };
  readonly next: string;
  /** The Back and Next buttons' landmark. */
  readonly stepsNav: string;
  readonly back: string;
  readonly loading: string;
  readonly roles: Record<Role, string>;
  readonly roleHelp: Record<Role, string>;
  readonly columns: Record<string, string>;
  readonly noTable: string;
  /** The table list's name beside the role ("Sales: table"). */
  readonly table: string;
  readonly tableField: string;
  readonly noColumn: string;
  readonly rows: (n: number) => string;
  readonly noSales: string;
  readonly noTables: string;
  readonly asOf: string;
  readonly asOfHint: string;
  readonly period: string;
  readonly window: string;
  readonly minPurchases: string;
  readonly minAmount: string;
  readonly tierA: string;
  readonly tierB: string;
  readonly valueAttributes: string;
  readonly weight: string;
  readonly direction: string;
  readonly moreIsBetter: string;
  readonly lessIsBetter: string;
  readonly wholeNumber: (min: number) => string;
  readonly numberAtLeast: (min: number) => string;
  readonly targetsHelp: string;
  /** Beside a flow's target (the indicator definitions say which). */
  readonly byForecast: string;
  readonly targetPercentHint: string;
  readonly buildHelp: string;
  readonly build: string;
  readonly cancel: string;
  readonly replaceTitle: string;
  readonly replaceBody: (sheet: string) => string;
  readonly replace: string;
  readonly reading: (table: string, done: number, total: number) => string;
  readonly computing: string;
  readonly writing: (done: number, total: number) => string;
  readonly built: (sheet: string) => string;
  readonly openSheet: string;
  readonly download: string;
  readonly cancelled: string;
  readonly failed: string;
  readonly fixFirst: string;
  readonly dataCheck: string;
  readonly hiddenSheet: string;
  readonly checking: string;
  readonly dataCheckHelp: string;
  readonly decimal: string;
  readonly decimalOptions: Record<"auto" | "," | ".", string>;
  readonly dateOrder: string;
  readonly dateOrderOptions: Record<"auto" | "dmy" | "mdy" | "ymd", string>;
  readonly dateNeeded: string;
  readonly tiersTooBig: string;
  readonly targetNotPercent: string;
  readonly targetUnreadable: (format: IndicatorFormat) => string;
  /** Each unit as a target's label says it. */
  readonly units: Record<IndicatorFormat, string>;
  readonly now: string;
  readonly previous: string;
  readonly forecast: string;
  readonly comparedWithForecast: string;
  readonly readAs: (shown: string) => string;
  readonly valuesComputing: string;
  readonly valuesAfterCheck: string;
  readonly valuesAfterDefinitions: string;
  /** Beside a step's tab: how many problems it has, for screen readers. */
  readonly problemsOn: (n: number) => string;
  readonly fixThese: string;
  readonly dataProblem: string;
  readonly builtBefore: string;
  readonly builtBeforeBody: (when: string | null) => string;
  readonly storedSummary: (parts: {
    sales: string | null;
    period: string;
    targets: number;
  }) => string;
  readonly rebuild: string;
  readonly storedRefused: string;
  readonly notStored: (message: string) => string;
  readonly storedAs: string;
}

const fmt = (n: number, language: Language): string => numberText(n, language);

const EN: UiText = {
  language: "Language",
  steps: { data: "1 Data", definitions: "2 Definitions", targets: "3 Targets", build: "4 Build" },
  next: "Next",
  stepsNav: "Steps",
  back: "Back",
  loading: "Reading the workbook's tables…",
  roles: { sales: "Sales", customers: "Customers", leads: "Leads", market: "Market" },
  roleHelp: {
    sales: "Required: one row per invoice or order line.",
    customers: "Optional: segments, credit terms, days late, service cost; the activation base.",
    leads: "Optional: marketing leads with source and status.",
    market: "Optional: potential accounts by segment.",
  },
  columns: {
    customer: "Customer",
    date: "Date",
    amount: "Amount",
    margin: "Margin",
    productLine: "Product line",
    id: "Customer ID",
    segment: "Segment",
    serviceCost: "Service cost",
    creditDays: "Credit days",
    daysLate: "Days late",
    created: "Created",
    source: "Source",
    status: "Status",
    potentialAccounts: "Potential accounts",
  },
  noTable: "(not used)",
  table: "table",
  tableField: "Table",
  noColumn: "(none)",
  rows: (n) => `${fmt(n, "en")} rows`,
  noSales:
    "No sales table found. Choose the table with one row per sale and its customer, date and amount columns.",
  noTables:
    "This workbook has no tables or header rows yet. Add your sales as a table (Insert > Table) and reopen the wizard.",
  asOf: "As of",
  asOfHint: "Empty: the latest sales date, updating with the data.",
  period: "Period",
  window: "Activation window (days)",
  minPurchases: "Minimum purchase days in the window",
  minAmount: "Minimum net amount in the window",
  tierA: "Tier A: top % of customers",
  tierB: "Tier B: next % of customers",
  valueAttributes: "Customer value attributes",
  weight: "Weight",
  direction: "Direction",
  moreIsBetter: "More is better",
  lessIsBetter: "Less is better",
  wholeNumber: (min) => `Enter a whole number of at least ${min}.`,
  numberAtLeast: (min) => `Enter a number of at least ${min}.`,
  targetsHelp:
    "Optional. Status compares the target with the forecast to period end for indicators that add up over the period, and with the value for the others.",
  byForecast: "Compared with the forecast to period end",
  targetPercentHint: "in %",
  buildHelp:
    "Writes a live Scorecard sheet: formulas over your tables. Your tables and other sheets are not changed.",
  build: "Build scorecard",
  cancel: "Cancel",
  replaceTitle: "Replace the scorecard?",
  replaceBody: (sheet) =>
    `The sheet “${sheet}” holds a scorecard built before. Building again replaces its contents; no other sheet is touched.`,
  replace: "Replace",
  reading: (table, done, total) =>
    `Reading ${table}: ${fmt(done, "en")} of ${fmt(total, "en")} rows`,
  computing: "Computing the indicators…",
  writing: (done, total) => `Writing the sheet: ${fmt(done, "en")} of ${fmt(total, "en")} rows`,
  built: (sheet) => `Scorecard built on sheet “${sheet}”.`,
  openSheet: "Go to the Scorecard sheet",
  download: "Download the workbook with its scorecard",
  cancelled: "Cancelled: nothing was written.",
  failed: "The scorecard could not be built",
  fixFirst: "Fix the highlighted fields first.",
  dataCheck: "Data check",
  hiddenSheet: "hidden sheet",
  checking: "Reading the mapped columns…",
  dataCheckHelp:
    "What the scorecard will read: rows read and left out, how text dates and numbers were read, sample values.",
  decimal: "Decimal separator in text numbers",
  decimalOptions: { auto: "From the data", ",": "Comma (1.234,56)", ".": "Point (1,234.56)" },
  dateOrder: "Order of text dates",
  dateOrderOptions: {
    auto: "From the data",
    dmy: "Day first (31/12/2025)",
    mdy: "Month first (12/31/2025)",
    ymd: "Year first (2025/12/31)",
  },
  dateNeeded: "Enter a date (YYYY-MM-DD) or leave it empty.",
  tiersTooBig: "Tiers A and B together can be at most 100%.",
  targetNotPercent: "This indicator is not a percentage: enter a number without %.",
  targetUnreadable: (format) =>
    format === "percent"
      ? "Enter a percentage: 80, 80% or 0.8 all mean 80%."
      : format === "money"
        ? "Enter an amount, such as 250,000 or 250000."
        : "Enter a number, such as 120.",
  units: { money: "amount", count: "count", percent: "%", index: "index" },
  now: "Now",
  previous: "previous",
  forecast: "forecast to period end",
  comparedWithForecast: "the target is compared with the forecast",
  readAs: (shown) => `Read as ${shown}`,
  valuesComputing: "Computing the current values…",
  valuesAfterCheck: "Current values appear here once the data check in step 1 has read the data.",
  valuesAfterDefinitions: "Current values appear here once the definitions in step 2 are valid.",
  problemsOn: (n) => (n === 1 ? "1 problem" : `${fmt(n, "en")} problems`),
  fixThese: "Fix these first:",
  dataProblem: "Data check",
  builtBefore: "Built before",
  builtBeforeBody: (when) =>
    when === null
      ? "This workbook's scorecard was built before. Its settings are filled in below."
      : `This workbook's scorecard was last built on ${when}. Its settings are filled in below.`,
  storedSummary: ({ sales, period, targets }) =>
    [
      sales === null ? null : `Sales: ${sales}`,
      `period: ${period}`,
      targets === 1 ? "1 target" : `${targets} targets`,
    ]
      .filter((p) => p !== null)
      .join(" · "),
  rebuild: "Rebuild",
  storedRefused: "The settings stored in this workbook were not used",
  notStored: (message) =>
    `The scorecard is built, but its settings could not be kept in the workbook for the next build: ${message}`,
  storedAs: "Settings kept in the workbook for the next build.",
};

const ES: UiText = {
  language: "Idioma",
  steps: { data: "1 Datos", definitions: "2 Definiciones", targets: "3 Metas", build: "4 Crear" },
  next: "Siguiente",
  stepsNav: "Pasos",
  back: "Atrás",
  loading: "Leyendo las tablas del libro…",
  roles: { sales: "Ventas", customers: "Clientes", leads: "Prospectos", market: "Mercado" },
  roleHelp: {
    sales: "Obligatoria: una fila por factura o línea de pedido.",
    customers:
      "Opcional: segmentos, plazo de crédito, días de atraso, costo de servicio; la base de activación.",
    leads: "Opcional: prospectos de marketing con fuente y estado.",
    market: "Opcional: clientes potenciales por segmento.",
  },
  columns: {
    customer: "Cliente",
    date: "Fecha",
    amount: "Importe",
    margin: "Margen",
    productLine: "Línea de producto",
    id: "ID de cliente",
    segment: "Segmento",
    serviceCost: "Costo de servicio",
    creditDays: "Días de crédito",
    daysLate: "Días de atraso",
    created: "Creado",
    source: "Fuente",
    status: "Estado",
    potentialAccounts: "Clientes potenciales",
  },
  noTable: "(no se usa)",
  table: "tabla",
  tableField: "Tabla",
  noColumn: "(ninguna)",
  rows: (n) => `${fmt(n, "es")} filas`,
  noSales:
    "No se encontró una tabla de ventas. Elija la tabla con una fila por venta y sus columnas de cliente, fecha e importe.",
  noTables:
    "Este libro aún no tiene tablas ni filas de encabezado. Agregue sus ventas como tabla (Insertar > Tabla) y vuelva a abrir el asistente.",
  asOf: "Fecha de corte",
  asOfHint: "Vacía: la última fecha de venta, que se actualiza con los datos.",
  period: "Periodo",
  window: "Ventana de activación (días)",
  minPurchases: "Mínimo de días de compra en la ventana",
  minAmount: "Monto neto mínimo en la ventana",
  tierA: "Nivel A: % superior de clientes",
  tierB: "Nivel B: % siguiente de clientes",
  valueAttributes: "Atributos de valor del cliente",
  weight: "Peso",
  direction: "Dirección",
  moreIsBetter: "Más es mejor",
  lessIsBetter: "Menos es mejor",
  wholeNumber: (min) => `Escriba un número entero de al menos ${min}.`,
  numberAtLeast: (min) => `Escriba un número de al menos ${min}.`,
  targetsHelp:
    "Opcional. El estado compara la meta con la proyección al cierre en los indicadores que se acumulan en el periodo, y con el valor en los demás.",
  byForecast: "Se compara con la proyección al cierre",
  targetPercentHint: "en %",
  buildHelp:
    "Escribe una hoja Scorecard viva: fórmulas sobre sus tablas. Sus tablas y demás hojas no cambian.",
  build: "Crear cuadro de mando",
  cancel: "Cancelar",
  replaceTitle: "¿Reemplazar el cuadro de mando?",
  replaceBody: (sheet) =>
    `La hoja «${sheet}» tiene un cuadro de mando creado antes. Al crearlo de nuevo se reemplaza su contenido; ninguna otra hoja cambia.`,
  replace: "Reemplazar",
  reading: (table, done, total) =>
    `Leyendo ${table}: ${fmt(done, "es")} de ${fmt(total, "es")} filas`,
  computing: "Calculando los indicadores…",
  writing: (done, total) => `Escribiendo la hoja: ${fmt(done, "es")} de ${fmt(total, "es")} filas`,
  built: (sheet) => `Cuadro de mando creado en la hoja «${sheet}».`,
  openSheet: "Ir a la hoja Scorecard",
  download: "Descargar el libro con su cuadro de mando",
  cancelled: "Cancelado: no se escribió nada.",
  failed: "No se pudo crear el cuadro de mando",
  fixFirst: "Corrija primero los campos marcados.",
  dataCheck: "Revisión de datos",
  hiddenSheet: "hoja oculta",
  checking: "Leyendo las columnas asignadas…",
  dataCheckHelp:
    "Lo que leerá el cuadro de mando: filas leídas y dejadas fuera, cómo se leyeron fechas y números en texto, valores de muestra.",
  decimal: "Separador decimal de los números en texto",
  decimalOptions: { auto: "Según los datos", ",": "Coma (1.234,56)", ".": "Punto (1,234.56)" },
  dateOrder: "Orden de las fechas en texto",
  dateOrderOptions: {
    auto: "Según los datos",
    dmy: "Día primero (31/12/2025)",
    mdy: "Mes primero (12/31/2025)",
    ymd: "Año primero (2025/12/31)",
  },
  dateNeeded: "Escriba una fecha (AAAA-MM-DD) o déjela vacía.",
  tiersTooBig: "Los niveles A y B juntos pueden sumar a lo sumo 100 %.",
  targetNotPercent: "Este indicador no es un porcentaje: escriba un número sin %.",
  targetUnreadable: (format) =>
    format === "percent"
      ? "Escriba un porcentaje: 80, 80 % o 0,8 significan 80 %."
      : format === "money"
        ? "Escriba un importe, como 250.000 o 250000."
        : "Escriba un número, como 120.",
  units: { money: "importe", count: "cantidad", percent: "%", index: "índice" },
  now: "Ahora",
  previous: "anterior",
  forecast: "proyección al cierre",
  comparedWithForecast: "la meta se compara con la proyección",
  readAs: (shown) => `Se lee ${shown}`,
  valuesComputing: "Calculando los valores actuales…",
  valuesAfterCheck:
    "Los valores actuales aparecen aquí cuando la revisión de datos del paso 1 haya leído los datos.",
  valuesAfterDefinitions:
    "Los valores actuales aparecen aquí cuando las definiciones del paso 2 sean válidas.",
  problemsOn: (n) => (n === 1 ? "1 problema" : `${fmt(n, "es")} problemas`),
  fixThese: "Corrija esto primero:",
  dataProblem: "Revisión de datos",
  builtBefore: "Creado antes",
  builtBeforeBody: (when) =>
    when === null
      ? "El cuadro de mando de este libro se creó antes. Su configuración está cargada abajo."
      : `El cuadro de mando de este libro se creó por última vez el ${when}. Su configuración está cargada abajo.`,
  storedSummary: ({ sales, period, targets }) =>
    [
      sales === null ? null : `Ventas: ${sales}`,
      `periodo: ${period}`,
      targets === 1 ? "1 meta" : `${targets} metas`,
    ]
      .filter((p) => p !== null)
      .join(" · "),
  rebuild: "Crear de nuevo",
  storedRefused: "No se usó la configuración guardada en este libro",
  notStored: (message) =>
    `El cuadro de mando está creado, pero su configuración no se pudo guardar en el libro para la próxima vez: ${message}`,
  storedAs: "Configuración guardada en el libro para la próxima vez.",
};

export const UI_TEXT: Record<Language, UiText> = { en: EN, es: ES };

/** Office's display language ("es-MX", "en-US") as the wizard's. */
export const languageOf = (displayLanguage: string): Language =>
  displayLanguage.toLowerCase().startsWith("es") ? "es" : "en";
