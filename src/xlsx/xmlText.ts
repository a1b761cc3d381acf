/**
 * Text in and out of XML as the package format stores it: the five entities and character
 * references, and SpreadsheetML's `_xHHHH_` escapes for characters XML cannot hold.
 */
import { PartDefect, shortText } from "./unreadable";

/** A part that is not well-formed XML, or XML that uses what no Excel file does (a DTD). */
export class XmlSyntaxError extends PartDefect {}

const REFERENCE = /&(#[0-9]{1,8};|#x[0-9a-fA-F]{1,7};|[A-Za-z_:][A-Za-z0-9_:.-]*;)?/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A character XML 1.0 allows (its production Char). */
export function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Entities and character references replaced by their characters. Only XML's five entities
 * exist (no DTD is read to define more); an undefined entity, a reference to a character XML
 * does not allow, or a bare "&" is not XML: an XmlSyntaxError.
 */
export function unescapeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(REFERENCE, (whole: string, body: string | undefined) => {
    if (body === undefined)
      throw new XmlSyntaxError(`holds a bare "&" (${shortText(JSON.stringify(text), 40)})`);
    const name = body.slice(0, -1);
    if (name[0] !== "#") {
      const ch = NAMED[name];
      if (ch === undefined)
        throw new XmlSyntaxError(
          `refers to an entity ${shortText(whole, 40)} that XML does not define (no DTD is read)`
        );
      return ch;
    }
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    if (!isXmlCharacter(code))
      throw new XmlSyntaxError(`refers to ${whole}, a character XML does not allow`);
    return String.fromCodePoint(code);
  });
}

/** XML's end-of-line handling: a CR, or CR LF, as written in a file reads as LF. */
export function normalizeNewlines(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

/** An attribute's value as XML reads it: tabs and line breaks written as such become spaces. */
export function attributeText(raw: string): string {
  return unescapeXml(raw.replace(/\r\n|[\t\n\r]/g, " "));
}

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** SpreadsheetML's `_x000D_` escapes (ST_Xstring) replaced by their characters. */
export function unescapeXstring(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(X_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Cell text as stored (entities, then `_xHHHH_`) as the text Excel shows. */
export function cellText(stored: string): string {
  return unescapeXstring(unescapeXml(stored));
}

// Characters XML 1.0 cannot hold at all; Excel writes them as _xHHHH_.
// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LOOKS_ESCAPED = /_(x[0-9A-Fa-f]{4}_)/g;

/** Text for an element's content: markup escaped, and what XML cannot hold as `_xHHHH_`. */
export function escapeText(text: string): string {
  let out = text.replace(LOOKS_ESCAPED, "_x005F_$1"); // a literal "_x0041_" must survive the round trip
  out = out.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return out.replace(
    NOT_IN_XML,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

/** Text for an attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(NOT_IN_XML, "");
}
