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
import { CheckedWorkbook, checkWorkbookData } from "../../workbook/buildPipeline";
import { fieldId } from "./wizardForm";
import { CancelledError, WorkbookPort } from "../../workbook/workbookPort";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
  },
  choices: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 14rem), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  compact: { minWidth: "0", width: "100%" },
  lines: { margin: 0, paddingLeft: 0, listStyleType: "none", overflowWrap: "anywhere" },
  table: { marginTop: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  column: { paddingLeft: tokens.spacingHorizontalL },
});

/** What a data check was run on: the build reuses what it read only for the same inputs. */
export interface CheckInputs {
  readonly override: MappingOverride;
  readonly reading: Reading;
  readonly language: Language;
  /** How many changes the pane had heard of in the workbook when it read. */
  readonly changes: number;
}

/** The data check as the pane has it: not run yet, running, or its outcome. */
export type CheckState =
  | { readonly kind: "idle" }
  | { readonly kind: "running" }
  | {
      readonly kind: "done";
      readonly check: DataCheck;
      /** The data as read, for the targets step's current values and the build. */
      readonly checked: CheckedWorkbook;
      readonly inputs: CheckInputs;
    }
  | { readonly kind: "failed"; readonly message: string };

/** Where the decimal and date-order choices are, for the links that lead to them. */
export const DECIMAL_FIELD = fieldId("reading.decimal");
export const DATE_ORDER_FIELD = fieldId("reading.dateOrder");
export const DATA_PROBLEM_FIELD = fieldId("data.problem");

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
  language: Language,
  changes: { readonly version: number; readonly heard: React.RefObject<number> }
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
      const inputs = { override, reading, language, changes: changes.heard.current ?? 0 };
      checkWorkbookData(port, request, () => undefined, controller.signal).then(
        (r) => {
          if (controller.signal.aborted) return;
          setCheck(
            r.ok
              ? { kind: "done", check: r.value.check, checked: r.value, inputs }
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
    // `heard` is a ref: read when the check starts, not a reason to check again.
  }, [port, tables, override, reading, language, changes.version]);
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
            id={DECIMAL_FIELD}
            className={styles.compact}
            size="small"
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
            id={DATE_ORDER_FIELD}
            className={styles.compact}
            size="small"
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
        <MessageBar intent="error" role="alert" id={DATA_PROBLEM_FIELD} tabIndex={-1}>
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
