/**
 * XML read straight from bytes, for the parts too big to hold as a tree (sheets, shared strings):
 * tags, attributes, and an element's text content with CDATA sections, comments and processing
 * instructions anywhere in it. Every function looks at each byte a bounded number of times and
 * answers INCOMPLETE when the bytes end first, so a streaming reader can wait for more.
 */
import { utf8 } from "./bytes";
import { XmlSyntaxError, normalizeNewlines, unescapeXml, unescapeXstring } from "./xmlText";

export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const QUOTE = 34;
export const APOSTROPHE = 39;
export const COLON = 58;
const BANG = 33;
const QUESTION = 63;

/** What a reader answers when the markup it reads is not all in the bytes yet. */
export const INCOMPLETE = -1;

export function isSpace(b: number): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13;
}

/** True when bytes [at, at + text.length) spell `text` (ASCII); false too when they run out. */
export function spellsAt(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** Where `text` (ASCII, its first byte not repeated in it) next starts from `from`, or INCOMPLETE. */
export function findText(bytes: Uint8Array, from: number, text: string): number {
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
    if (i + text.length > bytes.length) return INCOMPLETE;
    if (spellsAt(bytes, i, text)) return i;
  }
  return INCOMPLETE;
}

/** The ">" of a tag whose name ends at `from`, quoted attribute values skipped; or INCOMPLETE. */
export function tagEndAt(bytes: Uint8Array, from: number): number {
  let quote = 0;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === QUOTE || b === APOSTROPHE) quote = b;
    else if (b === GT) return i;
  }
  return INCOMPLETE;
}

/** Where a tag's name that starts at `from` ends (a space, "/" or ">"), or INCOMPLETE. */
export function nameEndAt(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (isSpace(b) || b === GT || b === SLASH) return i;
  }
  return INCOMPLETE;
}

/** Where the local part of the name [start, end) begins: after its prefix's ":". */
export function localStart(bytes: Uint8Array, start: number, end: number): number {
  let local = start;
  for (let k = start; k < end; k++) if (bytes[k] === COLON) local = k + 1;
  return local;
}

/** True when the name in [start, end), prefix aside, is `local`. */
export function localIs(bytes: Uint8Array, start: number, end: number, local: string): boolean {
  const from = localStart(bytes, start, end);
  return end - from === local.length && spellsAt(bytes, from, local);
}

/** The value's [start, end) of a named attribute in a start tag [from, gt), or null. */
export function attributeValue(
  bytes: Uint8Array,
  from: number,
  gt: number,
  name: string
): [number, number] | null {
  let i = from;
  while (i < gt) {
    while (i < gt && isSpace(bytes[i])) i++;
    const nameStart = i;
    while (i < gt && bytes[i] !== 61 && !isSpace(bytes[i])) i++;
    const nameEnd = i;
    while (i < gt && bytes[i] !== QUOTE && bytes[i] !== APOSTROPHE) i++;
    if (i >= gt) return null;
    const quote = bytes[i];
    const start = i + 1;
    let end = start;
    while (end < gt && bytes[end] !== quote) end++;
    if (nameEnd - nameStart === name.length && spellsAt(bytes, nameStart, name))
      return [start, end];
    i = end + 1;
  }
  return null;
}

/**
 * Markup at `lt` that holds no element: a comment, a CDATA section or a processing instruction.
 * Returns the index after it, INCOMPLETE, or NOT_MARKUP for a tag. A document type declaration
 * (or any other "<!") is refused: no DTD is ever processed.
 */
export const NOT_MARKUP = -2;

