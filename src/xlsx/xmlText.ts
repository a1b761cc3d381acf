/**
 * Text in and out of XML as the package format stores it: the five entities and character
 * references, and SpreadsheetML's `_xHHHH_` escapes for characters XML cannot hold.
 */

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Entities and character references replaced by their characters. */
export function unescapeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(
    ENTITY,
    (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
      name !== undefined
        ? NAMED[name]
        : String.fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex as string, 16))
  );
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
