/**
 * The statements a PostgreSQL server logged with their durations (`log_min_duration_statement=0`,
 * the default `log_line_prefix` '%m [%p] '), for the bench to show where the time went.
 */

export interface LoggedStatement {
  readonly ms: number;
  /** The statement's text, its whitespace runs made single spaces. */
  readonly text: string;
}

/** A log entry's first line: "2025-01-31 10:00:00.123 UTC [1234] ". */
const ENTRY_START = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] /;
const DURATION = /^LOG: {2}duration: ([\d.]+) ms {2}(?:statement|execute [^:]*): ([\s\S]*)$/;

/** Every "duration: … statement: …" entry of the log's text, a multi-line statement whole. */
export function loggedStatements(log: string): LoggedStatement[] {
  const entries: string[] = [];
  for (const line of log.split("\n")) {
    const start = ENTRY_START.exec(line);
    if (start !== null) entries.push(line.slice(start[0].length));
    else if (entries.length > 0) entries[entries.length - 1] += `\n${line}`;
  }
  const out: LoggedStatement[] = [];
  for (const entry of entries) {
    const m = DURATION.exec(entry);
    if (m !== null) out.push({ ms: Number(m[1]), text: m[2].replace(/\s+/g, " ").trim() });
  }
  return out;
}

/** The `n` longest statements, longest first. */
export const slowestStatements = (
  statements: readonly LoggedStatement[],
  n: number
): LoggedStatement[] => [...statements].sort((a, b) => b.ms - a.ms).slice(0, n);
