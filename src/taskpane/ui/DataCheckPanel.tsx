import * as React from "react";
import {
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DateOrder } from "../../core/dateText";
import { DecimalMark } from "../../core/numberText";
import { DataCheck } from "../../engine/dataCheck";
import { dataCheckLines } from "../../engine/dataCheckText";
import { Language } from "../../plan/labels";
import { UiText } from "./uiText";
import { DEFAULT_SETTINGS } from "../../engine/scorecard";
import { SourceTable } from "../../engine/sourceTable";
import { MappingOverride, guessMapping } from "../../engine/tableMapping";
import { checkWorkbookData } from "../../workbook/buildPipeline";
import { CancelledError, WorkbookPort } from "../../workbook/workbookPort";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
  },
  choices: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  compact: { minWidth: "0", width: "100%" },
  lines: { margin: 0, paddingLeft: 0, listStyleType: "none", overflowWrap: "anywhere" },
  table: { marginTop: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  column: { paddingLeft: tokens.spacingHorizontalL },
});

/** The data check as the pane has it: not run yet, running, or its outcome. */
export type CheckState =
  | { readonly kind: "idle" }
  | { readonly kind: "running" }
  | { readonly kind: "done"; readonly check: DataCheck }
  | { readonly kind: "failed"; readonly message: string };

/** What settles the text the data cannot tell: the decimal separator, the order of dates. */
export interface Reading {
  readonly decimal?: DecimalMark;
  readonly dateOrder?: DateOrder;
}

/**
 * The data check of step 1: the mapped columns read as the build will read them, again when the
 * mapping or the reading choices change (a moment after; the previous check is abandoned).
 */
export function useDataCheck(
  port: WorkbookPort,
  tables: readonly SourceTable[] | null,
  override: MappingOverride,
  reading: Reading,
  language: Language
): CheckState {
  const [check, setCheck] = React.useState<CheckState>({ kind: "idle" });
  React.useEffect(() => {
    if (tables === null || guessMapping(tables, override).sales === undefined) {
      setCheck({ kind: "idle" });
      return undefined;
    }
    const controller = new AbortController();
    setCheck({ kind: "running" });
    const request = {
      tables,
      override,
      settings: DEFAULT_SETTINGS,
      language,
      reading,
      surface: "pane" as const,
    };
    const timer = setTimeout(() => {
      checkWorkbookData(port, request, () => undefined, controller.signal).then(
        (r) => {
          if (controller.signal.aborted) return;
          setCheck(
            r.ok
              ? { kind: "done", check: r.value.check }
              : { kind: "failed", message: r.error.message }
          );
        },
        (e: unknown) => {
          if (!controller.signal.aborted && !(e instanceof CancelledError))
            setCheck({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
        }
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [port, tables, override, reading, language]);
  return check;
}

export interface DataCheckPanelProps {
  readonly text: UiText;
  readonly language: Language;
  readonly state: CheckState;
  readonly reading: Reading;
  readonly onReadingChange: (reading: Reading) => void;
}

/** Step 1's data check: per table, rows read and left out, formats found, samples; a problem with its cell. */
export function DataCheckPanel({
  text,
  language,
  state,
  reading,
  onReadingChange,
}: DataCheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const decimal = reading.decimal ?? "auto";
  const order = reading.dateOrder ?? "auto";
  const lines = state.kind === "done" ? dataCheckLines(state.check, language, "pane") : [];
  const problem =
    state.kind === "failed"
      ? state.message
      : state.kind === "done"
        ? (state.check.problem?.message ?? null)
        : null;
  return (
    <section className={styles.root} aria-label={text.dataCheck}>
      <Subtitle2>{text.dataCheck}</Subtitle2>
      <Caption1>{text.dataCheckHelp}</Caption1>
      <div className={styles.choices}>
        <Field label={text.decimal} size="small">
          <Dropdown
            className={styles.compact}
            size="small"
            aria-label={text.decimal}
            value={text.decimalOptions[decimal]}
            selectedOptions={[decimal]}
            onOptionSelect={(_e, d) =>
              onReadingChange({
                ...reading,
                decimal: d.optionValue === "auto" ? undefined : (d.optionValue as DecimalMark),
              })
            }
          >
            {(["auto", ",", "."] as const).map((k) => (
              <Option key={k} value={k}>
                {text.decimalOptions[k]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={text.dateOrder} size="small">
          <Dropdown
            className={styles.compact}
            size="small"
            aria-label={text.dateOrder}
            value={text.dateOrderOptions[order]}
            selectedOptions={[order]}
            onOptionSelect={(_e, d) =>
              onReadingChange({
                ...reading,
                dateOrder: d.optionValue === "auto" ? undefined : (d.optionValue as DateOrder),
              })
            }
          >
            {(["auto", "dmy", "mdy", "ymd"] as const).map((k) => (
              <Option key={k} value={k}>
                {text.dateOrderOptions[k]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {state.kind === "running" && <Spinner size="tiny" label={text.checking} />}
      {problem !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {lines.length > 0 && (
        <ul className={styles.lines} aria-label={text.dataCheck}>
          {lines.map((line, i) => (
            <li key={i} className={line.startsWith("  ") ? styles.column : styles.table}>
              <Caption1>{line.trim()}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
