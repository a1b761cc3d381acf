/** The error values a SPEC function can show in a cell. */
export type ErrorKind = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";

/** What went wrong and what the analyst should fix. */
export interface SpecError {
  readonly kind: ErrorKind;
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SpecError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: ErrorKind, message: string): Result<T> {
  return { ok: false, error: { kind, message } };
}

export const valueError = <T = never>(message: string): Result<T> => fail<T>("#VALUE!", message);
export const numError = <T = never>(message: string): Result<T> => fail<T>("#NUM!", message);
export const divError = <T = never>(message: string): Result<T> => fail<T>("#DIV/0!", message);
