/** Every word the scorecard shows, in English and Spanish. */
import { Language } from "../core/language";
import { Stage } from "../engine/indicatorDefinition";
import { Reason } from "../engine/indicatorValue";
import { PeriodKind } from "../engine/period";
import { Channel } from "../engine/scorecard";
import { ForecastMethod } from "../engine/revenueForecast";
import { Status } from "../engine/status";
import { ValueAttribute } from "../engine/valueTiers";
import type { SnapshotReason } from "./planCells";

export { LANGUAGES } from "../core/language";
export type { Language } from "../core/language";

export interface Labels {
  readonly title: string;
  readonly subtitle: string;
  readonly parameters: {
    /** The parameter block's title. */
    readonly title: string;
    readonly asOf: string;
    readonly period: string;
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly previousStart: string;
    readonly previousEnd: string;
    readonly beforePreviousStart: string;
    readonly beforePreviousEnd: string;
    readonly daysInPeriod: string;
    readonly elapsedDays: string;
    readonly window: string;
    readonly minPurchases: string;
    readonly minAmount: string;
  };
  readonly periodKinds: Record<PeriodKind, string>;
  readonly columns: {
    readonly indicator: string;
    readonly value: string;
    readonly previous: string;
    readonly change: string;
    readonly target: string;
    readonly status: string;
    readonly forecast: string;
    readonly note: string;
  };
  readonly stages: Record<Stage, string>;
  readonly statuses: Record<Status, string>;
  readonly reasons: Record<Reason, string>;
  readonly breakdowns: {
    readonly bySegment: string;
    readonly segment: string;
    readonly revenue: string;
    readonly customers: string;
    readonly noSegment: string;
    readonly byLeadSource: string;
    readonly source: string;
    readonly leads: string;
    readonly converted: string;
    readonly conversion: string;
    readonly noSource: string;
    readonly tiers: string;
    readonly tier: string;
    readonly revenueShare: string;
    readonly activation: string;
    readonly channel: string;
    readonly funnel: string;
    readonly topCustomers: string;
    readonly cumulativeShare: string;
  };
  readonly channels: Record<Channel, string>;
  readonly value: {
    readonly title: string;
    readonly note: string;
    readonly customer: string;
    readonly score: string;
    readonly tier: string;
    readonly weight: string;
    readonly direction: string;
    readonly revenueNow: string;
    readonly scoreThreshold: string;
  };
  readonly attributes: Record<ValueAttribute, string>;
  readonly forecasts: {
    readonly title: string;
    readonly method: string;
    readonly forecast: string;
    readonly backtestError: string;
    /** Header of a backtest period's column: {start} is its first day. */
    readonly periodError: string;
    readonly methods: Record<ForecastMethod, string>;
    readonly actual: string;
    readonly marginPriorYear: string;
    readonly marginNote: string;
    /** The chosen method's note. */
    readonly chosenNote: string;
    /** The words above the table: {method}, {error}, {periods}, {others}. */
    readonly headline: string;
    /** One of {others}: "{method} {error}". */
    readonly other: string;
    readonly noBacktest: string;
    readonly untested: string;
    readonly priorYearUnavailable: string;
    /** How a build's note names the backtests. */
    readonly backtestSubject: string;
    /** The title of the chart of the forecasts and their backtest errors. */
    readonly chartTitle: string;
  };
  readonly toCall: {
    readonly title: string;
    readonly note: string;
    readonly customer: string;
    readonly lastPurchase: string;
    readonly lapseDay: string;
    readonly pAlive: string;
    readonly expectedRevenue: string;
    readonly none: string;
    /** When they are not ranked by expected revenue: {reason}. */
    readonly unranked: string;
    /** How a build's note names the list. */
    readonly subject: string;
    /** When the model check missed by more than 25%: {days}. */
    readonly readWithCare: string;
  };
  /** The trend block: each indicator over the past periods, and its charts. */
  readonly trend: {
    readonly title: string;
    readonly note: string;
    /** The current period's column: {period} is its name. */
    readonly toDate: string;
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly dataBegin: string;
    /** Beside a row computed at the build, why (short: it sits in a narrow column). */
    readonly atBuild: Record<SnapshotReason, string>;
    readonly indexTitle: string;
    /** A stage's chart: {stage}. */
    readonly chartTitle: string;
    /** How a build's note names the trend's parts computed at the build. */
    readonly subject: string;
  };
  /** The model check block (SPEC.md §2.6): "Can we trust the customer model?". */
  readonly modelCheck: {
    readonly title: string;
    readonly holdoutDays: string;
    readonly calibrationEnd: string;
    readonly columns: {
      readonly x: string;
      readonly customers: string;
      readonly actualPurchases: string;
      readonly expectedPurchases: string;
      readonly actualRevenue: string;
      readonly expectedRevenue: string;
    };
    /** The `7+` and `all` rows. */
    readonly many: string;
    readonly all: string;
    /** {expected}, {actual}, {days}, {pct}, {direction}. */
    readonly sentence: string;
    readonly under: string;
    readonly over: string;
    /** When customers bought nothing in the holdout: {expected}, {days}. */
    readonly sentenceNone: string;
    /** After the sentence when the miss is beyond 25%. */
    readonly care: string;
    readonly chartTitle: string;
    readonly actual: string;
    readonly expected: string;
    /** How a build's note names the check when computed at the build. */
    readonly subject: string;
  };
  /** Values computed at the build instead of live formulas: the legend and why, per cell. */
  readonly snapshot: {
    readonly legend: string;
    readonly perCustomer: string;
    /** {size}: the call's arguments in MB. */
    readonly argumentsTooLarge: string;
    /** A block whose live formula would pass Excel's limits on a formula. */
    readonly formulaTooLong: string;
    /** What the command line and the task pane say after a build: {parts} lists them. */
    readonly built: string;
  };
}

