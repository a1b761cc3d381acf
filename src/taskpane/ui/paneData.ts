/**
 * The data behind the wizard: the workbook's tables, the changes Excel reports in them, and the
 * scorecard computed before the build from what the data check read (the targets step shows each
 * indicator's current and previous value), so the data are read once.
 */
import * as React from "react";
import { Language } from "../../core/language";
import { Scorecard, ScorecardSettings } from "../../engine/scorecard";
import { SourceTable } from "../../engine/sourceTable";
import { MappingOverride } from "../../engine/tableMapping";
import { CheckedWorkbook, scorecardOf } from "../../workbook/buildPipeline";
import { WorkbookPort } from "../../workbook/workbookPort";
import { CheckState, Reading } from "./DataCheckPanel";

/** The workbook's tables, or why they could not be read. */
export function useTables(port: WorkbookPort): {
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

/** Changes heard in the tables: `heard` counts them at once, `version` a moment after a burst. */
export interface DataChanges {
  readonly version: number;
  readonly heard: React.RefObject<number>;
  /** Whether the workbook can tell: without it, every build reads the data again. */
  readonly watching: boolean;
}

/** Edits come in bursts (a paste, a fill): the data check reads again once they stop. */
const SETTLE_MS = 1000;

export function useDataChanges(port: WorkbookPort): DataChanges {
  const heard = React.useRef(0);
  const [version, setVersion] = React.useState(0);
  const [watching, setWatching] = React.useState(false);
  React.useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = (): void => {
      heard.current++;
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), SETTLE_MS);
    };
    void (port.watchChanges?.(onChange) ?? Promise.resolve(null)).then(
      (s) => {
        if (gone) s?.();
        else {
          stop = s;
          setWatching(s !== null);
        }
      },
      () => setWatching(false)
    );
    return () => {
      gone = true;
      clearTimeout(timer);
      stop?.();
    };
  }, [port]);
  return { version, heard, watching };
}

/**
 * What the data check read, when a build with these inputs may use it: the same mapping, reading
 * and language, and no change heard since (in a workbook that tells of its changes).
 */
export function reusableData(
  check: CheckState,
  inputs: { override: MappingOverride; reading: Reading; language: Language },
  changes: DataChanges
): CheckedWorkbook | undefined {
  if (check.kind !== "done" || !changes.watching) return undefined;
  const i = check.inputs;
  const same =
    i.override === inputs.override &&
    i.reading === inputs.reading &&
    i.language === inputs.language &&
    i.changes === changes.heard.current;
  return same ? check.checked : undefined;
}

/** The scorecard before the build: waiting for the data or the definitions, computing, or done. */
export type PreviewState =
  | { readonly kind: "waiting"; readonly for: "data" | "definitions" }
  | { readonly kind: "computing" }
  | { readonly kind: "done"; readonly card: Scorecard }
  | { readonly kind: "failed"; readonly message: string };

/**
 * The scorecard of the data the check read, with the definitions as they are (targets aside: they
 * change no value). Computed only while `active` (the targets step is shown), a moment after the
 * last change, and again only when the data or the definitions change.
 */
export function usePreview(
  check: CheckState,
  settings: ScorecardSettings | null,
  active: boolean
): PreviewState {
  const key = settings === null ? null : JSON.stringify({ ...settings, targets: {} });
  const checked = check.kind === "done" && check.check.problem === null ? check.checked : null;
  const [state, setState] = React.useState<{
    checked: CheckedWorkbook | null;
    key: string | null;
    preview: PreviewState;
  }>({ checked: null, key: null, preview: { kind: "computing" } });
  React.useEffect(() => {
    if (!active || checked === null || key === null) return undefined;
    if (state.checked === checked && state.key === key && state.preview.kind !== "computing")
      return undefined;
    setState({ checked, key, preview: { kind: "computing" } });
    const timer = setTimeout(() => {
      const card = scorecardOf(checked, JSON.parse(key) as ScorecardSettings);
      setState({
        checked,
        key,
        preview: card.ok
          ? { kind: "done", card: card.value }
          : { kind: "failed", message: card.error.message },
      });
    }, 150);
    return () => clearTimeout(timer);
    // `state` is left out on purpose: it is what this effect computed, compared above.
  }, [active, checked, key]);
  if (checked === null) return { kind: "waiting", for: "data" };
  if (key === null) return { kind: "waiting", for: "definitions" };
  if (state.checked !== checked || state.key !== key) return { kind: "computing" };
  return state.preview;
}
