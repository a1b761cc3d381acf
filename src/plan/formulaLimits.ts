/**
 * Excel's limits on a formula (SPEC.md §5): at most 8,192 characters, 64 levels of nesting, 255
 * characters in a text constant. A pure check of a formula's text, for the plan to decide which
 * blocks it must compute at the build instead of writing live.
 */

export const EXCEL_FORMULA_LIMITS = { length: 8192, nesting: 64, textConstant: 255 } as const;

export interface FormulaMeasures {
  /** Characters, without the leading "=". */
  readonly length: number;
  /** The deepest nesting of parentheses (function calls and groupings) outside text and names. */
  readonly nesting: number;
  /** The longest text constant's characters, its doubled quotes counted once. */
  readonly longestText: number;
}

/**
 * Measures a formula. Text constants ("…" with "" inside), quoted sheet names ('…' with '') and
 * structured references ([…] with ' escapes) are read as the units they are: a parenthesis inside
 * them is not nesting.
 */
export function formulaMeasures(formula: string): FormulaMeasures {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  let depth = 0;
  let nesting = 0;
  let longestText = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let length = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '"') {
          if (text[j + 1] !== '"') break;
          j++;
        }
        length++;
      }
      longestText = Math.max(longestText, length);
      i = j;
    } else if (ch === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'"))
        j += text[j] === "'" ? 2 : 1;
      i = j;
    } else if (ch === "[") {
      let brackets = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === "'") j++;
        else if (text[j] === "[") brackets++;
        else if (text[j] === "]" && --brackets === 0) break;
      }
      i = j;
    } else if (ch === "(") nesting = Math.max(nesting, ++depth);
    else if (ch === ")") depth--;
  }
  return { length: text.length, nesting, longestText };
}

/** What of Excel's limits a formula exceeds, in words; empty when it is within all of them. */
export function formulaLimitsExceeded(formula: string): string[] {
  const m = formulaMeasures(formula);
  const over: string[] = [];
  if (m.length > EXCEL_FORMULA_LIMITS.length)
    over.push(`${m.length.toLocaleString("en")} characters (Excel's limit is 8,192)`);
  if (m.nesting > EXCEL_FORMULA_LIMITS.nesting)
    over.push(`${m.nesting} levels of nesting (Excel's limit is 64)`);
  if (m.longestText > EXCEL_FORMULA_LIMITS.textConstant)
    over.push(`a text constant of ${m.longestText} characters (Excel's limit is 255)`);
  return over;
}
