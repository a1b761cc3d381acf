/**
 * The command line of SPEC.md §4, parsed into settings; every mistake is one line saying what to
 * fix, in the language asked for (--lang es anywhere on the line makes every message Spanish).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { isoDateToSerial } from "../core/cells";
import { DATE_ORDERS, DateOrder } from "../core/dateText";
import { DecimalMark, numberReadings } from "../core/numberText";
import { Result, ok, valueError } from "../core/result";
import { INDICATOR_IDS, IndicatorId } from "../engine/indicatorCatalog";
import { PERIOD_KINDS, PeriodKind } from "../engine/period";
import { DEFAULT_SETTINGS, ScorecardSettings } from "../engine/scorecard";
import { LANGUAGES, Language } from "../plan/labels";
import { MappingOverride, ROLE_COLUMNS, ROLES } from "../engine/tableMapping";
import { CLI_TEXT, CliText, closestFirst } from "./cliText";

export interface CliOptions {
  readonly source: string;
  readonly out: string | null;
  readonly json: boolean;
  /** Leave the data check and the notes off stderr. */
  readonly quiet: boolean;
  /** Write every cell of the Scorecard as its value (planAsValues), for readers without the add-in. */
  readonly values: boolean;
  readonly language: Language;
  readonly settings: ScorecardSettings;
  /** Corrections to the guessed mapping (--table, --column). */
  readonly mapping: MappingOverride;
  /** What settles text the data cannot tell (--decimal, --date-order). */
  readonly reading: { readonly decimal?: DecimalMark; readonly dateOrder?: DateOrder };
  /** --engine: how files are computed; null lets the source decide (sql/sqlSources.ts). */
  readonly engine: "memory" | "duckdb" | null;
  /** The options given on the command line ("--period"): they override the workbook's stored settings. */
  readonly given: ReadonlySet<string>;
}

/** What the command line asks for: a scorecard, or its help or version. */
export type Command =
  | { readonly kind: "run"; readonly options: CliOptions }
  | { readonly kind: "help" | "version"; readonly text: string };

/** The version in package.json (lib/cli and src/cli are both two levels below it). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
    version: string;
  };
  return `spec-scorecard ${pkg.version}`;
}

/** The language asked for, read before anything else so that every message can be in it. */
export function languageOfArgs(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const v =
      argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice(7) : null;
    if (v === "es" || v === "en") return v;
  }
  return "en";
}

interface Draft {
  source: string | null;
  out: string | null;
  json: boolean;
  quiet: boolean;
  values: boolean;
  language: Language;
  asOf: number | null;
  period: PeriodKind;
  activation: { windowDays: number; minPurchases: number; minAmount: number };
  targets: Partial<Record<IndicatorId, number>>;
  mapping: Record<string, { table?: string | null; columns?: Record<string, string | null> }>;
  reading: { decimal?: DecimalMark; dateOrder?: DateOrder };
  engine: "memory" | "duckdb" | null;
  given: Set<string>;
}

/** A flag's value applied to the draft; an error message when it is not one the flag takes. */
type Apply = (d: Draft, v: string, flag: string, T: CliText) => string | null;

const FLAGS: Record<string, Apply> = {
  "--out": (d, v) => ((d.out = v), null),
  "--as-of": (d, v, flag, T) => {
    const day = isoDateToSerial(v);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || day < 1) return T.needs(flag, T.what.date, v);
    d.asOf = day;
    return null;
  },
  "--period": (d, v, flag, T) => {
    if (!(PERIOD_KINDS as readonly string[]).includes(v))
      return T.needs(flag, T.what.oneOf(PERIOD_KINDS), v);
    d.period = v as PeriodKind;
    return null;
  },
  "--window": (d, v, flag, T) => wholeNumber(v, flag, T, (n) => (d.activation.windowDays = n)),
  "--min-purchases": (d, v, flag, T) =>
    wholeNumber(v, flag, T, (n) => (d.activation.minPurchases = n)),
  "--min-amount": (d, v, flag, T) => {
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n) || n < 0) return T.needs(flag, T.what.zeroOrMore, v);
    d.activation.minAmount = n;
    return null;
  },
  "--lang": (d, v, flag, T) => {
    if (!(LANGUAGES as readonly string[]).includes(v))
      return T.needs(flag, T.what.oneOf(LANGUAGES), v);
    d.language = v as Language;
    return null;
  },
  "--target": target,
  "--table": (d, v, flag, T) => {
    const m = /^([a-z]+)=(.+)$/.exec(v);
    if (m === null || !(ROLES as readonly string[]).includes(m[1]))
      return T.needs(flag, T.what.table, v);
    d.mapping[m[1]] = { ...d.mapping[m[1]], table: m[2] === "none" ? null : m[2] };
    return null;
  },
  "--column": (d, v, flag, T) => {
    const m = /^([a-z]+)\.([A-Za-z]+)=(.+)$/.exec(v);
    const columns =
      m === null ? undefined : (ROLE_COLUMNS as Record<string, readonly string[]>)[m[1]];
    if (m === null || columns === undefined || !columns.includes(m[2]))
      return T.needs(flag, T.what.column, v);
    d.mapping[m[1]] = {
      ...d.mapping[m[1]],
      columns: { ...(d.mapping[m[1]]?.columns ?? {}), [m[2]]: m[3] === "none" ? null : m[3] },
    };
    return null;
  },
  "--decimal": (d, v, flag, T) => {
    if (v !== "," && v !== ".") return T.needs(flag, T.what.decimal, v);
    d.reading.decimal = v;
    return null;
  },
  "--date-order": (d, v, flag, T) => {
    if (!(DATE_ORDERS as readonly string[]).includes(v)) return T.needs(flag, T.what.dateOrder, v);
    d.reading.dateOrder = v as DateOrder;
    return null;
  },
  "--engine": (d, v, flag, T) => {
    if (v !== "memory" && v !== "duckdb") return T.needs(flag, T.what.oneOf(ENGINES), v);
    d.engine = v;
    return null;
  },
};