export function skipMarkup(bytes: Uint8Array, lt: number): number {
  const next = bytes[lt + 1];
  if (next === undefined) return INCOMPLETE;
  if (next === QUESTION) {
    const end = findText(bytes, lt + 2, "?>");
    return end < 0 ? INCOMPLETE : end + 2;
  }
  if (next !== BANG) return NOT_MARKUP;
  if (lt + 4 > bytes.length) return INCOMPLETE;
  if (spellsAt(bytes, lt, "<!--")) {
    const end = findText(bytes, lt + 4, "-->");
    return end < 0 ? INCOMPLETE : end + 3;
  }
  if (lt + 9 > bytes.length) return INCOMPLETE; // "<![CDATA[" needs its bytes
  if (spellsAt(bytes, lt, "<![CDATA[")) {
    const end = findText(bytes, lt + 9, "]]>");
    return end < 0 ? INCOMPLETE : end + 3;
  }
  throw new XmlSyntaxError(
    spellsAt(bytes, lt, "<!DOCTYPE")
      ? "has a document type declaration (DTD), which Excel never writes and which is not read"
      : "has a declaration XML does not allow inside a document"
  );
}

/**
 * An element's text content as read by readContent: one plain run [start, end) (the usual
 * case, read without copying), or pieces joined with CDATA sections kept as written.
 */
export class Content {
  start = 0;
  end = 0;
  /** The text when it is not one plain run; null otherwise. */
  joined: string | null = null;
  /** Whether the plain run holds "&" or "_x": it needs unescaping. */
  escaped = false;

  /** The text as the cell holds it: references and `_xHHHH_` escapes replaced. */
  text(bytes: Uint8Array): string {
    if (this.joined !== null) return this.joined;
    const raw = normalizeNewlines(utf8(bytes, this.start, this.end));
    return this.escaped ? unescapeXstring(unescapeXml(raw)) : raw;
  }
}

/**
 * Reads the text content of an element whose start tag ended just before `from`, up to its end
 * tag `</…local>`: CDATA sections are text, comments and processing instructions are left out,
 * anything else inside is an XmlSyntaxError. Returns the index after the end tag, or INCOMPLETE.
 */
export function readContent(bytes: Uint8Array, from: number, local: string, out: Content): number {
  let pos = from;
  let pieces: string[] | null = null;
  let plainStart = from;
  let plainEnd = from;
  for (;;) {
    const lt = bytes.indexOf(LT, pos);
    if (lt < 0) return INCOMPLETE;
    if (lt > pos) {
      if (pieces === null && plainEnd === plainStart && plainStart === pos) plainEnd = lt;
      else (pieces ??= [plainText(bytes, plainStart, plainEnd)]).push(plainText(bytes, pos, lt));
    }
    if (bytes[lt + 1] === SLASH) {
      const nameEnd = nameEndAt(bytes, lt + 2);
      if (nameEnd < 0) return INCOMPLETE;
      const gt = tagEndAt(bytes, nameEnd);
      if (gt < 0) return INCOMPLETE;
      if (!localIs(bytes, lt + 2, nameEnd, local))
        throw new XmlSyntaxError(
          `is not well-formed XML (<${local}> is closed by another element's end tag)`
        );
      out.start = plainStart;
      out.end = plainEnd;
      out.escaped = pieces === null && hasEscapes(bytes, plainStart, plainEnd);
      out.joined = pieces === null ? null : unescapeXstring(pieces.join(""));
      return gt + 1;
    }
    const after = skipMarkup(bytes, lt);
    if (after === INCOMPLETE) return INCOMPLETE;
    if (after === NOT_MARKUP)
      throw new XmlSyntaxError(`has an element inside <${local}>, which holds text only`);
    if (spellsAt(bytes, lt, "<![CDATA[")) {
      pieces ??= [plainText(bytes, plainStart, plainEnd)];
      pieces.push(utf8(bytes, lt + 9, after - 3));
    } else pieces ??= [plainText(bytes, plainStart, plainEnd)];
    pos = after;
  }
}

/** Text between markup, references replaced (`_x` escapes are replaced on the joined text). */
function plainText(bytes: Uint8Array, start: number, end: number): string {
  return unescapeXml(normalizeNewlines(utf8(bytes, start, end)));
}

/** True when [start, end) holds "&" (a reference), "_x" (an escape) or a CR (a line end to normalise). */
function hasEscapes(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === 38 || b === 13 || (b === 95 && bytes[i + 1] === 120)) return true;
  }
  return false;
}
