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
import { snapshotSummary } from "../../plan/scorecardPlan";
import { buildInWorkbook } from "../../workbook/buildPipeline";
import { Reading, useDataCheck } from "./DataCheckPanel";
import { CancelledError, WorkbookPort } from "../../workbook/workbookPort";
import { BuildState, BuildStep } from "./BuildStep";
import { DataStep } from "./DataStep";
import { DefinitionsStep } from "./DefinitionsStep";
import { TargetsStep } from "./TargetsStep";
import { INITIAL_FORM, WizardForm, settingsOf } from "./wizardForm";
import { UI_TEXT, languageOf } from "./uiText";

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
}

export function Wizard({ port, download = null }: WizardProps): React.JSX.Element {
  const styles = useStyles();
  const [language, setLanguage] = React.useState<Language>(() =>
    languageOf(port.displayLanguage())
  );
  const [step, setStep] = React.useState<Step>("data");
  const [tables, setTables] = React.useState<SourceTable[] | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [override, setOverride] = React.useState<MappingOverride>({});
  const [form, setForm] = React.useState<WizardForm>(INITIAL_FORM);
  const [build, setBuild] = React.useState<BuildState>({ kind: "idle" });
  const [reading, setReading] = React.useState<Reading>({});
  const abort = React.useRef<AbortController | null>(null);
  const text = UI_TEXT[language];
  const labels = LABELS[language];

  React.useEffect(() => {
    port
      .describeTables()
      .then(setTables, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [port]);

  const mapping = React.useMemo(() => guessMapping(tables ?? [], override), [tables, override]);

  const check = useDataCheck(port, tables, override, reading, language);
  const { settings, errors } = settingsOf(form, text);
  const stepIndex = STEPS.indexOf(step);

  const run = async (): Promise<void> => {
    if (settings === null || tables === null) return;
    const controller = new AbortController();
    abort.current = controller;
    setBuild({ kind: "running", progress: null });
    try {
      const outcome = await buildInWorkbook(
        port,
        { tables, override, settings, language, reading, surface: "pane" },
        (progress) => setBuild({ kind: "running", progress }),
        controller.signal
      );
      if (!outcome.ok) setBuild({ kind: "failed", message: outcome.error.message });
      else {
        const computedAtBuild = snapshotSummary({ snapshots: outcome.value.snapshots }, language);
        setBuild({
          kind: "done",
          sheet: outcome.value.sheetName,
          card: outcome.value.card,
          computedAtBuild,
        });
        await port.showScorecard(outcome.value.sheetName);
      }
    } catch (e) {
      setBuild(
        e instanceof CancelledError
          ? { kind: "cancelled" }
          : { kind: "failed", message: e instanceof Error ? e.message : String(e) }
      );
    } finally {
      abort.current = null;
    }
  };

  const startBuild = async (): Promise<void> => {
    const existing = await port.findScorecard();
    if (existing !== null) setBuild({ kind: "confirm", sheet: existing });
    else await run();
  };

  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Title3 as="h1">{labels.title}</Title3>
        <Field label={text.language} orientation="horizontal" size="small">
          <Dropdown
            size="small"
            value={language === "es" ? "Español" : "English"}
            selectedOptions={[language]}
            onOptionSelect={(_e, d) => setLanguage((d.optionValue as Language) ?? "en")}
          >
            {LANGUAGES.map((l) => (
              <Option key={l} value={l}>
                {l === "es" ? "Español" : "English"}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <TabList
        selectedValue={step}
        onTabSelect={(_e, d) => setStep(d.value as Step)}
        aria-label={labels.title}
      >
        {STEPS.map((s) => (
          <Tab key={s} value={s}>
            {text.steps[s]}
          </Tab>
        ))}
      </TabList>
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
      {step === "definitions" && (
        <DefinitionsStep
          text={text}
          labels={labels}
          form={form}
          errors={errors}
          onChange={setForm}
        />
      )}
      {step === "targets" && (
        <TargetsStep text={text} labels={labels} form={form} errors={errors} onChange={setForm} />
      )}
      {step === "build" && (
        <BuildStep
          text={text}
          labels={labels}
          language={language}
          state={build}
          canBuild={settings !== null && mapping.sales !== undefined}
          download={download}
          onBuild={() => void startBuild()}
          onConfirm={(replace) => (replace ? void run() : setBuild({ kind: "idle" }))}
          onCancel={() => abort.current?.abort()}
          onOpen={() => {
            if (build.kind === "done") void port.showScorecard(build.sheet);
          }}
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
