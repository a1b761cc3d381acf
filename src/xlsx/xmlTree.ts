/**
 * The small parts of a package (workbook, relationships, content types, styles, tables) as a
 * tree that remembers where each element sits in the text, so that an edit is a splice and
 * everything else stays as it was written. The big parts (sheets, shared strings) are read by
 * byte scanners instead (sheetScanner.ts, sharedStrings.ts).
 */
import { XmlSyntaxError, attributeText, normalizeNewlines, unescapeXml } from "./xmlText";

export { XmlSyntaxError } from "./xmlText";

export interface XmlElement {
  /** The name as written, with its prefix ("x:sheet"). */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** Attributes by the name as written, values unescaped. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  readonly parent: XmlElement | null;
  /** Index of "<" of the start tag, and just after the ">" of the end (or empty) tag. */
  readonly start: number;
  end: number;
  /** Index just after the start tag's ">" and of the end tag's "<" (equal for an empty element). */
  readonly innerStart: number;
  innerEnd: number;
  /** Text directly inside, unescaped (CDATA included). */
  text: string;
}

const NAME_END = /[\s/>]/;
/** Elements a part read whole may hold: a million (each costs a few hundred bytes as a tree). */
const MAX_ELEMENTS = 1000000;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function element(
  name: string,
  attributes: Map<string, string>,
  parent: XmlElement | null,
  start: number,
  innerStart: number
): XmlElement {
  const colon = name.indexOf(":");
  return {
    name,
    prefix: colon < 0 ? "" : name.slice(0, colon),
    local: colon < 0 ? name : name.slice(colon + 1),
    attributes,
    children: [],
    parent,
    start,
    end: innerStart,
    innerStart,
    innerEnd: innerStart,
    text: "",
  };
}

/** A part that is not well-formed XML, with what is wrong. */
const malformed = (detail: string): XmlSyntaxError =>
  new XmlSyntaxError(`is not well-formed XML (${detail})`);

/** Parses a whole document; the root element is returned. Throws XmlSyntaxError when it is not XML. */
export function parseXml(text: string): XmlElement {
  let elements = 0;
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    const lt = text.indexOf("<", pos);
    if (lt < 0) break;
    if (current !== null && lt > pos)
      current.text += unescapeXml(normalizeNewlines(text.slice(pos, lt)));
    if (text.startsWith("<!--", lt)) {
      const close = text.indexOf("-->", lt + 4);
      if (close < 0) throw malformed("unterminated comment");
      pos = close + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const close = text.indexOf("]]>", lt + 9);
      if (close < 0) throw malformed("unterminated CDATA section");
      if (current !== null) current.text += text.slice(lt + 9, close);
      pos = close + 3;
      continue;
    }
    if (text.startsWith("<?", lt)) {
      const close = text.indexOf("?>", lt + 2);
      if (close < 0) throw malformed("unterminated processing instruction");
      pos = close + 2;
      continue;
    }
    if (text.startsWith("<!", lt))
      throw new XmlSyntaxError(
        text.startsWith("<!DOCTYPE", lt)
          ? "has a document type declaration (DTD), which Excel never writes and which is not read"
          : `has a declaration XML does not allow here (at ${lt})`
      );
    const gt = tagEnd(text, lt);
    if (text[lt + 1] === "/") {
      const name = text.slice(lt + 2, gt).trim();
      if (current === null || current.name !== name)
        throw malformed(`unexpected </${name}> at ${lt}`);
      current.innerEnd = lt;
      current.end = gt + 1;
      current = current.parent;
      pos = gt + 1;
      continue;
    }
    const empty = text[gt - 1] === "/";
    const body = text.slice(lt + 1, empty ? gt - 1 : gt);
    const nameEnd = body.search(NAME_END);
    const name = nameEnd < 0 ? body : body.slice(0, nameEnd);
    if (name === "") throw malformed(`empty tag name at ${lt}`);
    const attributes = new Map<string, string>();
    if (nameEnd >= 0) {
      for (const m of body.slice(nameEnd).matchAll(ATTRIBUTE)) {
        if (attributes.has(m[1]))
          throw new XmlSyntaxError(`gives <${name}> the attribute ${m[1]} twice (at ${lt})`);
        attributes.set(m[1], attributeText(m[3] ?? m[4] ?? ""));
      }
    }
    if (++elements > MAX_ELEMENTS)
      throw new XmlSyntaxError(
        `holds more than ${MAX_ELEMENTS.toLocaleString("en")} elements`,
        "a workbook Excel saves holds far fewer: save it again from Excel"
      );
    const el = element(name, attributes, current, lt, gt + 1);
    if (current !== null) current.children.push(el);
    else if (root === null) root = el;
    else throw malformed("more than one root element");
    if (!empty) current = el;
    pos = gt + 1;
  }
  if (root === null) throw malformed("no root element");
  if (current !== null) throw malformed(`<${current.name}> is not closed`);
  return root;
}

