import * as React from "react";
import { Caption1, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { Language } from "../../core/language";
import { INDICATORS } from "../../engine/indicatorCatalog";
import { STAGES } from "../../engine/indicatorDefinition";
import { FormStepProps } from "./wizardForm";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "1fr", gap: tokens.spacingVerticalXS },
});

/** Step 3: an optional target per indicator, each saying what its status is judged by. */
export function TargetsStep({
  text,
  labels,
  language,
  form,
  errors,
  onChange,
}: FormStepProps & { readonly language: Language }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div>
      <Caption1>{text.targetsHelp}</Caption1>
      {STAGES.map((stage) => (
        <section key={stage} aria-label={labels.stages[stage]}>
          <Subtitle2 as="h3">{labels.stages[stage]}</Subtitle2>
          <div className={styles.grid}>
            {INDICATORS.filter((i) => i.stage === stage).map((info) => (
              <Field
                key={info.id}
                label={
                  info.format === "percent"
                    ? `${info.words[language]} (${text.targetPercentHint})`
                    : info.words[language]
                }
                hint={[
                  info.flow ? text.byForecast : "",
                  info.better === "less" ? text.lessIsBetter : "",
                ]
                  .filter((h) => h !== "")
                  .join(" · ")}
                orientation="horizontal"
                size="small"
                validationMessage={errors[`target.${info.id}`]}
                validationState={errors[`target.${info.id}`] ? "error" : "none"}
              >
                <Input
                  size="small"
                  inputMode="decimal"
                  value={form.targets[info.id] ?? ""}
                  onChange={(_e, d) =>
                    onChange({ ...form, targets: { ...form.targets, [info.id]: d.value } })
                  }
                />
              </Field>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
