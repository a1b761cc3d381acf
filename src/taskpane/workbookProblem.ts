/**
 * What keeps Excel from taking the Scorecard, named so the task pane can say what to do in the
 * analyst's language instead of showing Excel's own message.
 */
export type WorkbookProblemKind =
  /** Review › Protect Workbook: no sheet can be added. */
  | "structure_protected"
  /** Review › Protect Sheet on the sheet an earlier build made. */
  | "sheet_protected"
  /** Excel refused a request for another reason; `detail` holds its code and message. */
  | "excel_refused";

export class WorkbookProblem extends Error {
  constructor(
    readonly kind: WorkbookProblemKind,
    readonly sheet: string | null = null,
    readonly detail: string | null = null
  ) {
    super(detail === null ? kind : `${kind}: ${detail}`);
    this.name = "WorkbookProblem";
  }
}

/** Excel's error code and message, from an OfficeExtension.Error or anything thrown. */
export function officeErrorText(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === "string" && code !== "" && !e.message.includes(code)
      ? `${code}: ${e.message}`
      : e.message;
  }
  return String(e);
}

/** An error from a write, as a WorkbookProblem (protection by its code, anything else refused). */
export function asWorkbookProblem(e: unknown, sheet: string | null): unknown {
  if (e instanceof WorkbookProblem || (e instanceof Error && e.name === "CancelledError")) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "AccessDenied" && sheet !== null)
    return new WorkbookProblem("sheet_protected", sheet);
  return new WorkbookProblem("excel_refused", sheet, officeErrorText(e));
}
