/*
 * Excel's custom functions, namespace SPEC (set in manifest.xml). Each is a thin adapter over
 * src/core/sheetFunctions.ts: it hands Excel's arguments over as they come and turns a SpecError
 * into the Excel error it names. custom-functions-metadata-plugin builds functions.json from
 * the JSDoc below and adds the CustomFunctions.associate calls.
 *
 * Parameter types are `any` because the metadata generator requires them to match the JSDoc types.
 */
import {
  activationRateOfCells,
  concentrationOfCells,
  customerForecastOfCells,
  customerValueOfCells,
  forecastModelOfCells,
  modelCheckOfCells,
} from "../core/sheetFunctions";
import { toExcelResult } from "./excelErrors";

/**
 * Share of the customer base that is active: customers with enough purchase days (and, with amounts, enough net sales) in the window ending at as_of.
 * @customfunction ACTIVATION_RATE
 * @helpurl https://localhost:3000/help.html#activation_rate
 * @param {any[][]} customers Customer id of each sales row (one column or one row), e.g. Sales[Customer].
 * @param {any[][]} dates Date of each sales row, same size as customers.
 * @param {any[][]} [amounts] Amount of each row; a row with amount above 0 is a purchase, returns reduce net sales. Omitted: every row is a purchase.
 * @param {any} [as_of] Last day counted. Default: the latest date in dates.
 * @param {any} [window_days] Days in the window ending at as_of. Default 90.
 * @param {any} [min_purchases] Distinct purchase days needed in the window to be active. Default 1.
 * @param {any} [min_amount] Net sales needed in the window to be active (with amounts). Default 0.
 * @param {any[][]} [base] The customer base, e.g. Customers[ID]. Default: every customer with a row on or before as_of.
 * @returns {number} Active customers ÷ customer base, a fraction.
 */
export function activationRate(
  customers: any[][],
  dates: any[][],
  amounts?: any[][],
  as_of?: any,
  window_days?: any,
  min_purchases?: any,
  min_amount?: any,
  base?: any[][]
): number {
  return toExcelResult(() =>
    activationRateOfCells(
      customers,
      dates,
      amounts,
      as_of,
      window_days,
      min_purchases,
      min_amount,
      base
    )
  );
}

/**
 * How concentrated sales are in few customers: top share, HHI, Gini or the Pareto count.
 * @customfunction CONCENTRATION
 * @helpurl https://localhost:3000/help.html#concentration
 * @param {any[][]} amounts Amounts (one column or one row). Without customers each amount is one customer's total.
 * @param {any[][]} [customers] Customer id of each amount, same size; each customer's amounts are added up first.
 * @param {any} [measure] TOP_PCT (default), TOP_N, HHI, GINI or PARETO.
 * @param {any} [n] TOP_PCT: percent of customers (20). TOP_N: number of customers (10). PARETO: percent of sales (80).
 * @returns {number} The measure: a share for TOP_PCT and TOP_N, 0–10,000 for HHI, 0–1 for GINI, a count for PARETO.
 */
export function concentrationMeasure(
  amounts: any[][],
  customers?: any[][],
  measure?: any,
  n?: any
): number {
  return toExcelResult(() => concentrationOfCells(amounts, customers, measure, n));
}

/**
 * A 0–100 value score for each customer row, relative to the portfolio, from weighted attributes. Spills one column.
 * @customfunction CUSTOMER_VALUE
 * @helpurl https://localhost:3000/help.html#customer_value
 * @param {any[][]} attributes One row per customer, one column per attribute (volume, frequency, margin, tenure, service cost...).
 * @param {any[][]} [weights] One weight ≥ 0 per attribute column. Default: all 1.
 * @param {any[][]} [directions] One per attribute: 1 where more is better, -1 where less is better. Default: all 1.
 * @param {any} [method] RANK (default) or MINMAX.
 * @returns {any[][]} One score per row, blank where a row has nothing to score.
 */
export function customerValue(
  attributes: any[][],
  weights?: any[][],
  directions?: any[][],
  method?: any
): any[][] {
  return toExcelResult(() => customerValueOfCells(attributes, weights, directions, method));
}

