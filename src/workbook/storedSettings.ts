/**
 * What the last build used, kept in the workbook itself so that next month's rebuild is one click
 * (task pane) or one command (CLI): the mapping, the definitions, the period choice, the targets,
 * how text was read, the sheet's language. One format for both: a custom XML part whose root is
 * `<scorecardSettings xmlns="urn:spec-scorecard:settings" version="1">`. Office.js reads and writes
 * it through `workbook.customXmlParts` (ExcelApi 1.5); the package layer finds it as
 * `customXml/itemN.xml` (xlsx/customXmlPart.ts). Reading validates everything: a hand-edited or
 * hostile part is refused with one line saying what is wrong, never half used.
 */
import { isoDateToSerial, serialToIso } from "../core/cells";
import { DATE_ORDERS, DateOrder } from "../core/dateText";
import { LANGUAGES, Language } from "../core/language";
import { DecimalMark } from "../core/numberText";
import { Result, ok, valueError } from "../core/result";
import { IndicatorId, indicatorById } from "../engine/indicatorCatalog";
import { PERIOD_KINDS, PeriodKind } from "../engine/period";
import { ScorecardSettings } from "../engine/scorecard";
import { MappingOverride, ROLE_COLUMNS, ROLES, Role } from "../engine/tableMapping";
import { VALUE_ATTRIBUTES, ValueAttribute } from "../engine/valueTiers";
import { escapeAttribute } from "../xlsx/xmlText";
import { XmlElement, XmlSyntaxError, namespaceOf, parseXml } from "../xlsx/xmlTree";

export const SETTINGS_NAMESPACE = "urn:spec-scorecard:settings";
export const SETTINGS_VERSION = 1;
/** A part larger than this is no settings this product wrote (a full one is a few KB). */
export const SETTINGS_MAX_BYTES = 256 * 1024;
const MAX_NAME = 255;

/** What a workbook holds: no stored settings, settings read, or settings refused and why. */
export type StoredRead =
  | { readonly kind: "none" }
  | { readonly kind: "stored"; readonly stored: StoredSettings }
  | { readonly kind: "refused"; readonly message: string };

export interface StoredSettings {
  readonly version: typeof SETTINGS_VERSION;
  /** When the build that stored them ran (ISO date and time, UTC); null when not said. */
  readonly builtAt: string | null;
  /** The sheet's language. */
  readonly language: Language;
  /** Each role's table and columns as the build used them; `table: null` when the analyst chose none. */
  readonly mapping: MappingOverride;
  readonly reading: { readonly decimal?: DecimalMark; readonly dateOrder?: DateOrder };
  readonly settings: ScorecardSettings;
}

const at = (n: number): string => String(n);