const EN: Labels = {
  title: "SPEC Scorecard",
  subtitle:
    "Information → Marketing → Sales → Service. Live: formulas over your tables. Built by SPEC Scorecard; building again replaces this sheet only.",
  parameters: {
    title: "Parameters: edit a yellow cell and the whole sheet follows",
    asOf: "As of",
    period: "Period length (months: 1, 3 or 12)",
    periodStart: "Period start",
    periodEnd: "Period end",
    previousStart: "Previous start",
    previousEnd: "Previous end",
    beforePreviousStart: "Period before previous, start",
    beforePreviousEnd: "Period before previous, end",
    daysInPeriod: "Days in period",
    elapsedDays: "Days elapsed",
    window: "Activation window (days)",
    minPurchases: "Minimum purchase days",
    minAmount: "Minimum net amount",
  },
  periodKinds: { month: "Month", quarter: "Quarter", year: "Year" },
  columns: {
    indicator: "Indicator",
    value: "Value",
    previous: "Previous",
    change: "Change",
    target: "Target",
    status: "Status",
    forecast: "Forecast to period end",
    note: "Note",
  },
  stages: {
    overview: "Overview",
    information: "1 · Information",
    marketing: "2 · Marketing",
    sales: "3 · Sales",
    service: "4 · Service",
  },
  statuses: { on_track: "On track", at_risk: "At risk", off_track: "Off track" },
  reasons: {
    no_margin_column: "Not available: the sales table has no margin column.",
    no_market_table: "Not available: no Market table with potential accounts.",
    market_potential_zero: "Not available: the Market table's potential accounts add up to 0.",
    no_leads_table: "Not available: no Leads table.",
    no_leads_in_period: "Not available: no leads were created in the period.",
    no_product_line_column: "Not available: the sales table has no product line column.",
    no_buying_customers: "Not available: no customer bought in the period.",
    no_customers_before_period:
      "Not available: no customer bought in the 365 days before the period.",
    no_customer_base: "Not available: the customer base is empty.",
    no_revenue_in_period: "Not available: no customer has revenue above 0 in the period.",
    model_not_fitted:
      "Not available: the customer model needs at least 10 customers with a purchase, 5 of them buying again on another day.",
    no_days_left_in_period:
      "Not available: as of is the period's last day, nothing is left to expect.",
    spend_model_undefined:
      "Not available: spend per purchase varies too much between customers for the model to give a mean (q ≤ 1).",
    period_before_data: "Not available: the period ends before the first sale.",
  },
  breakdowns: {
    bySegment: "Revenue and customers by segment",
    segment: "Segment",
    revenue: "Revenue",
    customers: "Customers buying",
    noSegment: "(no segment)",
    byLeadSource: "Leads by source",
    source: "Source",
    leads: "Leads",
    converted: "Converted",
    conversion: "Conversion",
    noSource: "(no source)",
    tiers: "Value tiers and service channel",
    tier: "Tier",
    revenueShare: "Revenue share",
    activation: "Activation",
    channel: "Suggested channel",
    funnel: "Funnel: leads → new customers",
    topCustomers: "Concentration: top 20 customers in the period",
    cumulativeShare: "Cumulative share",
  },
  channels: {
    key_account_manager: "Key-account manager",
    inside_sales: "Inside sales",
    digital_self_service: "Digital self-service",
  },
  value: {
    title: "Customer value (attributes over the 365 days to as of)",
    note: "Attributes are a snapshot taken when the scorecard was built; score and tier are live formulas: change a weight and they follow.",
    customer: "Customer",
    score: "Value score",
    tier: "Tier",
    weight: "Weight",
    direction: "Direction (1 more is better, -1 less)",
    revenueNow: "Revenue in period",
    scoreThreshold: "from value score",
  },
  attributes: {
    volume: "Net sales",
    frequency: "Purchases",
    margin: "Margin",
    breadth: "Product lines",
    tenure: "Tenure (days)",
    serviceCost: "Service cost",
    creditDays: "Credit days",
    daysLate: "Days late",
  },
  forecasts: {
    title: "Revenue forecast to period end: three methods, each tested on past periods",
    method: "Method",
    forecast: "Forecast",
    backtestError: "Backtest error",
    periodError: "Miss, {start}",
    methods: {
      run_rate: "Run rate (pace of the days so far)",
      prior_year: "Prior-year pace (same period a year ago)",
      customer_model: "Customer model (BG/NBD and Gamma-Gamma)",
    },
    actual: "Actual revenue of the period",
    marginPriorYear: "Margin at prior-year pace",
    marginNote:
      "Margin's forecast in the table above is its run rate; this is its prior-year pace beside it.",
    chosenNote:
      "✓ Headline forecast: the lowest backtest error. It sets Revenue's forecast and status above.",
    headline:
      "Headline: {method}. Made again as of the same day of the {periods} periods before this one, it missed their actual revenue by {error} on average ({others}). Backtests were computed at the build; the forecasts are live.",
    other: "{method} {error}",
    noBacktest:
      "Headline: run rate. No period before this one can be backtested yet: a backtest period must start at least 365 days after the first sale and have revenue.",
    untested: "Not tested on every backtest period.",
    priorYearUnavailable:
      "Not available: sales data start after the same period a year ago, or it had no revenue in its first days.",
    backtestSubject: "Backtest errors of the revenue forecasts",
    chartTitle: "Revenue forecast to period end, and each method's backtest error",
  },
  toCall: {
    title:
      "Customers to call: active now, lapsing within 30 days unless they buy (top 20 by revenue expected in the next 90 days)",
    note: "Computed at the build from each customer's purchases and the fitted customer model. Build again to refresh.",
    customer: "Customer",
    lastPurchase: "Last purchase",
    lapseDay: "Lapses on",
    pAlive: "Still a customer",
    expectedRevenue: "Revenue, 90 days",
    none: "No active customer lapses within 30 days.",
    unranked: "Not ranked by expected revenue: {reason}",
    subject: "Customers to call",
    readWithCare:
      "Read this ranking with care: the customer model missed the purchases of the last {days} days by more than 25% (see “Can we trust the customer model?” below).",
  },
  trend: {
    title: "Trend: each indicator over the 8 periods before this one, and this period to date",
    note: "Each past period as the scorecard computes it as of that period's last day. The charts below show each indicator against its own average over these periods (= 100).",
    toDate: "{period} to date",
    periodStart: "Period start",
    periodEnd: "Period end",
    dataBegin: "Sales data begin",
    atBuild: {
      per_customer: "At the build: per-customer sums",
      arguments_too_large: "At the build: arguments over 5 MB",
      past_periods: "At the build: past periods",
      formula_too_long: "At the build: formula over 8,192 characters",
    },
    indexTitle: "For the charts: each indicator ÷ its average over these periods × 100",
    chartTitle: "{stage}: each indicator against its average (= 100)",
    subject: "Trend of the past periods",
  },
  modelCheck: {
    title: "Can we trust the customer model? Its forecasts set against what customers then did",
    holdoutDays: "Holdout: the days to as of (edit to check another span)",
    calibrationEnd: "Models fitted on the purchases up to",
    columns: {
      x: "Repeat purchase days before",
      customers: "Customers",
      actualPurchases: "Purchases each: actual",
      expectedPurchases: "Purchases each: expected",
      actualRevenue: "Revenue each: actual",
      expectedRevenue: "Revenue each: expected",
    },
    many: "7+",
    all: "All",
    sentence:
      "The model expected {expected} purchases in the last {days} days; customers made {actual}: it {direction} by {pct}%.",
    under: "under-forecast",
    over: "over-forecast",
    sentenceNone:
      "The model expected {expected} purchases in the last {days} days; customers made none.",
    care: " More than 25% off: read the customers to call with care.",
    chartTitle: "Purchases per customer in the holdout, by repeat purchase days before it",
    actual: "Actual",
    expected: "Expected (model)",
    subject: "Model check",
  },
  snapshot: {
    legend:
      "Grey italic values were computed when the scorecard was built, not live: build again to refresh them.",
    perCustomer:
      "Computed at the build: it compares each customer's own sums, which no formula keeps live at this table's size. Build again to refresh.",
    argumentsTooLarge:
      "Computed at the build: the function's arguments ({size} MB) are more than Excel on the web passes to a custom function (5 MB). Build again to refresh.",
    formulaTooLong:
      "Computed at the build: a live formula for this table would pass Excel's limits on a formula (8,192 characters, 64 levels of nesting). Build again to refresh.",
    built: "Computed at this build, not live on the sheet (build again to refresh): {parts}.",
  },
};

