import * as React from "react";
import {
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PERIOD_KINDS, PeriodKind } from "../../engine/period";
import { VALUE_ATTRIBUTES } from "../../engine/valueTiers";
import { FormStepProps } from "./wizardForm";

const useStyles = makeStyles({
  // Fluent's Dropdown is at least 250px wide; in a narrow pane's grid it must shrink.
  compact: { minWidth: "0", width: "100%" },
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  attributes: {
    display: "grid",
    gridTemplateColumns: "2fr 1fr 2fr",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
});

/** Step 2: as of, period, the activation definition, tiers, the value attributes. */
export function DefinitionsStep({
  text,
  labels,
  form,
  errors,
  onChange,
}: FormStepProps): React.JSX.Element {
  const styles = useStyles();
  const field = (
    key: "window" | "minPurchases" | "minAmount" | "tierA" | "tierB",
    label: string
  ): React.JSX.Element => (
    <Field
      label={label}
      validationMessage={errors[key]}
      validationState={errors[key] ? "error" : "none"}
    >
      <Input
        inputMode="decimal"
        value={form[key]}
        onChange={(_e, d) => onChange({ ...form, [key]: d.value })}
      />
    </Field>
  );
  return (
    <div>
      <div className={styles.grid}>
        <Field
          label={text.asOf}
          hint={text.asOfHint}
          validationMessage={errors.asOf}
          validationState={errors.asOf ? "error" : "none"}
        >
          <Input
            type="date"
            value={form.asOf}
            onChange={(_e, d) => onChange({ ...form, asOf: d.value })}
          />
        </Field>
        <Field label={text.period}>
          <RadioGroup
            value={form.period}
            onChange={(_e, d) => onChange({ ...form, period: d.value as PeriodKind })}
          >
            {PERIOD_KINDS.map((k) => (
              <Radio key={k} value={k} label={labels.periodKinds[k]} />
            ))}
          </RadioGroup>
        </Field>
        {field("window", text.window)}
        {field("minPurchases", text.minPurchases)}
        {field("minAmount", text.minAmount)}
        <span />
        {field("tierA", text.tierA)}
        {field("tierB", text.tierB)}
      </div>
      <Subtitle2 as="h3">{text.valueAttributes}</Subtitle2>
      <ValueAttributes
        text={text}
        labels={labels}
        form={form}
        errors={errors}
        onChange={onChange}
      />
    </div>
  );
}

/** Each value attribute's weight and direction. */
function ValueAttributes({
  text,
  labels,
  form,
  errors,
  onChange,
}: FormStepProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.attributes}>
      {VALUE_ATTRIBUTES.map((a) => (
        <React.Fragment key={a}>
          <span>{labels.attributes[a]}</span>
          <Field
            label={text.weight}
            size="small"
            validationMessage={errors[`weight.${a}`]}
            validationState={errors[`weight.${a}`] ? "error" : "none"}
          >
            <Input
              size="small"
              inputMode="decimal"
              aria-label={`${labels.attributes[a]}: ${text.weight}`}
              value={form.weights[a]}
              onChange={(_e, d) =>
                onChange({ ...form, weights: { ...form.weights, [a]: d.value } })
              }
            />
          </Field>
          <Field label={text.direction} size="small">
            <Dropdown
              className={styles.compact}
              size="small"
              aria-label={`${labels.attributes[a]}: ${text.direction}`}
              value={form.directions[a] === 1 ? text.moreIsBetter : text.lessIsBetter}
              selectedOptions={[String(form.directions[a])]}
              onOptionSelect={(_e, d) =>
                onChange({
                  ...form,
                  directions: { ...form.directions, [a]: d.optionValue === "-1" ? -1 : 1 },
                })
              }
            >
              <Option value="1">{text.moreIsBetter}</Option>
              <Option value="-1">{text.lessIsBetter}</Option>
            </Dropdown>
          </Field>
        </React.Fragment>
      ))}
    </div>
  );
}
