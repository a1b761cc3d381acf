import * as React from "react";
import {
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PERIOD_KINDS, PeriodKind } from "../../engine/period";
import { VALUE_ATTRIBUTES } from "../../engine/valueTiers";
import { FormStepProps, fieldId } from "./wizardForm";

const useStyles = makeStyles({
  // One column in a narrow pane, two where there is room.
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 14rem), 1fr))",
    gap: tokens.spacingHorizontalM,
    alignItems: "start",
  },
  attributes: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 3.25rem minmax(0, 8.5rem)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  head: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  name: { overflowWrap: "break-word", minWidth: "0" },
  narrow: { minWidth: "0", width: "100%" },
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
        id={fieldId(key)}
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
            id={fieldId("asOf")}
            type="date"
            value={form.asOf}
            onChange={(_e, d) => onChange({ ...form, asOf: d.value })}
          />
        </Field>
        <Field label={text.period}>
          <RadioGroup
            id={fieldId("period")}
            value={form.period}
            layout="horizontal"
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
        {field("tierA", text.tierA)}
        {field("tierB", text.tierB)}
      </div>
      <Subtitle2 as="h2">{text.valueAttributes}</Subtitle2>
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

/** Each value attribute's weight and direction: one row each, under one pair of column heads. */
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
      {/* Column heads for the eye; each field carries its own full label. */}
      <span aria-hidden="true" />
      <span aria-hidden="true" className={styles.head}>
        {text.weight}
      </span>
      <span aria-hidden="true" className={styles.head}>
        {text.direction}
      </span>
      {VALUE_ATTRIBUTES.map((a) => (
        <React.Fragment key={a}>
          <span className={styles.name}>{labels.attributes[a]}</span>
          <Field
            size="small"
            validationMessage={errors[`weight.${a}`]}
            validationState={errors[`weight.${a}`] ? "error" : "none"}
          >
            <Input
              id={fieldId(`weight.${a}`)}
              className={styles.narrow}
              size="small"
              inputMode="decimal"
              aria-label={`${labels.attributes[a]}: ${text.weight}`}
              value={form.weights[a]}
              onChange={(_e, d) =>
                onChange({ ...form, weights: { ...form.weights, [a]: d.value } })
              }
            />
          </Field>
          <Select
            className={styles.narrow}
            size="small"
            aria-label={`${labels.attributes[a]}: ${text.direction}`}
            value={String(form.directions[a])}
            onChange={(_e, d) =>
              onChange({
                ...form,
                directions: { ...form.directions, [a]: d.value === "-1" ? -1 : 1 },
              })
            }
          >
            <option value="1">{text.moreIsBetter}</option>
            <option value="-1">{text.lessIsBetter}</option>
          </Select>
        </React.Fragment>
      ))}
    </div>
  );
}
