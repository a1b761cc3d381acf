import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  Option,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SourceTable } from "../../engine/sourceTable";
import { MappingOverride, guessMapping } from "../../engine/tableMapping";
import { LABELS, LANGUAGES, Language } from "../../plan/labels";
import { WorkbookPort } from "../../workbook/workbookPort";
import { BuildStep } from "./BuildStep";
import { Reading, useDataCheck } from "./DataCheckPanel";
import { DataStep } from "./DataStep";
import { DefinitionsStep } from "./DefinitionsStep";
import { TargetsStep } from "./TargetsStep";
import { INITIAL_FORM, WizardForm, settingsOf } from "./wizardForm";
import { UI_TEXT, UiText, languageOf } from "./uiText";
import { EXCEL_TEXT } from "./excelText";
import { ExcelSide, useBuild } from "./useBuild";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "720px",
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "end",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  nav: { display: "flex", gap: tokens.spacingHorizontalS, justifyContent: "flex-end" },
});

const STEPS = ["data", "definitions", "targets", "build"] as const;
type Step = (typeof STEPS)[number];

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
  return (
    <Field label={label} orientation="horizontal" size="small">
      <Dropdown
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

/** The workbook's tables, or why they could not be read. */
function useTables(port: WorkbookPort): {
  tables: SourceTable[] | null;
  loadError: string | null;
} {
  const [tables, setTables] = React.useState<SourceTable[] | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  React.useEffect(() => {
    port
      .describeTables()
      .then(setTables, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [port]);
  return { tables, loadError };
}

function StepTabs({
  step,
  text,
  label,
  onSelect,
}: {
  step: Step;
  text: UiText;
  label: string;
  onSelect: (step: Step) => void;
}): React.JSX.Element {
  return (
    <TabList
      selectedValue={step}
      onTabSelect={(_e, d) => onSelect(d.value as Step)}
      aria-label={label}
    >
      {STEPS.map((s) => (
        <Tab key={s} value={s}>
          {text.steps[s]}
        </Tab>
      ))}
    </TabList>
  );
}

export function Wizard({ port, download = null, excel }: WizardProps): React.JSX.Element {
  const styles = useStyles();
  const [language, setLanguage] = React.useState<Language>(() =>
    languageOf(port.displayLanguage())
  );
  const [step, setStep] = React.useState<Step>("data");
  const { tables, loadError } = useTables(port);
  const [override, setOverride] = React.useState<MappingOverride>({});
  const [form, setForm] = React.useState<WizardForm>(INITIAL_FORM);
  const [reading, setReading] = React.useState<Reading>({});
  const text = UI_TEXT[language];
  const labels = LABELS[language];

  const mapping = React.useMemo(() => guessMapping(tables ?? [], override), [tables, override]);

  const check = useDataCheck(port, tables, override, reading, language);
  const { settings, errors } = settingsOf(form, text);
  const stepIndex = STEPS.indexOf(step);

  const build = useBuild(
    port,
    () =>
      settings === null || tables === null
        ? null
        : { tables, override, settings, language, reading, surface: "pane" as const },
    language,
    excel
  );
  const formProps = { text, labels, form, errors, onChange: setForm };

  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Title3 as="h1">{labels.title}</Title3>
        <LanguagePicker label={text.language} language={language} onChange={setLanguage} />
      </div>
      <StepTabs step={step} text={text} label={labels.title} onSelect={setStep} />
      {tables === null && loadError === null && <Spinner label={text.loading} />}
      {loadError !== null && <span role="alert">{loadError}</span>}
      {tables !== null && step === "data" && (
        <DataStep
          text={text}
          tables={tables}
          mapping={mapping}
          override={override}
          onChange={setOverride}
          language={language}
          check={check}
          reading={reading}
          onReadingChange={setReading}
        />
      )}
      {step === "definitions" && <DefinitionsStep {...formProps} />}
      {step === "targets" && <TargetsStep {...formProps} language={language} />}
      {step === "build" && (
        <BuildStep
          text={text}
          labels={labels}
          language={language}
          state={build.state}
          canBuild={settings !== null && mapping.sales !== undefined}
          download={download}
          onBuild={build.start}
          onConfirm={build.confirm}
          onCancel={build.cancel}
          onOpen={build.open}
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
      {step === "build" && settings === null && <span role="alert">{text.fixFirst}</span>}
      <div className={styles.nav}>
        {stepIndex > 0 && (
          <Button onClick={() => setStep(STEPS[stepIndex - 1])}>{text.back}</Button>
        )}
        {stepIndex < STEPS.length - 1 && (
          <Button
            appearance="primary"
            onClick={() => setStep(STEPS[stepIndex + 1])}
            disabled={step === "data" && mapping.sales === undefined}
          >
            {text.next}
          </Button>
        )}
      </div>
    </main>
  );
}
