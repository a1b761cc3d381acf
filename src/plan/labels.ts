/** Every word the scorecard shows, in English and Spanish. */
import { IndicatorId, Stage } from "../engine/indicatorCatalog";
import { Reason } from "../engine/indicators";
import { PeriodKind } from "../engine/period";
import { Channel } from "../engine/scorecard";
import { Status } from "../engine/status";
import { ValueAttribute } from "../engine/valueTiers";

export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Labels {
  readonly title: string;
  readonly subtitle: string;
  readonly parameters: {
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
  readonly indicators: Record<IndicatorId, string>;
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
  /** Values computed at the build instead of live formulas: the legend and why, per cell. */
  readonly snapshot: {
    readonly legend: string;
    readonly perCustomer: string;
    /** {size}: the call's arguments in MB. */
    readonly argumentsTooLarge: string;
    /** What the command line and the task pane say after a build: {parts} lists them. */
    readonly built: string;
  };
}

const EN: Labels = {
  title: "SPEC Scorecard",
  subtitle: "Information → Marketing → Sales → Service. Live: formulas over your tables. Built by SPEC Scorecard; building again replaces this sheet only.",
  parameters: {
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
  columns: { indicator: "Indicator", value: "Value", previous: "Previous", change: "Change", target: "Target", status: "Status", forecast: "Forecast to period end", note: "Note" },
  stages: { overview: "Overview", information: "1 · Information", marketing: "2 · Marketing", sales: "3 · Sales", service: "4 · Service" },
  indicators: {
    revenue: "Revenue",
    margin: "Margin",
    "info.customers_buying": "Customers buying",
    "info.revenue_per_customer": "Revenue per buying customer",
    "info.penetration": "Market penetration (365 days)",
    "mkt.leads": "Leads created",
    "mkt.lead_conversion": "Lead conversion",
    "sales.new_customers": "New customers",
    "sales.repeat_customers": "Repeat customers",
    "sales.repeat_rate": "Repeat rate (buyers of the prior 365 days)",
    "sales.upsell_customers": "Customers buying more (upsell)",
    "sales.upsell_revenue": "Upsell revenue",
    "sales.cross_sell_customers": "Customers buying a new line (cross-sell)",
    "svc.activation_rate": "Activation rate",
    "svc.top20_share": "Revenue share of top 20% customers",
    "svc.hhi": "Concentration index (HHI)",
    "svc.pareto_customers": "Customers making 80% of revenue",
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
    no_customers_before_period: "Not available: no customer bought in the 365 days before the period.",
    no_customer_base: "Not available: the customer base is empty.",
    no_revenue_in_period: "Not available: no customer has revenue above 0 in the period.",
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
  channels: { key_account_manager: "Key-account manager", inside_sales: "Inside sales", digital_self_service: "Digital self-service" },
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
  snapshot: {
    legend: "Grey italic values were computed when the scorecard was built, not live: build again to refresh them.",
    perCustomer: "Computed at the build: it compares each customer's own sums, which no formula keeps live at this table's size. Build again to refresh.",
    argumentsTooLarge: "Computed at the build: the function's arguments ({size} MB) are more than Excel on the web passes to a custom function (5 MB). Build again to refresh.",
    built: "Computed at this build, not live on the sheet (build again to refresh): {parts}.",
  },
};

const ES: Labels = {
  title: "Cuadro de mando SPEC",
  subtitle: "Información → Marketing → Ventas → Servicio. Vivo: fórmulas sobre sus tablas. Creado por SPEC Scorecard; al volver a crearlo solo se reemplaza esta hoja.",
  parameters: {
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
  columns: { indicator: "Indicador", value: "Valor", previous: "Anterior", change: "Cambio", target: "Meta", status: "Estado", forecast: "Proyección al cierre", note: "Nota" },
  stages: { overview: "Resumen", information: "1 · Información", marketing: "2 · Marketing", sales: "3 · Ventas", service: "4 · Servicio" },
  indicators: {
    revenue: "Ventas",
    margin: "Margen",
    "info.customers_buying": "Clientes con compra",
    "info.revenue_per_customer": "Venta por cliente con compra",
    "info.penetration": "Penetración de mercado (365 días)",
    "mkt.leads": "Prospectos creados",
    "mkt.lead_conversion": "Conversión de prospectos",
    "sales.new_customers": "Clientes nuevos",
    "sales.repeat_customers": "Clientes recurrentes",
    "sales.repeat_rate": "Tasa de recompra (compradores de los 365 días previos)",
    "sales.upsell_customers": "Clientes que compran más (upselling)",
    "sales.upsell_revenue": "Ventas por upselling",
    "sales.cross_sell_customers": "Clientes que compran una línea nueva (venta cruzada)",
    "svc.activation_rate": "Tasa de activación",
    "svc.top20_share": "Participación del 20% de clientes principales",
    "svc.hhi": "Índice de concentración (HHI)",
    "svc.pareto_customers": "Clientes que suman el 80% de las ventas",
  },
  statuses: { on_track: "En meta", at_risk: "En riesgo", off_track: "Fuera de meta" },
  reasons: {
    no_margin_column: "No disponible: la tabla de ventas no tiene columna de margen.",
    no_market_table: "No disponible: no hay tabla de Mercado con clientes potenciales.",
    market_potential_zero: "No disponible: los clientes potenciales de la tabla de Mercado suman 0.",
    no_leads_table: "No disponible: no hay tabla de Prospectos.",
    no_leads_in_period: "No disponible: no se crearon prospectos en el periodo.",
    no_product_line_column: "No disponible: la tabla de ventas no tiene columna de línea de producto.",
    no_buying_customers: "No disponible: ningún cliente compró en el periodo.",
    no_customers_before_period: "No disponible: ningún cliente compró en los 365 días previos al periodo.",
    no_customer_base: "No disponible: la base de clientes está vacía.",
    no_revenue_in_period: "No disponible: ningún cliente tiene ventas mayores a 0 en el periodo.",
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
  channels: { key_account_manager: "Ejecutivo de cuenta clave", inside_sales: "Ventas internas", digital_self_service: "Autoservicio digital" },
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
  snapshot: {
    legend: "Los valores en gris y cursiva se calcularon al crear el cuadro, no en vivo: vuelva a crearlo para actualizarlos.",
    perCustomer: "Calculado al crear el cuadro: compara las sumas de cada cliente, que ninguna fórmula mantiene en vivo con una tabla de este tamaño. Vuelva a crearlo para actualizarlo.",
    argumentsTooLarge: "Calculado al crear el cuadro: los argumentos de la función ({size} MB) superan lo que Excel en la Web entrega a una función personalizada (5 MB). Vuelva a crearlo para actualizarlo.",
    built: "Calculado al crear el cuadro, no en vivo en la hoja (vuelva a crearlo para actualizarlo): {parts}.",
  },
};

export const LABELS: Record<Language, Labels> = { en: EN, es: ES };
