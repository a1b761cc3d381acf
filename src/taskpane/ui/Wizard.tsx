import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  Option,
  Spinner,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SourceTable } from "../../engine/sourceTable";
import { MappingOverride, TableMapping, guessMapping } from "../../engine/tableMapping";
import { LABELS, LANGUAGES, Language } from "../../plan/labels";
import { WorkbookPort } from "../../workbook/workbookPort";
import { BuildStep } from "./BuildStep";
import {
  CheckState,
  DATA_PROBLEM_FIELD,
  DATE_ORDER_FIELD,
  DECIMAL_FIELD,
  Reading,
  useDataCheck,
} from "./DataCheckPanel";
import { DataStep } from "./DataStep";
import { DefinitionsStep } from "./DefinitionsStep";
import { TargetsStep } from "./TargetsStep";
import {
  INITIAL_FORM,
  Problem,
  STEPS,
  Step,
  WizardForm,
  fieldId,
  formProblems,
  settingsOf,
} from "./wizardForm";
import { UI_TEXT, UiText, languageOf } from "./uiText";
import { EXCEL_TEXT } from "./excelText";
import { Build, ExcelSide, useBuild } from "./useBuild";
import { reusableData, useDataChanges, usePreview, useTables } from "./paneData";
import { StepTabs } from "./Problems";
import { RebuildBanner } from "./RebuildBanner";
import { useStoredSettings } from "./useStoredSettings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "720px",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "end",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  language: { minWidth: "0", width: "8.5rem" },
  nav: { display: "flex", gap: tokens.spacingHorizontalS, justifyContent: "flex-end" },
});

export interface WizardProps {
  readonly port: WorkbookPort;
  /** Set by the browser preview: the built workbook to download. */
  readonly download?: { readonly url: string; readonly fileName: string } | null;
  /** Set by the task pane: what this Excel supports, and its dynamic-array probe. */
  readonly excel?: ExcelSide;
}

