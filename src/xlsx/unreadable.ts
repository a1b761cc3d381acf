/**
 * Why a file cannot be read, said once: what is wrong, where (the file, its part, the sheet and
 * cell) and what to do. Deep inside a read, a part's reader throws a PartDefect (what and, when
 * it knows, which cell); the package layer, which knows the file and the part, turns it into an
 * UnreadableFile. The command line shows its message on one line and exits with status 2; the
 * browser preview shows it in the pane. Anything else thrown is a bug.
 */

/** What to do about a part that is damaged or malformed. */
export const REPAIR_ADVICE =
  "open it in Excel (let it repair the file if it offers) and save it again";

export class PartDefect extends Error {
  constructor(
    message: string,
    /** What to do, in the analyst's words. */
    readonly advice: string = REPAIR_ADVICE,
    /** The cell ("C7") when the defect is in one. */
    readonly cell?: string
  ) {
    super(message);
    this.name = "PartDefect";
  }
}

export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}

/** Text from a file, shortened for a message: at most `max` characters, with an ellipsis. */
export function shortText(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