/** The ">" that ends the tag starting at `lt`, skipping quoted attribute values. */
function tagEnd(text: string, lt: number): number {
  let quote = "";
  for (let i = lt + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote !== "") {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
  }
  throw malformed(`unterminated tag at ${lt}`);
}

/** The first child with a local name, or undefined. */
export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** An attribute by its local name, whatever its prefix ("r:id" → "id" with the prefix bound to ns). */
export function attribute(el: XmlElement, local: string, namespace?: string): string | undefined {
  if (namespace === undefined) return el.attributes.get(local);
  for (const [name, value] of el.attributes) {
    const colon = name.indexOf(":");
    if (
      colon >= 0 &&
      name.slice(colon + 1) === local &&
      namespaceOf(el, name.slice(0, colon)) === namespace
    )
      return value;
  }
  return undefined;
}

/** The namespace a prefix is bound to where `el` sits ("" for the default namespace). */
export function namespaceOf(el: XmlElement, prefix: string): string | undefined {
  const declaration = prefix === "" ? "xmlns" : `xmlns:${prefix}`;
  for (let e: XmlElement | null = el; e !== null; e = e.parent) {
    const value = e.attributes.get(declaration);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The prefix bound to a namespace where `el` sits: "" for the default, undefined when none. */
export function prefixOf(el: XmlElement, namespace: string): string | undefined {
  for (let e: XmlElement | null = el; e !== null; e = e.parent) {
    for (const [name, value] of e.attributes) {
      if (value !== namespace) continue;
      if (name === "xmlns") return "";
      if (name.startsWith("xmlns:")) return name.slice(6);
    }
  }
  return undefined;
}

/** A splice of the document's text: [start, end) replaced by `text`. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies splices that do not overlap, in any order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error("overlapping edits of one XML part");
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The start tag of `el` with one attribute set (added, or its value replaced). */
function startTagWith(text: string, el: XmlElement, name: string, value: string): string {
  const tag = text.slice(el.start, el.innerStart);
  const escaped = value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const existing = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  return existing.test(tag)
    ? tag.replace(existing, `$1"${escaped}"`)
    : tag.replace(/(\s*\/?>)$/, ` ${name}="${escaped}"$1`);
}

/** A splice setting one attribute of an element's start tag. */
export function setAttribute(text: string, el: XmlElement, name: string, value: string): Splice {
  return { start: el.start, end: el.innerStart, text: startTagWith(text, el, name, value) };
}

/**
 * Splices that append `markup` as the last children of `el` (an empty element `<x/>` is opened
 * up), setting its count attribute to `count` when one is given.
 */
export function appendChildren(
  text: string,
  el: XmlElement,
  markup: string,
  count?: number
): Splice[] {
  const tag =
    count === undefined
      ? text.slice(el.start, el.innerStart)
      : startTagWith(text, el, "count", String(count));
  if (el.innerStart === el.end)
    return [
      {
        start: el.start,
        end: el.end,
        text: `${tag.replace(/\s*\/>$/, ">")}${markup}</${el.name}>`,
      },
    ];
  return [
    { start: el.start, end: el.innerStart, text: tag },
    { start: el.innerEnd, end: el.innerEnd, text: markup },
  ];
}

/**
 * Where a new child named `local` goes so that the children stay in the schema's `order`: before
 * the first child that comes after it (after any of its own kind), else at the end.
 */
export function insertionPoint(
  parent: XmlElement,
  order: readonly string[],
  local: string
): number {
  const rank = order.indexOf(local);
  const next = parent.children.find((c) => order.indexOf(c.local) > rank);
  return next === undefined ? parent.innerEnd : next.start;
}