const ENGINES = ["memory", "duckdb"] as const;

/** What each flag that takes a value says it needs when the value is missing. */
const NEEDS: Record<string, (T: CliText) => string> = {
  "--out": (T) => T.what.file,
  "--as-of": (T) => T.what.date,
  "--period": (T) => T.what.oneOf(PERIOD_KINDS),
  "--window": (T) => T.what.wholeAtLeast1,
  "--min-purchases": (T) => T.what.wholeAtLeast1,
  "--min-amount": (T) => T.what.zeroOrMore,
  "--lang": (T) => T.what.oneOf(LANGUAGES),
  "--target": (T) => T.what.target,
  "--table": (T) => T.what.table,
  "--column": (T) => T.what.column,
  "--decimal": (T) => T.what.decimal,
  "--date-order": (T) => T.what.dateOrder,
  "--engine": (T) => T.what.oneOf(ENGINES),
};

function wholeNumber(v: string, flag: string, T: CliText, set: (n: number) => void): string | null {
  const n = Number(v);
  if (v.trim() === "" || !Number.isInteger(n) || n < 1)
    return T.needs(flag, T.what.wholeAtLeast1, v);
  set(n);
  return null;
}

/** --target id=number: an unknown id lists the ids closest first; a bad number says so. */
function target(d: Draft, v: string, flag: string, T: CliText): string | null {
  const at = v.indexOf("=");
  if (at <= 0) return T.needs(flag, T.what.target, v);
  const id = v.slice(0, at).trim();
  const text = v.slice(at + 1).trim();
  if (!(INDICATOR_IDS as readonly string[]).includes(id))
    return T.unknownIndicator(id, closestFirst(id, INDICATOR_IDS));
  const r = numberReadings(text);
  // A decimal point as written on the command line; a lone decimal comma (0,8) is read too.
  const n =
    r.point === r.point && !/,/.test(text)
      ? r.point
      : r.comma === r.comma && !/\./.test(text)
        ? r.comma
        : NaN;
  if (text === "" || !Number.isFinite(n)) return T.notANumber(flag, id, text);
  d.targets[id as IndicatorId] = n;
  return null;
}

export function parseCommand(argv: readonly string[]): Result<Command> {
  const T = CLI_TEXT[languageOfArgs(argv)];
  const d: Draft = {
    source: null,
    out: null,
    json: false,
    quiet: false,
    values: false,
    language: "en",
    asOf: null,
    period: DEFAULT_SETTINGS.period,
    activation: { ...DEFAULT_SETTINGS.activation },
    targets: {},
    mapping: {},
    reading: {},
    engine: null,
    given: new Set(),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return ok({ kind: "help", text: T.help });
    if (arg === "--version") return ok({ kind: "version", text: version() });
    if (arg === "--json" || arg === "--quiet" || arg === "--values") {
      d[arg === "--json" ? "json" : arg === "--quiet" ? "quiet" : "values"] = true;
      continue;
    }
    // --flag=value is --flag value (the value may hold "=" itself: --target=revenue=100).
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const apply = FLAGS[flag];
    if (apply !== undefined) {
      const v = inline !== undefined ? inline : i + 1 < argv.length ? argv[++i] : null;
      const problem = v === null ? T.needs(flag, NEEDS[flag](T), null) : apply(d, v, flag, T);
      if (problem !== null) return valueError(problem);
      d.given.add(flag);
      continue;
    }
    if (arg.startsWith("-")) return valueError(T.unknownOption(arg));
    if (d.source !== null) return valueError(T.oneSource(d.source, arg));
    d.source = arg;
  }
  if (d.source === null) return valueError(T.nameSource);
  if (d.values && d.out === null) return valueError(T.valuesNeedOut);
  return ok({
    kind: "run",
    options: {
      source: d.source,
      out: d.out,
      json: d.json,
      quiet: d.quiet,
      values: d.values,
      language: d.language,
      settings: {
        ...DEFAULT_SETTINGS,
        asOf: d.asOf,
        period: d.period,
        activation: d.activation,
        targets: d.targets,
      },
      mapping: d.mapping as MappingOverride,
      reading: d.reading,
      engine: d.engine,
      given: d.given,
    },
  });
}