const ES: Labels = {
  title: "Cuadro de mando SPEC",
  subtitle:
    "Información → Marketing → Ventas → Servicio. Vivo: fórmulas sobre sus tablas. Creado por SPEC Scorecard; al volver a crearlo solo se reemplaza esta hoja.",
  parameters: {
    title: "Parámetros: cambie una celda amarilla y toda la hoja se recalcula",
    asOf: "Fecha de corte",
    period: "Duración del periodo (meses: 1, 3 o 12)",
    periodStart: "Inicio del periodo",
    periodEnd: "Fin del periodo",
    previousStart: "Inicio anterior",
    previousEnd: "Fin anterior",
    beforePreviousStart: "Periodo previo al anterior, inicio",
    beforePreviousEnd: "Periodo previo al anterior, fin",
    daysInPeriod: "Días del periodo",
    elapsedDays: "Días transcurridos",
    window: "Ventana de activación (días)",
    minPurchases: "Mínimo de días de compra",
    minAmount: "Monto neto mínimo",
  },
  periodKinds: { month: "Mes", quarter: "Trimestre", year: "Año" },
  columns: {
    indicator: "Indicador",
    value: "Valor",
    previous: "Anterior",
    change: "Cambio",
    target: "Meta",
    status: "Estado",
    forecast: "Proyección al cierre",
    note: "Nota",
  },
  stages: {
    overview: "Resumen",
    information: "1 · Información",
    marketing: "2 · Marketing",
    sales: "3 · Ventas",
    service: "4 · Servicio",
  },
  statuses: { on_track: "En meta", at_risk: "En riesgo", off_track: "Fuera de meta" },
  reasons: {
    no_margin_column: "No disponible: la tabla de ventas no tiene columna de margen.",
    no_market_table: "No disponible: no hay tabla de Mercado con clientes potenciales.",
    market_potential_zero:
      "No disponible: los clientes potenciales de la tabla de Mercado suman 0.",
    no_leads_table: "No disponible: no hay tabla de Prospectos.",
    no_leads_in_period: "No disponible: no se crearon prospectos en el periodo.",
    no_product_line_column:
      "No disponible: la tabla de ventas no tiene columna de línea de producto.",
    no_buying_customers: "No disponible: ningún cliente compró en el periodo.",
    no_customers_before_period:
      "No disponible: ningún cliente compró en los 365 días previos al periodo.",
    no_customer_base: "No disponible: la base de clientes está vacía.",
    no_revenue_in_period: "No disponible: ningún cliente tiene ventas mayores a 0 en el periodo.",
    model_not_fitted:
      "No disponible: el modelo de clientes necesita al menos 10 clientes con compra, 5 de ellos con otra compra en otro día.",
    no_days_left_in_period:
      "No disponible: la fecha de corte es el último día del periodo, no queda nada por esperar.",
    spend_model_undefined:
      "No disponible: el gasto por compra varía tanto entre clientes que el modelo no da una media (q ≤ 1).",
    period_before_data: "No disponible: el periodo termina antes de la primera venta.",
  },
  breakdowns: {
    bySegment: "Ventas y clientes por segmento",
    segment: "Segmento",
    revenue: "Ventas",
    customers: "Clientes con compra",
    noSegment: "(sin segmento)",
    byLeadSource: "Prospectos por fuente",
    source: "Fuente",
    leads: "Prospectos",
    converted: "Convertidos",
    conversion: "Conversión",
    noSource: "(sin fuente)",
    tiers: "Niveles de valor y canal de servicio",
    tier: "Nivel",
    revenueShare: "Participación en ventas",
    activation: "Activación",
    channel: "Canal sugerido",
    funnel: "Embudo: prospectos → clientes nuevos",
    topCustomers: "Concentración: 20 clientes principales del periodo",
    cumulativeShare: "Participación acumulada",
  },
  channels: {
    key_account_manager: "Ejecutivo de cuenta clave",
    inside_sales: "Ventas internas",
    digital_self_service: "Autoservicio digital",
  },
  value: {
    title: "Valor del cliente (atributos de los 365 días a la fecha de corte)",
    note: "Los atributos son una foto tomada al crear el cuadro; el puntaje y el nivel son fórmulas vivas: cambie un peso y se recalculan.",
    customer: "Cliente",
    score: "Puntaje de valor",
    tier: "Nivel",
    weight: "Peso",
    direction: "Dirección (1 más es mejor, -1 menos)",
    revenueNow: "Ventas del periodo",
    scoreThreshold: "desde puntaje",
  },
  attributes: {
    volume: "Ventas netas",
    frequency: "Compras",
    margin: "Margen",
    breadth: "Líneas de producto",
    tenure: "Antigüedad (días)",
    serviceCost: "Costo de servicio",
    creditDays: "Días de crédito",
    daysLate: "Días de atraso",
  },
  forecasts: {
    title: "Proyección de ventas al cierre: tres métodos, cada uno probado en periodos pasados",
    method: "Método",
    forecast: "Proyección",
    backtestError: "Error en prueba",
    periodError: "Desvío, {start}",
    methods: {
      run_rate: "Ritmo actual (ritmo de los días transcurridos)",
      prior_year: "Ritmo del año anterior (mismo periodo hace un año)",
      customer_model: "Modelo de clientes (BG/NBD y Gamma-Gamma)",
    },
    actual: "Ventas reales del periodo",
    marginPriorYear: "Margen al ritmo del año anterior",
    marginNote:
      "La proyección del margen en la tabla de arriba es su ritmo actual; esta es su proyección al ritmo del año anterior.",
    chosenNote:
      "✓ Proyección principal: el menor error en prueba. Define la proyección y el estado de Ventas arriba.",
    headline:
      "Principal: {method}. Rehecha a la misma fecha de los {periods} periodos anteriores, se desvió de sus ventas reales un {error} en promedio ({others}). Las pruebas se calcularon al crear el cuadro; las proyecciones son vivas.",
    other: "{method} {error}",
    noBacktest:
      "Principal: ritmo actual. Aún no se puede probar ningún periodo anterior: debe empezar al menos 365 días después de la primera venta y tener ventas.",
    untested: "No se probó en todos los periodos de prueba.",
    priorYearUnavailable:
      "No disponible: los datos de ventas empiezan después del mismo periodo del año anterior, o este no tuvo ventas en sus primeros días.",
    backtestSubject: "Errores en prueba de las proyecciones de ventas",
    chartTitle: "Proyección de ventas al cierre y error en prueba de cada método",
  },
  toCall: {
    title:
      "Clientes a llamar: activos hoy, dejan de estarlo en 30 días si no compran (20 con más ventas esperadas en 90 días)",
    note: "Calculado al crear el cuadro con las compras de cada cliente y el modelo de clientes ajustado. Vuelva a crearlo para actualizarlo.",
    customer: "Cliente",
    lastPurchase: "Última compra",
    lapseDay: "Inactivo desde",
    pAlive: "Sigue cliente",
    expectedRevenue: "Ventas, 90 días",
    none: "Ningún cliente activo deja de estarlo en los próximos 30 días.",
    unranked: "Sin ordenar por ventas esperadas: {reason}",
    subject: "Clientes a llamar",
    readWithCare:
      "Lea este orden con cuidado: el modelo de clientes se desvió más de un 25 % de las compras de los últimos {days} días (vea «¿Podemos confiar en el modelo de clientes?» abajo).",
  },
  trend: {
    title: "Tendencia: cada indicador en los 8 periodos anteriores y en el actual a la fecha",
    note: "Cada periodo pasado como lo calcula el cuadro a su último día. Los gráficos de abajo muestran cada indicador frente a su propio promedio en estos periodos (= 100).",
    toDate: "{period} a la fecha",
    periodStart: "Inicio del periodo",
    periodEnd: "Fin del periodo",
    dataBegin: "Inicio de los datos de ventas",
    atBuild: {
      per_customer: "Al crear: sumas por cliente",
      arguments_too_large: "Al crear: argumentos de más de 5 MB",
      past_periods: "Al crear: periodos pasados",
      formula_too_long: "Al crear: fórmula de más de 8.192 caracteres",
    },
    indexTitle: "Para los gráficos: cada indicador ÷ su promedio en estos periodos × 100",
    chartTitle: "{stage}: cada indicador frente a su promedio (= 100)",
    subject: "Tendencia de los periodos pasados",
  },
  modelCheck: {
    title:
      "¿Podemos confiar en el modelo de clientes? Sus pronósticos frente a lo que los clientes hicieron después",
    holdoutDays: "Periodo de prueba: días hasta la fecha de corte (edítelo)",
    calibrationEnd: "Modelos ajustados con las compras hasta",
    columns: {
      x: "Días de recompra antes",
      customers: "Clientes",
      actualPurchases: "Compras por cliente: reales",
      expectedPurchases: "Compras por cliente: esperadas",
      actualRevenue: "Ventas por cliente: reales",
      expectedRevenue: "Ventas por cliente: esperadas",
    },
    many: "7+",
    all: "Todos",
    sentence:
      "El modelo esperaba {expected} compras en los últimos {days} días; los clientes hicieron {actual}: {direction} un {pct} %.",
    under: "se quedó corto en",
    over: "se excedió en",
    sentenceNone:
      "El modelo esperaba {expected} compras en los últimos {days} días; los clientes no hicieron ninguna.",
    care: " Desvío de más del 25 %: lea con cuidado los clientes a llamar.",
    chartTitle: "Compras por cliente en el periodo de prueba, según días de recompra antes de él",
    actual: "Reales",
    expected: "Esperadas (modelo)",
    subject: "Prueba del modelo",
  },
  snapshot: {
    legend:
      "Los valores en gris y cursiva se calcularon al crear el cuadro, no en vivo: vuelva a crearlo para actualizarlos.",
    perCustomer:
      "Calculado al crear el cuadro: compara las sumas de cada cliente, que ninguna fórmula mantiene en vivo con una tabla de este tamaño. Vuelva a crearlo para actualizarlo.",
    argumentsTooLarge:
      "Calculado al crear el cuadro: los argumentos de la función ({size} MB) superan lo que Excel en la Web entrega a una función personalizada (5 MB). Vuelva a crearlo para actualizarlo.",
    formulaTooLong:
      "Calculado al crear el cuadro: una fórmula en vivo para esta tabla superaría los límites de Excel para una fórmula (8.192 caracteres, 64 niveles de anidamiento). Vuelva a crearlo para actualizarlo.",
    built:
      "Calculado al crear el cuadro, no en vivo en la hoja (vuelva a crearlo para actualizarlo): {parts}.",
  },
};

export const LABELS: Record<Language, Labels> = { en: EN, es: ES };
