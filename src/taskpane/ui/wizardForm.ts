/** The wizard's fields as typed, and the scorecard settings they make (or what to fix). */
import { isoDateToSerial } from "../../core/cells";
import { INDICATORS, IndicatorId } from "../../engine/indicatorCatalog";
import { PeriodKind } from "../../engine/period";
import { DEFAULT_SETTINGS, ScorecardSettings } from "../../engine/scorecard";
import { DEFAULT_DIRECTIONS, VALUE_ATTRIBUTES, ValueAttribute } from "../../engine/valueTiers";
import { Labels } from "../../plan/labels";
import { UiText } from "./uiText";

export interface WizardForm {
  readonly asOf: string;
  readonly period: PeriodKind;
  readonly window: string;
  readonly minPurchases: string;
  readonly minAmount: string;
  readonly tierA: string;
  readonly tierB: string;
  readonly weights: Readonly<Record<ValueAttribute, string>>;
  readonly directions: Readonly<Record<ValueAttribute, 1 | -1>>;
  /** Targets as typed; percent indicators in %. */
  readonly targets: Readonly<Partial<Record<IndicatorId, string>>>;
}

export const INITIAL_FORM: WizardForm = {
  asOf: "",
  period: DEFAULT_SETTINGS.period,
  window: String(DEFAULT_SETTINGS.activation.windowDays),
  minPurchases: String(DEFAULT_SETTINGS.activation.minPurchases),
  minAmount: String(DEFAULT_SETTINGS.activation.minAmount),
  tierA: "20",
  tierB: "30",
  weights: Object.fromEntries(VALUE_ATTRIBUTES.map((a) => [a, "1"])) as Record<
    ValueAttribute,
    string
  >,
  directions: { ...DEFAULT_DIRECTIONS },
  targets: {},
};

/** Field name → what to fix. */
export type FormErrors = Partial<Record<string, string>>;

export function settingsOf(
  form: WizardForm,
  text: UiText
): { settings: ScorecardSettings | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const number = (field: string, raw: string, min: number, whole: boolean): number => {
    const n = Number(raw.trim().replace(",", "."));
    if (raw.trim() === "" || !Number.isFinite(n) || n < min || (whole && !Number.isInteger(n))) {
      errors[field] = whole ? text.wholeNumber(min) : text.numberAtLeast(min);
      return NaN;
    }
    return n;
  };
  let asOf: number | null = null;
  if (form.asOf.trim() !== "") {
    asOf = isoDateToSerial(form.asOf.trim());
    if (asOf < 1) errors.asOf = "YYYY-MM-DD";
  }
  const windowDays = number("window", form.window, 1, true);
  const minPurchases = number("minPurchases", form.minPurchases, 1, true);
  const minAmount = number("minAmount", form.minAmount, 0, false);
  const a = number("tierA", form.tierA, 0, false) / 100;
  const b = number("tierB", form.tierB, 0, false) / 100;
  if (a + b > 1) errors.tierB = text.numberAtLeast(0) + " (A + B ≤ 100)";
  const weights: Partial<Record<ValueAttribute, number>> = {};
  for (const attribute of VALUE_ATTRIBUTES)
    weights[attribute] = number(`weight.${attribute}`, form.weights[attribute], 0, false);
  const targets: Partial<Record<IndicatorId, number>> = {};
  for (const info of INDICATORS) {
    const raw = form.targets[info.id]?.trim() ?? "";
    if (raw === "") continue;
    const n = Number(raw.replace(",", "."));
    if (!Number.isFinite(n)) {
      errors[`target.${info.id}`] = text.numberAtLeast(0);
      continue;
    }
    targets[info.id] = info.format === "percent" ? n / 100 : n;
  }
  if (Object.keys(errors).length > 0) return { settings: null, errors };
  return {
    settings: {
      asOf,
      period: form.period,
      activation: { windowDays, minPurchases, minAmount },
      value: { weights, directions: { ...form.directions }, tierShares: { a, b } },
      targets,
    },
    errors,
  };
}

/** What the form's steps (definitions, targets) are given. */
export interface FormStepProps {
  readonly text: UiText;
  readonly labels: Labels;
  readonly form: WizardForm;
  readonly errors: FormErrors;
  readonly onChange: (form: WizardForm) => void;
}
