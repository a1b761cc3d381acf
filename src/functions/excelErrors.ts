import { ErrorKind, Result } from "../core/result";

/** Excel shows a message only with #VALUE! and #N/A. */
const SHOWS_MESSAGE: ReadonlySet<ErrorKind> = new Set<ErrorKind>(["#VALUE!", "#N/A"]);

/**
 * The error for Excel. ErrorKind's values are CustomFunctions.ErrorCode's own ("#VALUE!", ...);
 * the enum object itself is not read, since not every runtime defines it before the page loads.
 */
function excelError(kind: ErrorKind, message: string): CustomFunctions.Error {
  const code = kind as unknown as CustomFunctions.ErrorCode;
  return SHOWS_MESSAGE.has(kind)
    ? new CustomFunctions.Error(code, message)
    : new CustomFunctions.Error(code);
}

/**
 * Runs a core function and hands its value to Excel, or throws the CustomFunctions.Error its
 * SpecError names. Nothing else ever leaves: an unexpected fault becomes #VALUE! with a message.
 */
export function toExcelResult<T>(run: () => Result<T>): T {
  let result: Result<T>;
  try {
    result = run();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw excelError("#VALUE!", `SPEC could not compute this: ${why}`);
  }
  if (result.ok) return result.value;
  throw excelError(result.error.kind, result.error.message);
}
