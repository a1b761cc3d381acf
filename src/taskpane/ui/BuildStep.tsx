import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Subtitle2,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Scorecard } from "../../engine/scorecard";
import { serialToParts } from "../../core/cells";
import { valueText } from "../../core/numberText";
import { forecastHeadline, percentText } from "../../plan/forecastWords";
import { Labels, Language } from "../../plan/labels";
import { Progress } from "../../workbook/workbookPort";
import { SheetCheck } from "../../workbook/sheetCheck";
import type { RequirementCheck } from "../excelSupport";
import { UiText } from "./uiText";
import { ExcelText } from "./excelText";
import { NeedValuesDialog, RequirementNotice, SheetCheckView, ValuesChoice } from "./ExcelNotices";
import { ProblemList } from "./Problems";
import { Problem } from "./wizardForm";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export type BuildState =
  | { readonly kind: "idle" }
  | { readonly kind: "confirm"; readonly sheet: string }
  /** The build found no dynamic arrays in this Excel: values instead of formulas, or nothing. */
  | { readonly kind: "needValues" }
  | { readonly kind: "running"; readonly progress: Progress | null }
  | {
      readonly kind: "done";
      readonly sheet: string;
      readonly card: Scorecard;
      readonly computedAtBuild: string | null;
      /** What reading the sheet back found; null when not read (values, or no Excel). */
      readonly check: SheetCheck | null;
      readonly checking: boolean;
      /** Why the settings could not be kept for the next build; null when kept. */
      readonly storeProblem: string | null;
    }
  | { readonly kind: "cancelled" }
  | { readonly kind: "failed"; readonly message: string };

export interface BuildStepProps {
  readonly text: UiText;
  readonly labels: Labels;
  readonly language: Language;
  readonly state: BuildState;
  readonly canBuild: boolean;
  readonly download: { readonly url: string; readonly fileName: string } | null;
  readonly onBuild: () => void;
  readonly onConfirm: (replace: boolean) => void;
  readonly onCancel: () => void;
  readonly onOpen: () => void;
  /** What to fix before building, each with a link to its field. */
  readonly problems: readonly Problem[];
  readonly onGo: (problem: Problem) => void;
  /** Excel's side (the task pane only): what it lacks, values instead of formulas, the read-back. */
  readonly excel?: {
    readonly text: ExcelText;
    readonly requirements: RequirementCheck;
    readonly values: boolean;
    readonly onValuesChange: (values: boolean) => void;
    readonly onNeedValues: (writeValues: boolean) => void;
    readonly onCheckAgain: () => void;
  };
}

function progressText(text: UiText, p: Progress | null): string {
  if (p === null || p.phase === "computing") return text.computing;
  return p.phase === "reading"
    ? text.reading(p.table ?? "", p.done, p.total)
    : text.writing(p.done, p.total);
}

function shown(value: number | null, format: string, language: Language): string {
  return value === null ? "—" : valueText(value, format, language);
}

/** A day serial in the analyst's locale: 5/20/2026, 20/5/2026. */
function shownDay(serial: number, language: string): string {
  const { year, month, day } = serialToParts(serial);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(
    language === "es" ? "es-ES" : "en-US",
    { timeZone: "UTC" }
  );
}

