/**
 * The build step's behaviour: confirm replacing the earlier sheet, check this Excel can show a
 * live sheet (else offer values), build, read the sheet back, and say every failure in the pane,
 * none left as a silent rejected promise.
 */
import * as React from "react";
import { Language } from "../../plan/labels";
import { ScorecardPlan, snapshotSummary } from "../../plan/scorecardPlan";
import { BuildOutcome, BuildRequest, buildInWorkbook } from "../../workbook/buildPipeline";
import { CancelledError, WorkbookPort } from "../../workbook/workbookPort";
import type { RequirementCheck } from "../excelSupport";
import { WorkbookProblem } from "../workbookProblem";
import { BuildState } from "./BuildStep";
import { EXCEL_TEXT } from "./excelText";

/** What the task pane knows of Excel (absent in the browser preview). */
export interface ExcelSide {
  readonly requirements: RequirementCheck;
  readonly probeDynamicArrays: () => Promise<boolean | null>;
}

/** A failure in the analyst's words: Excel's protections named, anything else as it came. */
export function failureMessage(e: unknown, language: Language): string {
  if (e instanceof WorkbookProblem)
    return EXCEL_TEXT[language].workbook[e.kind](e.sheet ?? "", e.detail ?? "");
  return e instanceof Error ? e.message : String(e);
}

export interface Build {
  readonly state: BuildState;
  readonly values: boolean;
  readonly setValues: (values: boolean) => void;
  /** Builds; `replace`: the analyst asked to rebuild, so the earlier sheet is replaced without asking. */
  readonly start: (replace?: boolean) => void;
  readonly confirm: (replace: boolean) => void;
  readonly needValues: (writeValues: boolean) => void;
  readonly cancel: () => void;
  readonly checkAgain: () => void;
  readonly open: () => void;
}

/** What the pane shows of a finished build. */
function builtState(built: BuildOutcome, language: Language): BuildState {
  return {
    kind: "done",
    sheet: built.sheetName,
    card: built.card,
    computedAtBuild: snapshotSummary({ snapshots: built.snapshots }, language),
    check: built.check,
    checking: false,
    storeProblem: built.storeProblem,
  };
}

export function useBuild(
  port: WorkbookPort,
  request: () => Omit<BuildRequest, "values"> | null,
  language: Language,
  excel: ExcelSide | undefined
): Build {
  const [state, setState] = React.useState<BuildState>({ kind: "idle" });
  const [values, setValues] = React.useState(
    () => excel !== undefined && !excel.requirements.functions
  );
  const abort = React.useRef<AbortController | null>(null);
  const plan = React.useRef<ScorecardPlan | null>(null);
  const fail = (e: unknown): void =>
    setState(
      e instanceof CancelledError
        ? { kind: "cancelled" }
        : { kind: "failed", message: failureMessage(e, language) }
    );

  const run = async (asValues: boolean): Promise<void> => {
    const req = request();
    if (req === null) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "running", progress: null });
    try {
      const outcome = await buildInWorkbook(
        port,
        { ...req, values: asValues },
        (progress) => setState({ kind: "running", progress }),
        controller.signal
      );
      if (!outcome.ok) {
        setState({ kind: "failed", message: outcome.error.message });
        return;
      }
      const built = outcome.value;
      plan.current = built.plan;
      setState(builtState(built, language));
      await port.showScorecard(built.sheetName);
    } catch (e) {
      fail(e);
    } finally {
      abort.current = null;
    }
  };

  // Live formulas need dynamic arrays: asked of Excel before anything is written.
  const afterConfirm = async (): Promise<void> => {
    try {
      if (!values && excel !== undefined && (await excel.probeDynamicArrays()) === false) {
        setState({ kind: "needValues" });
        return;
      }
    } catch (e) {
      fail(e);
      return;
    }
    await run(values);
  };

  const checkAgain = async (): Promise<void> => {
    if (state.kind !== "done" || plan.current === null || port.checkScorecard === undefined) return;
    const done = state;
    setState({ ...done, checking: true });
    try {
      const check = await port.checkScorecard(done.sheet, plan.current);
      setState({ ...done, check, checking: false });
    } catch (e) {
      fail(e);
    }
  };

  return {
    state,
    values,
    setValues,
    start: (replace = false) => {
      if (replace) {
        void afterConfirm();
        return;
      }
      port
        .findScorecard()
        .then((existing) =>
          existing !== null ? setState({ kind: "confirm", sheet: existing }) : afterConfirm()
        )
        .catch(fail);
    },
    confirm: (replace) => (replace ? void afterConfirm() : setState({ kind: "idle" })),
    needValues: (writeValues) => {
      if (!writeValues) return setState({ kind: "idle" });
      setValues(true);
      void run(true);
    },
    cancel: () => abort.current?.abort(),
    checkAgain: () => void checkAgain(),
    open: () => {
      if (state.kind === "done") port.showScorecard(state.sheet).catch(fail);
    },
  };
}
