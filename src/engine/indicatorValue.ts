/** An indicator's value, or the reason it has none. */

/** Why an indicator has no value; the labels module words it in each language. */
export type Reason =
  | "no_margin_column"
  | "no_market_table"
  | "market_potential_zero"
  | "no_leads_table"
  | "no_leads_in_period"
  | "no_product_line_column"
  | "no_buying_customers"
  | "no_customers_before_period"
  | "no_customer_base"
  | "no_revenue_in_period"
  | "model_not_fitted"
  | "no_days_left_in_period"
  | "spend_model_undefined"
  | "period_before_data";

export interface IndicatorValue {
  readonly value: number | null;
  readonly reason: Reason | null;
}

export const some = (value: number): IndicatorValue => ({ value, reason: null });
export const none = (reason: Reason): IndicatorValue => ({ value: null, reason });

/** `numerator ÷ denominator`, or `reason` when the denominator is 0. */
export const ratio = (numerator: number, denominator: number, reason: Reason): IndicatorValue =>
  denominator === 0 ? none(reason) : some(numerator / denominator);