/** The headline revenue forecast in words, and the customers to call. */
function Outlook({
  card,
  labels,
  language,
}: {
  card: Scorecard;
  labels: Labels;
  language: Language;
}): React.JSX.Element {
  const f = card.revenueForecasts;
  const chosen = f.methods[f.chosen];
  const calls = card.customersToCall;
  return (
    <>
      <Subtitle2>{labels.columns.forecast}</Subtitle2>
      <Body1 aria-label={labels.forecasts.forecast}>
        {shown(chosen.value, "money", language)} · {labels.forecasts.methods[f.chosen]}
        {chosen.backtestError === null
          ? ""
          : ` · ${labels.forecasts.backtestError} ${percentText(chosen.backtestError, language)}`}
      </Body1>
      <Caption1>{forecastHeadline(f, labels, language)}</Caption1>
      <Subtitle2>{labels.toCall.subject}</Subtitle2>
      {calls.customers.length === 0 ? (
        <Body1>{labels.toCall.none}</Body1>
      ) : (
        <Table size="extra-small" aria-label={labels.toCall.subject}>
          <TableBody>
            <TableRow>
              <TableCell>{labels.toCall.customer}</TableCell>
              <TableCell>{labels.toCall.lapseDay}</TableCell>
              <TableCell>{labels.toCall.expectedRevenue}</TableCell>
            </TableRow>
            {calls.customers.map((c) => (
              <TableRow key={c.customer}>
                <TableCell>{card.customerLabels[c.customer]}</TableCell>
                <TableCell>{shownDay(c.lapseDay, language)}</TableCell>
                <TableCell>{shown(c.expectedRevenue, "money", language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {calls.reason !== null && (
        <Caption1>
          {labels.toCall.unranked.replace("{reason}", labels.reasons[calls.reason])}
        </Caption1>
      )}
    </>
  );
}

/** The headline indicators (their definitions say which), with their status. */
function Headline({
  card,
  labels,
  language,
}: {
  card: Scorecard;
  labels: Labels;
  language: Language;
}): React.JSX.Element {
  return (
    <Table size="small" aria-label={labels.title}>
      <TableBody>
        {card.indicators
          .filter((r) => r.info.headline)
          .map((r) => (
            <TableRow key={r.info.id}>
              <TableCell>{r.info.words[language]}</TableCell>
              <TableCell>{shown(r.value, r.info.format, language)}</TableCell>
              <TableCell>{r.status ? labels.statuses[r.status] : ""}</TableCell>
            </TableRow>
          ))}
      </TableBody>
    </Table>
  );
}

function BuildProgress({
  text,
  progress,
  onCancel,
}: {
  text: UiText;
  progress: Progress | null;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const share =
    progress !== null && progress.total > 0 && progress.phase !== "computing"
      ? progress.done / progress.total
      : undefined;
  return (
    <div className={styles.column}>
      <ProgressBar value={share} aria-label={progressText(text, progress)} />
      <Body1 aria-live="polite">{progressText(text, progress)}</Body1>
      <Button onClick={onCancel}>{text.cancel}</Button>
    </div>
  );
}

function ReplaceDialog({
  text,
  sheet,
  onConfirm,
}: {
  text: UiText;
  sheet: string | null;
  onConfirm: (replace: boolean) => void;
}): React.JSX.Element {
  return (
    <Dialog open={sheet !== null} onOpenChange={(_e, d) => !d.open && onConfirm(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{text.replaceTitle}</DialogTitle>
          <DialogContent>{sheet !== null ? text.replaceBody(sheet) : ""}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onConfirm(true)}>
              {text.replace}
            </Button>
            <Button onClick={() => onConfirm(false)}>{text.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** What was built: the sheet, what was computed at the build, the read-back, the headline. */
function BuiltSummary({
  text,
  labels,
  language,
  state,
  download,
  onOpen,
  excel,
}: Pick<BuildStepProps, "text" | "labels" | "language" | "download" | "onOpen" | "excel"> & {
  state: Extract<BuildState, { kind: "done" }>;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.column}>
      <MessageBar intent="success">
        <MessageBarBody>{text.built(state.sheet)}</MessageBarBody>
      </MessageBar>
      {state.storeProblem !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{text.notStored(state.storeProblem)}</MessageBarBody>
        </MessageBar>
      )}
      {state.computedAtBuild !== null && (
        <MessageBar intent="info">
          <MessageBarBody>{state.computedAtBuild}</MessageBarBody>
        </MessageBar>
      )}
      {excel !== undefined && (
        <SheetCheckView
          text={excel.text}
          check={state.check}
          checking={state.checking}
          onCheckAgain={excel.onCheckAgain}
        />
      )}
      <Headline card={state.card} labels={labels} language={language} />
      <Outlook card={state.card} labels={labels} language={language} />
      {download === null ? (
        <Link as="button" onClick={onOpen}>
          {text.openSheet}
        </Link>
      ) : (
        <Link href={download.url} download={download.fileName}>
          {text.download}
        </Link>
      )}
    </div>
  );
}

/** Step 4: build with a progress bar and a way to cancel, then what was built. */
export function BuildStep(props: BuildStepProps): React.JSX.Element {
  const { text, state, canBuild, onBuild, onConfirm, onCancel, excel } = props;
  const styles = useStyles();
  return (
    <div className={styles.column}>
      <Body1>{text.buildHelp}</Body1>
      <ProblemList problems={props.problems} text={text} onGo={props.onGo} />
      {excel !== undefined && (
        <>
          <RequirementNotice text={excel.text} requirements={excel.requirements} />
          <ValuesChoice
            text={excel.text}
            values={excel.values}
            disabled={state.kind === "running"}
            onChange={excel.onValuesChange}
          />
          <NeedValuesDialog
            text={excel.text}
            open={state.kind === "needValues"}
            cancel={text.cancel}
            onAnswer={excel.onNeedValues}
          />
        </>
      )}
      {state.kind !== "running" && (
        <Button
          appearance="primary"
          disabled={!canBuild || excel?.requirements.canWrite === false}
          onClick={onBuild}
        >
          {text.build}
        </Button>
      )}
      {state.kind === "running" && (
        <BuildProgress text={text} progress={state.progress} onCancel={onCancel} />
      )}
      <ReplaceDialog
        text={text}
        sheet={state.kind === "confirm" ? state.sheet : null}
        onConfirm={onConfirm}
      />
      {state.kind === "cancelled" && (
        <MessageBar intent="warning">
          <MessageBarBody>{text.cancelled}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{text.failed}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && <BuiltSummary {...props} state={state} />}
    </div>
  );
}