/** The part's XML: one element per kind of choice, numbers in their shortest form. */
export function storedSettingsXml(s: StoredSettings): string {
  const { settings } = s;
  const a = (name: string, value: string | number): string =>
    ` ${name}="${escapeAttribute(String(value))}"`;
  const lines: string[] = [];
  lines.push(
    `<period${a("kind", settings.period)}${settings.asOf === null ? "" : a("asOf", serialToIso(settings.asOf))}/>`,
    `<activation${a("windowDays", settings.activation.windowDays)}${a("minPurchases", settings.activation.minPurchases)}${a("minAmount", at(settings.activation.minAmount))}/>`,
    `<tiers${a("a", at(settings.value.tierShares.a))}${a("b", at(settings.value.tierShares.b))}/>`
  );
  for (const attribute of VALUE_ATTRIBUTES) {
    const weight = settings.value.weights[attribute];
    const direction = settings.value.directions[attribute];
    if (weight === undefined && direction === undefined) continue;
    lines.push(
      `<attribute${a("name", attribute)}${weight === undefined ? "" : a("weight", at(weight))}${direction === undefined ? "" : a("direction", direction)}/>`
    );
  }
  if (s.reading.decimal !== undefined || s.reading.dateOrder !== undefined)
    lines.push(
      `<reading${s.reading.decimal === undefined ? "" : a("decimal", s.reading.decimal)}${s.reading.dateOrder === undefined ? "" : a("dateOrder", s.reading.dateOrder)}/>`
    );
  for (const role of ROLES) {
    const m = s.mapping[role];
    if (m === undefined) continue;
    if (m.table === null) {
      lines.push(`<table${a("role", role)} none="1"/>`);
      continue;
    }
    const columns = Object.entries(m.columns ?? {})
      .filter(([, header]) => header !== undefined)
      .map(([column, header]) =>
        header === null
          ? `<column${a("name", column)} none="1"/>`
          : `<column${a("name", column)}${a("header", header as string)}/>`
      );
    lines.push(
      `<table${a("role", role)}${m.table === undefined ? "" : a("name", m.table)}>${columns.join("")}</table>`
    );
  }
  for (const [id, value] of Object.entries(settings.targets))
    if (value !== undefined) lines.push(`<target${a("indicator", id)}${a("value", at(value))}/>`);
  const built = s.builtAt === null ? "" : a("builtAt", s.builtAt);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<scorecardSettings xmlns="${SETTINGS_NAMESPACE}"${a("version", SETTINGS_VERSION)}${a("language", s.language)}${built}>\n` +
    lines.map((l) => `  ${l}\n`).join("") +
    `</scorecardSettings>\n`
  );
}

/** Why a part was refused, for the message. */
class Refusal extends Error {}

const WORDS = {
  en: {
    refused: (where: string, why: string) =>
      `the settings stored in ${where} cannot be used: ${why}; building again stores new ones`,
    tooBig: `the part is larger than ${SETTINGS_MAX_BYTES / 1024} KB, far more than settings take`,
    notXml: (why: string) => `it is not well-formed XML (${why})`,
    dtd: "it declares a DTD, which settings never do",
    root: (name: string, ns: string) =>
      `its root element is <${name}> in namespace ${ns}, not <scorecardSettings> in ${SETTINGS_NAMESPACE}`,
    version: (v: string) =>
      `it was written by a newer SPEC Scorecard (format version ${v}): update the add-in`,
    badVersion: (v: string) => `its version "${v}" is not a format version`,
    element: (name: string) => `it holds an unknown element <${name}>`,
    twice: (what: string) => `${what} is given twice`,
    missing: (element: string, attribute: string) => `<${element}> has no ${attribute}`,
    value: (element: string, attribute: string, value: string, wanted: string) =>
      `<${element} ${attribute}="${value}">: ${attribute} must be ${wanted}`,
  },
  es: {
    refused: (where: string, why: string) =>
      `la configuración guardada en ${where} no se puede usar: ${why}; al crear de nuevo se guarda otra`,
    tooBig: `la parte ocupa más de ${SETTINGS_MAX_BYTES / 1024} KB, mucho más que una configuración`,
    notXml: (why: string) => `no es XML bien formado (${why})`,
    dtd: "declara una DTD, que una configuración nunca tiene",
    root: (name: string, ns: string) =>
      `su elemento raíz es <${name}> del espacio de nombres ${ns}, no <scorecardSettings> de ${SETTINGS_NAMESPACE}`,
    version: (v: string) =>
      `la escribió un SPEC Scorecard más nuevo (versión de formato ${v}): actualice el complemento`,
    badVersion: (v: string) => `su versión "${v}" no es una versión de formato`,
    element: (name: string) => `tiene un elemento desconocido <${name}>`,
    twice: (what: string) => `${what} aparece dos veces`,
    missing: (element: string, attribute: string) => `<${element}> no tiene ${attribute}`,
    value: (element: string, attribute: string, value: string, wanted: string) =>
      `<${element} ${attribute}="${value}">: ${attribute} debe ser ${wanted}`,
  },
};

const WANTED = {
  en: {
    oneOf: (values: readonly (string | number)[]) => `one of ${values.join(", ")}`,
    whole: (min: number) => `a whole number of at least ${min}`,
    atLeast: (min: number) => `a number of at least ${min}`,
    share: "a share from 0 to 1 (A and B together at most 1)",
    number: "a number",
    date: "a date YYYY-MM-DD",
    name: `a name of 1 to ${MAX_NAME} characters`,
    flag: '"1"',
    indicator: "an indicator id such as revenue or svc.activation_rate",
  },
  es: {
    oneOf: (values: readonly (string | number)[]) => `uno de ${values.join(", ")}`,
    whole: (min: number) => `un número entero de al menos ${min}`,
    atLeast: (min: number) => `un número de al menos ${min}`,
    share: "una proporción de 0 a 1 (A y B juntos a lo sumo 1)",
    number: "un número",
    date: "una fecha AAAA-MM-DD",
    name: `un nombre de 1 a ${MAX_NAME} caracteres`,
    flag: '"1"',
    indicator: "el id de un indicador, como revenue o svc.activation_rate",
  },
};

type Words = (typeof WORDS)["en"];
type Wanted = (typeof WANTED)["en"];

/** Reads one element's attributes, each checked; a wrong one is a Refusal naming it. */
class Attributes {
  constructor(
    private readonly el: XmlElement,
    private readonly words: Words,
    private readonly wanted: Wanted
  ) {}

  optional(name: string): string | undefined {
    return this.el.attributes.get(name);
  }

  required(name: string): string {
    const v = this.el.attributes.get(name);
    if (v === undefined) throw new Refusal(this.words.missing(this.el.local, name));
    return v;
  }

  fail(name: string, value: string, wanted: string): never {
    throw new Refusal(this.words.value(this.el.local, name, value, wanted));
  }

  oneOf<T extends string | number>(name: string, values: readonly T[], v = this.required(name)): T {
    const found = values.find((x) => String(x) === v);
    if (found === undefined) this.fail(name, v, this.wanted.oneOf(values));
    return found;
  }

  number(name: string, min: number, whole: boolean, v = this.required(name)): number {
    const n = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isFinite(n) || n < min || (whole && !Number.isInteger(n)))
      this.fail(name, v, whole ? this.wanted.whole(min) : this.wanted.atLeast(min));
    return n;
  }

  anyNumber(name: string): number {
    const v = this.required(name);
    const n = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isFinite(n)) this.fail(name, v, this.wanted.number);
    return n;
  }

  name(name: string): string {
    const v = this.required(name);
    if (v.trim() === "" || v.length > MAX_NAME) this.fail(name, v, this.wanted.name);
    return v;
  }

  flag(name: string): boolean {
    const v = this.optional(name);
    if (v === undefined) return false;
    if (v !== "1") this.fail(name, v, this.wanted.flag);
    return true;
  }
}

interface Draft {
  period?: PeriodKind;
  asOf: number | null;
  activation?: ScorecardSettings["activation"];
  tiers?: { a: number; b: number };
  weights: Partial<Record<ValueAttribute, number>>;
  directions: Partial<Record<ValueAttribute, 1 | -1>>;
  reading: { decimal?: DecimalMark; dateOrder?: DateOrder };
  mapping: MappingOverride;
  targets: Partial<Record<IndicatorId, number>>;
  seen: Set<string>;
}

type ElementReader = (attrs: Attributes, d: Draft, el: XmlElement, w: Words, x: Wanted) => void;

const once = (d: Draft, key: string, w: Words): void => {
  if (d.seen.has(key)) throw new Refusal(w.twice(key));
  d.seen.add(key);
};

const READERS: Record<string, ElementReader> = {
  period: (attrs, d, _el, w, x) => {
    once(d, "<period>", w);
    d.period = attrs.oneOf("kind", PERIOD_KINDS);
    const asOf = attrs.optional("asOf");
    if (asOf !== undefined) {
      const day = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? isoDateToSerial(asOf) : NaN;
      if (!(day >= 1)) attrs.fail("asOf", asOf, x.date);
      d.asOf = day;
    }
  },
  activation: (attrs, d, _el, w) => {
    once(d, "<activation>", w);
    d.activation = {
      windowDays: attrs.number("windowDays", 1, true),
      minPurchases: attrs.number("minPurchases", 1, true),
      minAmount: attrs.number("minAmount", 0, false),
    };
  },
  tiers: (attrs, d, _el, w, x) => {
    once(d, "<tiers>", w);
    const a = attrs.number("a", 0, false);
    const b = attrs.number("b", 0, false);
    if (a > 1) attrs.fail("a", String(a), x.share);
    if (a + b > 1) attrs.fail("b", String(b), x.share);
    d.tiers = { a, b };
  },
  attribute: (attrs, d, _el, w) => {
    const name = attrs.oneOf("name", VALUE_ATTRIBUTES);
    once(d, `<attribute name="${name}">`, w);
    const weight = attrs.optional("weight");
    if (weight !== undefined) d.weights[name] = attrs.number("weight", 0, false, weight);
    const direction = attrs.optional("direction");
    if (direction !== undefined)
      d.directions[name] = attrs.oneOf("direction", [1, -1] as const, direction);
  },
  reading: (attrs, d, _el, w) => {
    once(d, "<reading>", w);
    const decimal = attrs.optional("decimal");
    if (decimal !== undefined)
      d.reading.decimal = attrs.oneOf<DecimalMark>("decimal", [".", ","], decimal);
    const order = attrs.optional("dateOrder");
    if (order !== undefined) d.reading.dateOrder = attrs.oneOf("dateOrder", DATE_ORDERS, order);
  },
  table: readTable,
  target: (attrs, d, _el, w, x) => {
    const id = attrs.required("indicator");
    if (indicatorById(id) === undefined) attrs.fail("indicator", id, x.indicator);
    once(d, `<target indicator="${id}">`, w);
    d.targets[id as IndicatorId] = attrs.anyNumber("value");
  },
};

function readTable(attrs: Attributes, d: Draft, el: XmlElement, w: Words, x: Wanted): void {
  const role = attrs.oneOf("role", ROLES);
  once(d, `<table role="${role}">`, w);
  if (attrs.flag("none")) {
    if (el.children.length > 0) throw new Refusal(w.element(el.children[0].name));
    (d.mapping as Record<Role, unknown>)[role] = { table: null };
    return;
  }
  const table = attrs.optional("name") === undefined ? undefined : attrs.name("name");
  const columns: Record<string, string | null> = {};
  for (const c of el.children) {
    if (c.local !== "column" || namespaceOf(c, c.prefix) !== SETTINGS_NAMESPACE)
      throw new Refusal(w.element(c.name));
    const ca = new Attributes(c, w, x);
    const column = ca.oneOf("name", ROLE_COLUMNS[role] as readonly string[]);
    if (column in columns) throw new Refusal(w.twice(`<column name="${column}">`));
    columns[column] = ca.flag("none") ? null : ca.name("header");
  }
  (d.mapping as Record<Role, unknown>)[role] = { table, columns };
}

function readRoot(root: XmlElement, w: Words, x: Wanted): StoredSettings {
  if (root.local !== "scorecardSettings" || namespaceOf(root, root.prefix) !== SETTINGS_NAMESPACE)
    throw new Refusal(w.root(root.name, namespaceOf(root, root.prefix) ?? "(none)"));
  const attrs = new Attributes(root, w, x);
  const version = attrs.required("version");
  if (!/^\d{1,9}$/.test(version)) throw new Refusal(w.badVersion(version));
  if (Number(version) > SETTINGS_VERSION) throw new Refusal(w.version(version));
  if (Number(version) < 1) throw new Refusal(w.badVersion(version));
  const language = attrs.oneOf("language", LANGUAGES);
  const builtAt = attrs.optional("builtAt") ?? null;
  const d: Draft = {
    asOf: null,
    weights: {},
    directions: {},
    reading: {},
    mapping: {},
    targets: {},
    seen: new Set(),
  };
  for (const el of root.children) {
    const reader = READERS[el.local];
    if (reader === undefined || namespaceOf(el, el.prefix) !== SETTINGS_NAMESPACE)
      throw new Refusal(w.element(el.name));
    if (el.local !== "table" && el.children.length > 0)
      throw new Refusal(w.element(el.children[0].name));
    reader(new Attributes(el, w, x), d, el, w, x);
  }
  if (d.period === undefined) throw new Refusal(w.missing("scorecardSettings", "<period>"));
  if (d.activation === undefined) throw new Refusal(w.missing("scorecardSettings", "<activation>"));
  if (d.tiers === undefined) throw new Refusal(w.missing("scorecardSettings", "<tiers>"));
  return {
    version: SETTINGS_VERSION,
    builtAt: builtAt !== null && builtAt.length <= 40 ? builtAt : null,
    language,
    mapping: d.mapping,
    reading: d.reading,
    settings: {
      asOf: d.asOf,
      period: d.period,
      activation: d.activation,
      value: { weights: d.weights, directions: d.directions, tierShares: d.tiers },
      targets: d.targets,
    },
  };
}

/**
 * The settings in a part's XML, or why they cannot be used (`where` names the part: "the
 * workbook", "customXml/item1.xml"). Never throws: whatever the text holds.
 */
export function readStoredSettings(
  xml: string,
  where: string,
  language: Language = "en"
): Result<StoredSettings> {
  const w = WORDS[language];
  const x = WANTED[language];
  try {
    if (xml.length > SETTINGS_MAX_BYTES) throw new Refusal(w.tooBig);
    if (/<!DOCTYPE/i.test(xml)) throw new Refusal(w.dtd);
    let root: XmlElement;
    try {
      root = parseXml(xml.replace(/^\uFEFF/, ""));
    } catch (e) {
      if (e instanceof XmlSyntaxError || e instanceof RangeError)
        // The parser says "is not well-formed XML (what)": only the what, in the pane's words.
        throw new Refusal(w.notXml(e.message.replace(/^is not well-formed XML \((.*)\)$/s, "$1")));
      throw e;
    }
    return ok(readRoot(root, w, x));
  } catch (e) {
    if (e instanceof Refusal) return valueError(w.refused(where, e.message));
    return valueError(w.refused(where, e instanceof Error ? e.message : String(e)));
  }
}

/** A part's text, or a part past the size budget, as what the workbook holds. */
export function storedReadOf(
  found: { readonly xml: string } | { readonly tooBig: true } | null,
  where: string,
  language: Language
): StoredRead {
  if (found === null) return { kind: "none" };
  const read = readStoredSettings(
    "xml" in found ? found.xml : " ".repeat(SETTINGS_MAX_BYTES + 1),
    where,
    language
  );
  return read.ok
    ? { kind: "stored", stored: read.value }
    : { kind: "refused", message: read.error.message };
}
