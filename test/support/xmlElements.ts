/**
 * XML as XlsxWriter's tests read it: a list of elements, the text split where one tag ends and the
 * next begins (a tag's text stays with it: '<t>Customer</t>', '<f t="array" ref="B4">SUM(…)</f>').
 */
import { parseXml } from "../../src/xlsx/xmlTree";
import { unescapeXml } from "../../src/xlsx/xmlText";

/** An XML text as its elements. */
export function xmlElements(xml: string): string[] {
  return xml
    .trim()
    .split(/>\s*</)
    .map((e) => `${e.startsWith("<") ? "" : "<"}${e}${e.endsWith(">") ? "" : ">"}`);
}

/** The name of one element of `xmlElements` ('<c r="B4">' → "c", '</c>' → "/c", '<?xml …?>' → "?xml"). */
export function nameOf(element: string): string {
  return /^<(\/?[^\s/>]+)/.exec(element)?.[1] ?? "";
}

/** The attributes of a start or empty tag of `xmlElements` ('<c r="B4" cm="1">' → r, cm); none for others. */
export function attributesOf(element: string): ReadonlyMap<string, string> {
  if (!/^<[A-Za-z_]/.test(element)) return new Map();
  const tag = element.slice(0, element.indexOf(">") + 1).replace(/\s*\/?>$/, "");
  return parseXml(`${tag}/>`).attributes;
}

/** The text inside one element of `xmlElements` ('<t>a &amp; b</t>' → "a & b"). */
export function textOf(element: string): string {
  const inner = element.slice(element.indexOf(">") + 1, element.lastIndexOf("</"));
  return unescapeXml(inner);
}
