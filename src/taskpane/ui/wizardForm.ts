/** The wizard's fields as typed, the scorecard settings they make, and what to fix where. */
import { isoDateToSerial, serialToIso } from "../../core/cells";
import { Language } from "../../core/language";
import { numberText } from "../../core/numberText";
import { INDICATORS, IndicatorId } from "../../engine/indicatorCatalog";
import { PeriodKind } from "../../engine/period";
import { DEFAULT_SETTINGS, ScorecardSettings } from "../../engine/scorecard";
import { DEFAULT_DIRECTIONS, VALUE_ATTRIBUTES, ValueAttribute } from "../../engine/valueTiers";
import { Labels } from "../../plan/labels";
import { readNumber, readTarget, targetText } from "./targetText";
import { UiText } from "./uiText";

export const STEPS = ["data", "definitions", "targets", "build"] as const;
export type Step = (typeof STEPS)[number];

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
  /** Targets as typed (`80 %`, `0,8`, `250.000`), read by targetText.ts. */
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

/** Stored settings as the fields show them, in the pane's language. */
export function formOf(settings: ScorecardSettings, language: Language): WizardForm {
  const plain = (n: number): string => numberText(n, language, 10);
  const percent = (share: number): string => plain(Number((share * 100).toPrecision(12)));
  const targets: Partial<Record<IndicatorId, string>> = {};
  for (const info of INDICATORS) {
    const value = settings.targets[info.id];
    if (value !== undefined) targets[info.id] = targetText(value, info.format, language);
  }
  return {
    asOf: settings.asOf === null ? "" : serialToIso(settings.asOf),
    period: settings.period,
    window: String(settings.activation.windowDays),
    minPurchases: String(settings.activation.minPurchases),
    minAmount: plain(settings.activation.minAmount),
    tierA: percent(settings.value.tierShares.a),
    tierB: percent(settings.value.tierShares.b),
    weights: Object.fromEntries(
      VALUE_ATTRIBUTES.map((a) => [a, plain(settings.value.weights[a] ?? 1)])
    ) as Record<ValueAttribute, string>,
    directions: { ...DEFAULT_DIRECTIONS, ...settings.value.directions },
    targets,
  };
}

/** Field name → what to fix. */
export type FormErrors = Partial<Record<string, string>>;

/** The element id of a field, for its label and for the links that take the analyst to it. */
export const fieldId = (field: string): string =>
  `spec-field-${field.replace(/[^A-Za-z0-9]+/g, "-")}`;

export function settingsOf(
  form: WizardForm,
  text: UiText,
  language: Language
): { settings: ScorecardSettings | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const number = (field: string, raw: string, min: number, whole: boolean): number => {
    const n = readNumber(raw.trim(), language);
    if (!Number.isFinite(n) || n < min || (whole && !Number.isInteger(n))) {
      errors[field] = whole ? text.wholeNumber(min) : text.numberAtLeast(min);
      return NaN;
    }
    return n;
  };
  let asOf: number | null = null;
  if (form.asOf.trim() !== "") {
    asOf = isoDateToSerial(form.asOf.trim());
    if (asOf < 1) errors.asOf = text.dateNeeded;
  }
  const windowDays = number("window", form.window, 1, true);
  const minPurchases = number("minPurchases", form.minPurchases, 1, true);
  const minAmount = number("minAmount", form.minAmount, 0, false);
  const a = number("tierA", form.tierA, 0, false) / 100;
  const b = number("tierB", form.tierB, 0, false) / 100;
  if (a + b > 1) errors.tierB = text.tiersTooBig;
  const weights: Partial<Record<ValueAttribute, number>> = {};
  for (const attribute of VALUE_ATTRIBUTES)
    weights[attribute] = number(`weight.${attribute}`, form.weights[attribute], 0, false);
  const targets: Partial<Record<IndicatorId, number>> = {};
  for (const info of INDICATORS) {
    const reading = readTarget(form.targets[info.id] ?? "", info.format, language);
    if (reading.kind === "read") targets[info.id] = reading.value;
    else if (reading.kind === "unreadable")
      errors[`target.${info.id}`] =
        reading.why === "percent" ? text.targetNotPercent : text.targetUnreadable(info.format);
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

/** Something to fix before building: where (step and field), what it is called, and what to do. */
export interface Problem {
  readonly step: Step;
  /** The element to focus (fieldId). */
  readonly target: string;
  readonly label: string;
  readonly message: string;
}

/** The form's errors as problems, in the order of the steps and fields. */
export function formProblems(
  errors: FormErrors,
  text: UiText,
  labels: Labels,
  language: Language
): Problem[] {
  const problems: Problem[] = [];
  const add = (step: Step, field: string, label: string): void => {
    const message = errors[field];
    if (message !== undefined) problems.push({ step, target: fieldId(field), label, message });
  };
  add("definitions", "asOf", text.asOf);
  add("definitions", "window", text.window);
  add("definitions", "minPurchases", text.minPurchases);
  add("definitions", "minAmount", text.minAmount);
  add("definitions", "tierA", text.tierA);
  add("definitions", "tierB", text.tierB);
  for (const a of VALUE_ATTRIBUTES)
    add("definitions", `weight.${a}`, `${labels.attributes[a]}: ${text.weight}`);
  for (const info of INDICATORS) add("targets", `target.${info.id}`, info.words[language]);
  return problems;
}

/** What the form steps (definitions, targets) are given. */
export interface FormStepProps {
  readonly text: UiText;
  readonly labels: Labels;
  readonly form: WizardForm;
  readonly errors: FormErrors;
  readonly onChange: (form: WizardForm) => void;
}
