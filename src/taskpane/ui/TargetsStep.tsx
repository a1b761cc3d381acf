import * as React from "react";
import {
  Caption1,
  Field,
  Input,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Language } from "../../core/language";
import { valueText } from "../../core/numberText";
import { INDICATORS, IndicatorId } from "../../engine/indicatorCatalog";
import { IndicatorDefinition, STAGES } from "../../engine/indicatorDefinition";
import { IndicatorResult } from "../../engine/scorecard";
import { Labels } from "../../plan/labels";
import { PreviewState } from "./paneData";
import { readTarget } from "./targetText";
import { UiText } from "./uiText";
import { FormStepProps, fieldId } from "./wizardForm";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  input: { width: "12em", maxWidth: "100%" },
  status: { paddingBlock: tokens.spacingVerticalS },
  line: { display: "block" },
  stage: { marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalS },
});

/** "Now 42.0% · previous 39.5% · ↑ more is better": what the target is set against. */
function TargetHint({
  info,
  result,
  text,
  language,
}: {
  info: IndicatorDefinition<IndicatorId>;
  result: IndicatorResult | undefined;
  text: UiText;
  language: Language;
}): React.JSX.Element {
  const styles = useStyles();
  const shown = (v: number | null): string =>
    v === null ? "—" : valueText(v, info.format, language);
  const parts: string[] = [];
  if (result !== undefined) {
    parts.push(`${text.now} ${shown(result.value)}`, `${text.previous} ${shown(result.previous)}`);
    if (info.flow && result.forecast !== null)
      parts.push(`${text.forecast} ${shown(result.forecast)}`);
  }
  const better = info.better === "more" ? text.moreIsBetter : text.lessIsBetter;
  return (
    <>
      {parts.length > 0 && <span className={styles.line}>{parts.join(" · ")}</span>}
      <span className={styles.line}>
        <span aria-hidden="true">{info.better === "more" ? "↑ " : "↓ "}</span>
        {better}
        {info.flow && ` · ${text.comparedWithForecast}`}
      </span>
    </>
  );
}

/** Where the current values stand: waiting for the data or the definitions, or computing. */
function PreviewNote({ preview, text }: { preview: PreviewState; text: UiText }) {
  const styles = useStyles();
  if (preview.kind === "computing")
    return <Spinner className={styles.status} size="tiny" label={text.valuesComputing} />;
  if (preview.kind === "waiting")
    return (
      <Caption1 className={styles.status}>
        {preview.for === "data" ? text.valuesAfterCheck : text.valuesAfterDefinitions}
      </Caption1>
    );
  if (preview.kind === "failed")
    return <Caption1 className={styles.status}>{preview.message}</Caption1>;
  return null;
}

export interface TargetsStepProps extends FormStepProps {
  readonly language: Language;
  readonly preview: PreviewState;
}

/** Step 3: an optional target per indicator, beside its current and previous value. */
export function TargetsStep(props: TargetsStepProps): React.JSX.Element {
  const { text, labels, language, form, errors, onChange, preview } = props;
  const styles = useStyles();
  const results = new Map(
    preview.kind === "done" ? preview.card.indicators.map((r) => [r.info.id, r]) : []
  );
  return (
    <div>
      <Caption1>{text.targetsHelp}</Caption1>
      <PreviewNote preview={preview} text={text} />
      {STAGES.map((stage) => (
        <section key={stage} aria-labelledby={`spec-stage-${stage}`}>
          <Subtitle2 as="h2" id={`spec-stage-${stage}`} className={styles.stage}>
            {labels.stages[stage]}
          </Subtitle2>
          <div className={styles.list}>
            {INDICATORS.filter((i) => i.stage === stage).map((info) => (
              <TargetField
                key={info.id}
                info={info}
                result={results.get(info.id)}
                value={form.targets[info.id] ?? ""}
                error={errors[`target.${info.id}`]}
                onChange={(v) => onChange({ ...form, targets: { ...form.targets, [info.id]: v } })}
                text={text}
                labels={labels}
                language={language}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function TargetField({
  info,
  result,
  value,
  error,
  onChange,
  text,
  labels,
  language,
}: {
  info: IndicatorDefinition<IndicatorId>;
  result: IndicatorResult | undefined;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  text: UiText;
  labels: Labels;
  language: Language;
}): React.JSX.Element {
  const styles = useStyles();
  const reading = readTarget(value, info.format, language);
  const unavailable =
    result !== undefined && result.value === null && result.reason !== null
      ? labels.reasons[result.reason]
      : null;
  return (
    <Field
      label={`${info.words[language]} (${text.units[info.format]})`}
      hint={
        <>
          <TargetHint info={info} result={result} text={text} language={language} />
          {unavailable !== null && <span className={styles.line}>{unavailable}</span>}
        </>
      }
      size="small"
      validationState={error !== undefined ? "error" : "none"}
      validationMessage={
        error ??
        (reading.kind === "read" && reading.shown !== value.trim()
          ? text.readAs(reading.shown)
          : undefined)
      }
    >
      <Input
        id={fieldId(`target.${info.id}`)}
        className={styles.input}
        size="small"
        inputMode="decimal"
        value={value}
        onChange={(_e, d) => onChange(d.value)}
      />
    </Field>
  );
}