function LanguagePicker({
  label,
  language,
  onChange,
}: {
  label: string;
  language: Language;
  onChange: (language: Language) => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <Field label={label} orientation="horizontal" size="small">
      <Dropdown
        className={styles.language}
        size="small"
        value={language === "es" ? "Español" : "English"}
        selectedOptions={[language]}
        onOptionSelect={(_e, d) => onChange((d.optionValue as Language) ?? "en")}
      >
        {LANGUAGES.map((l) => (
          <Option key={l} value={l}>
            {l === "es" ? "Español" : "English"}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** What step 1 has to fix: no sales table, or the first cell or column the data check refused. */
function dataProblems(
  tables: readonly SourceTable[] | null,
  mapping: TableMapping,
  check: CheckState,
  text: UiText
): Problem[] {
  if (tables === null) return [];
  if (mapping.sales === undefined)
    return [
      {
        step: "data",
        target: fieldId("table.sales"),
        label: text.roles.sales,
        message: text.noSales,
      },
    ];
  if (check.kind === "failed")
    return [
      { step: "data", target: DATA_PROBLEM_FIELD, label: text.dataProblem, message: check.message },
    ];
  if (check.kind !== "done" || check.check.problem === null) return [];
  const { kind, message } = check.check.problem;
  const target =
    kind === "ambiguous_decimal" || kind === "mixed_decimals"
      ? DECIMAL_FIELD
      : kind === "mixed_date_orders"
        ? DATE_ORDER_FIELD
        : DATA_PROBLEM_FIELD;
  const label =
    target === DECIMAL_FIELD
      ? text.decimal
      : target === DATE_ORDER_FIELD
        ? text.dateOrder
        : text.dataProblem;
  return [{ step: "data", target, label, message }];
}

/** Puts the cursor in a field once its step is shown. */
function useFocusRequest(): (target: string) => void {
  const [target, setTarget] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (target === null) return;
    const element = document.getElementById(target);
    element?.scrollIntoView({ block: "center" });
    element?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

type WizardState = ReturnType<typeof useWizardState>;

/** The wizard's state: what the analyst chose, what the workbook holds, and what follows. */
function useWizardState(port: WorkbookPort) {
  const [language, setLanguage] = React.useState<Language>(() =>
    languageOf(port.displayLanguage())
  );
  const [step, setStep] = React.useState<Step>("data");
  const { tables, loadError } = useTables(port);
  const [override, setOverride] = React.useState<MappingOverride>({});
  const [form, setForm] = React.useState<WizardForm>(INITIAL_FORM);
  const [reading, setReading] = React.useState<Reading>({});
  const stored = useStoredSettings(port, tables, language, {
    setOverride,
    setForm,
    setReading,
    setLanguage,
  });
  const text = UI_TEXT[language];
  const labels = LABELS[language];
  const mapping = React.useMemo(() => guessMapping(tables ?? [], override), [tables, override]);
  const changes = useDataChanges(port);
  const check = useDataCheck(
    port,
    stored.ready ? tables : null,
    override,
    reading,
    language,
    changes
  );
  const { settings, errors } = settingsOf(form, text, language);
  const preview = usePreview(check, settings, step === "targets");
  const problems = [
    ...dataProblems(tables, mapping, check, text),
    ...formProblems(errors, text, labels, language),
  ];
  return {
    language,
    setLanguage,
    step,
    setStep,
    tables,
    loadError,
    override,
    setOverride,
    form,
    setForm,
    reading,
    setReading,
    stored,
    text,
    labels,
    mapping,
    changes,
    check,
    settings,
    errors,
    preview,
    problems,
  };
}

/** The step shown, with what it is given. */
function CurrentStep({
  w,
  build,
  excel,
  download,
  onGo,
}: {
  w: WizardState;
  build: Build;
  excel: ExcelSide | undefined;
  download: WizardProps["download"];
  onGo: (problem: Problem) => void;
}): React.JSX.Element {
  const { text, labels, language, step, tables } = w;
  const formProps = { text, labels, form: w.form, errors: w.errors, onChange: w.setForm };
  return (
    <>
      {tables !== null && step === "data" && (
        <DataStep
          text={text}
          tables={tables}
          mapping={w.mapping}
          override={w.override}
          onChange={w.setOverride}
          language={language}
          check={w.check}
          reading={w.reading}
          onReadingChange={w.setReading}
        />
      )}
      {step === "definitions" && <DefinitionsStep {...formProps} />}
      {step === "targets" && <TargetsStep {...formProps} language={language} preview={w.preview} />}
      {step === "build" && (
        <BuildStep
          text={text}
          labels={labels}
          language={language}
          state={build.state}
          canBuild={tables !== null && w.problems.length === 0}
          download={download ?? null}
          onBuild={() => build.start()}
          onConfirm={build.confirm}
          onCancel={build.cancel}
          onOpen={build.open}
          problems={w.problems}
          onGo={onGo}
          excel={
            excel === undefined
              ? undefined
              : {
                  text: EXCEL_TEXT[language],
                  requirements: excel.requirements,
                  values: build.values,
                  onValuesChange: build.setValues,
                  onNeedValues: build.needValues,
                  onCheckAgain: build.checkAgain,
                }
          }
        />
      )}
    </>
  );
}

export function Wizard({ port, download = null, excel }: WizardProps): React.JSX.Element {
  const styles = useStyles();
  const w = useWizardState(port);
  const { text, labels, language, step, tables } = w;
  const focus = useFocusRequest();
  React.useEffect(() => {
    document.documentElement.lang = language; // screen readers read the pane in its language
  }, [language]);
  const build = useBuild(
    port,
    () =>
      w.settings === null || tables === null
        ? null
        : {
            tables,
            override: w.override,
            settings: w.settings,
            language,
            reading: w.reading,
            surface: "pane" as const,
            checked: reusableData(
              w.check,
              { override: w.override, reading: w.reading, language },
              w.changes
            ),
          },
    language,
    excel
  );
  const go = (problem: Problem): void => {
    w.setStep(problem.step);
    focus(problem.target);
  };
  const rebuild = (): void => {
    w.setStep("build");
    if (w.problems.length === 0) build.start(true);
  };
  const stepIndex = STEPS.indexOf(step);
  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Title3 as="h1">{labels.title}</Title3>
        <LanguagePicker label={text.language} language={language} onChange={w.setLanguage} />
      </div>
      {w.stored.banner !== null && build.state.kind !== "done" && (
        <RebuildBanner
          banner={w.stored.banner}
          text={text}
          labels={labels}
          language={language}
          canRebuild={tables !== null && build.state.kind !== "running"}
          onRebuild={rebuild}
        />
      )}
      <StepTabs
        step={step}
        text={text}
        label={labels.title}
        problems={w.problems}
        onSelect={w.setStep}
      />
      {tables === null && w.loadError === null && <Spinner label={text.loading} />}
      {w.loadError !== null && <span role="alert">{w.loadError}</span>}
      <CurrentStep w={w} build={build} excel={excel} download={download} onGo={go} />
      <nav className={styles.nav} aria-label={text.stepsNav}>
        {stepIndex > 0 && (
          <Button onClick={() => w.setStep(STEPS[stepIndex - 1])}>{text.back}</Button>
        )}
        {stepIndex < STEPS.length - 1 && (
          <Button
            appearance="primary"
            onClick={() => w.setStep(STEPS[stepIndex + 1])}
            disabled={step === "data" && w.mapping.sales === undefined}
          >
            {text.next}
          </Button>
        )}
      </nav>
    </main>
  );
}
