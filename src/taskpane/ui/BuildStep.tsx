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
import { IndicatorId } from "../../engine/indicatorCatalog";
import { Scorecard } from "../../engine/scorecard";
import { serialToParts } from "../../core/cells";
import { valueText } from "../../core/numberText";
import { forecastHeadline, percentText } from "../../plan/forecastWords";
import { Labels, Language } from "../../plan/labels";
import { Progress } from "../../workbook/workbookPort";
import { UiText } from "./uiText";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export type BuildState =
  | { readonly kind: "idle" }
  | { readonly kind: "confirm"; readonly sheet: string }
  | { readonly kind: "running"; readonly progress: Progress | null }
  | {
      readonly kind: "done";
      readonly sheet: string;
      readonly card: Scorecard;
      readonly computedAtBuild: string | null;
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
}

const SUMMARY: readonly IndicatorId[] = [
  "revenue",
  "info.customers_buying",
  "sales.new_customers",
  "svc.activation_rate",
  "svc.top20_share",
];

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

/** Step 4: build with a progress bar and a way to cancel, then what was built. */
export function BuildStep({
  text,
  labels,
  language,
  state,
  canBuild,
  download,
  onBuild,
  onConfirm,
  onCancel,
  onOpen,
}: BuildStepProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.column}>
      <Body1>{text.buildHelp}</Body1>
      {state.kind !== "running" && (
        <Button appearance="primary" disabled={!canBuild} onClick={onBuild}>
          {text.build}
        </Button>
      )}
      {state.kind === "running" && (
        <div className={styles.column}>
          <ProgressBar
            value={
              state.progress !== null &&
              state.progress.total > 0 &&
              state.progress.phase !== "computing"
                ? state.progress.done / state.progress.total
                : undefined
            }
            aria-label={progressText(text, state.progress)}
          />
          <Body1 aria-live="polite">{progressText(text, state.progress)}</Body1>
          <Button onClick={onCancel}>{text.cancel}</Button>
        </div>
      )}
      <Dialog open={state.kind === "confirm"} onOpenChange={(_e, d) => !d.open && onConfirm(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{text.replaceTitle}</DialogTitle>
            <DialogContent>
              {state.kind === "confirm" ? text.replaceBody(state.sheet) : ""}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => onConfirm(true)}>
                {text.replace}
              </Button>
              <Button onClick={() => onConfirm(false)}>{text.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
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
      {state.kind === "done" && (
        <div className={styles.column}>
          <MessageBar intent="success">
            <MessageBarBody>{text.built(state.sheet)}</MessageBarBody>
          </MessageBar>
          {state.computedAtBuild !== null && (
            <MessageBar intent="info">
              <MessageBarBody>{state.computedAtBuild}</MessageBarBody>
            </MessageBar>
          )}
          <Table size="small" aria-label={labels.title}>
            <TableBody>
              {SUMMARY.map((id) => {
                const r = state.card.indicators.find((i) => i.info.id === id);
                return (
                  <TableRow key={id}>
                    <TableCell>{labels.indicators[id]}</TableCell>
                    <TableCell>
                      {r === undefined ? "—" : shown(r.value, r.info.format, language)}
                    </TableCell>
                    <TableCell>{r?.status ? labels.statuses[r.status] : ""}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
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
      )}
    </div>
  );
}
