/**
 * What the command line prints about a failure: one line a terminal shows as it is. Text from a
 * file (a cell, a sheet's name) may hold control characters (an escape sequence, a newline) or be
 * of any length; the line replaces them and keeps at most MAX_LINE characters, its start (what
 * and where) and its end (what to do) kept, the middle cut.
 */

export const MAX_LINE = 300;

// Control characters (C0, DEL, C1), line and paragraph separators, and bidirectional overrides
// and isolates, which would make a terminal show something other than the text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Words (paths, quoted text) longer than this are the first shortened, their middles cut. */
const LONG_WORD = 40;

/**
 * The line: hidden characters replaced, at most `max` characters (notes, not failures, may run
 * longer). A line too long has its longest words shortened first (a path keeps its start and
 * its file name), then, if need be, its middle cut.
 */
export function errorLine(text: string, max: number = MAX_LINE): string {
  // Whatever the length handed over (a 33 MB cell, once), only its ends can be shown.
  const bounded =
    text.length > 20 * max ? `${text.slice(0, 10 * max)} ${text.slice(-10 * max)}` : text;
  const clean = bounded.replace(/[\t\n\r]+/g, " ").replace(HIDDEN, "\uFFFD");
  const words = clean.split(" ").map((w) => Array.from(w));
  let length = words.reduce((n, w) => n + w.length, words.length - 1);
  const byLength = words
    .map((w, k) => k)
    .filter((k) => words[k].length > LONG_WORD)
    .sort((a, b) => words[b].length - words[a].length);
  for (const k of byLength) {
    if (length <= max) break;
    const w = words[k];
    const keep = Math.max(LONG_WORD, w.length - (length - max)); // the ellipsis included
    const tail = Math.ceil((keep - 1) * 0.6);
    words[k] = [...w.slice(0, keep - 1 - tail), "…", ...w.slice(w.length - tail)];
    length -= w.length - words[k].length;
  }
  const characters = Array.from(words.map((w) => w.join("")).join(" "));
  if (characters.length <= max) return characters.join("");
  const head = Math.floor(max * 0.6);
  return `${characters.slice(0, head).join("")}…${characters.slice(-(max - head - 1)).join("")}`;
}
