/** Which number formats show a date: Excel's built-in ids, and format codes with date or time parts. */

/** Built-in formats that show dates or times (ECMA-376 §18.8.30, and the East Asian ids Excel uses). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

export function isBuiltInDate(id: number): boolean {
  return BUILT_IN_DATES.has(id);
}

/**
 * True when a format code shows a date or a time: it has y, m, d, h or s outside quoted text,
 * escaped characters and [colour]/[condition] brackets ([h], [mm], [ss] elapsed time count too).
 */
export function isDateFormatCode(code: string): boolean {
  const firstSection = code.split(";")[0];
  let i = 0;
  while (i < firstSection.length) {
    const ch = firstSection[i];
    if (ch === '"') {
      const close = firstSection.indexOf('"', i + 1);
      i = close < 0 ? firstSection.length : close + 1;
      continue;
    }
    if (ch === "\\" || ch === "_" || ch === "*") {
      i += 2;
      continue;
    }
    if (ch === "[") {
      const close = firstSection.indexOf("]", i + 1);
      const inside = firstSection
        .slice(i + 1, close < 0 ? firstSection.length : close)
        .toLowerCase();
      if (/^(h+|m+|s+)$/.test(inside)) return true;
      i = close < 0 ? firstSection.length : close + 1;
      continue;
    }
    if (/[ymdhs]/i.test(ch)) return true;
    i++;
  }
  return false;
}