/**
 * Each customer's future from the purchase history: repeat purchases, recency and age, the probability of still being a customer, and the purchases, spend per purchase and revenue expected in the horizon (BG/NBD and Gamma-Gamma models). Spills a header row and one row per customer.
 * @customfunction CUSTOMER_FORECAST
 * @helpurl https://localhost:3000/help.html#customer_forecast
 * @param {any[][]} customers Customer id of each sales row (one column or one row), e.g. Sales[Customer].
 * @param {any[][]} dates Date of each sales row, same size as customers.
 * @param {any[][]} [amounts] Amount of each row: a purchase is above 0, and the spend model needs them. Omitted: every row is a purchase and there is no spend forecast.
 * @param {any} [as_of] Last day of the history the models learn from. Default: the latest date in dates.
 * @param {any} [horizon_days] Days ahead to forecast. Default 90.
 * @returns {any[][]} customer, repeat_purchases, recency_days, age_days, p_alive, expected_purchases, expected_value, expected_revenue.
 */
export function customerForecast(
  customers: any[][],
  dates: any[][],
  amounts?: any[][],
  as_of?: any,
  horizon_days?: any
): any[][] {
  return toExcelResult(() =>
    customerForecastOfCells(customers, dates, amounts, as_of, horizon_days)
  );
}

/**
 * The fitted customer models: the BG/NBD parameters (r, alpha in days, a, b) and the Gamma-Gamma parameters (p, q, gamma), with their log-likelihoods and the customers they were fitted on. Spills two columns, name and value.
 * @customfunction FORECAST_MODEL
 * @helpurl https://localhost:3000/help.html#forecast_model
 * @param {any[][]} customers Customer id of each sales row (one column or one row), e.g. Sales[Customer].
 * @param {any[][]} dates Date of each sales row, same size as customers.
 * @param {any[][]} [amounts] Amount of each row; needed for the Gamma-Gamma spend model. Omitted: every row is a purchase.
 * @param {any} [as_of] Last day of the history the models learn from. Default: the latest date in dates.
 * @returns {any[][]} Name and value of each parameter: r, alpha, a, b, bgnbd_log_likelihood, p, q, gamma, gamma_gamma_log_likelihood, customers, repeat_customers.
 */
export function forecastModel(
  customers: any[][],
  dates: any[][],
  amounts?: any[][],
  as_of?: any
): any[][] {
  return toExcelResult(() => forecastModelOfCells(customers, dates, amounts, as_of));
}

/**
 * How well the customer models predict on your own data: fitted on the purchases up to calibration_end, their expected purchases and revenue in the holdout after it against what the customers then did, as means per customer by repeat purchases in the calibration. Spills a header row, rows for 0 to 6 and 7+ repeat purchases, and a row for all.
 * @customfunction MODEL_CHECK
 * @helpurl https://localhost:3000/help.html#model_check
 * @param {any[][]} customers Customer id of each sales row (one column or one row), e.g. Sales[Customer].
 * @param {any[][]} dates Date of each sales row, same size as customers.
 * @param {any[][]} [amounts] Amount of each row: a purchase is above 0; the revenue columns need them. Omitted: every row is a purchase and the revenue columns are blank.
 * @param {any} [calibration_end] Required: the last day the models learn from; the holdout starts the day after. E.g. 90 days before the latest date.
 * @param {any} [holdout_end] Last day of the holdout the predictions are checked on. Default: the latest date in dates.
 * @returns {any[][]} calibration_purchases, customers, actual_purchases, expected_purchases, actual_revenue, expected_revenue.
 */
export function modelCheck(
  customers: any[][],
  dates: any[][],
  amounts?: any[][],
  calibration_end?: any,
  holdout_end?: any
): any[][] {
  // calibration_end is required, but Excel refuses an add-in whose required argument follows an
  // optional one (amounts), so it is optional here and its absence is a #VALUE! with a message.
  return toExcelResult(() =>
    modelCheckOfCells(customers, dates, amounts, calibration_end, holdout_end)
  );
}
