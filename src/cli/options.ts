/** The command line of SPEC.md §4, parsed into settings; every mistake is one line saying what to fix. */
import { isoDateToSerial } from "../core/cells";
import { Result, ok, valueError } from "../core/result";
import { INDICATOR_IDS, IndicatorId } from "../engine/indicatorCatalog";
import { PERIOD_KINDS, PeriodKind } from "../engine/period";
import { DEFAULT_SETTINGS, ScorecardSettings } from "../engine/scorecard";
import { LANGUAGES, Language } from "../plan/labels";
import { MappingOverride, ROLE_COLUMNS, ROLES } from "../engine/tableMapping";

export const USAGE = `usage: spec-scorecard <workbook.xlsx | folder> [--out scorecard.xlsx] [--json]
    [--as-of YYYY-MM-DD] [--period month|quarter|year]
    [--window 90] [--min-purchases 1] [--min-amount 0] [--lang en|es] [--target <indicator id>=<number> ...]
    [--table <role>=<table name or none> ...] [--column <role>.<column>=<header or none> ...]`;

export interface CliOptions {
  readonly source: string;
  readonly out: string | null;
  readonly json: boolean;
  readonly language: Language;
  readonly settings: ScorecardSettings;
  /** Corrections to the guessed mapping (--table, --column). */
  readonly mapping: MappingOverride;
}

/** The options read so far. */
interface Parsed {
  source: string | null;
  out: string | null;
  json: boolean;
  language: Language;
  asOf: number | null;
  period: PeriodKind;
  readonly activation: { windowDays: number; minPurchases: number; minAmount: number };
  readonly targets: Partial<Record<IndicatorId, number>>;
  readonly mapping: Record<
    string,
    { table?: string | null; columns?: Record<string, string | null> }
  >;
}

/**
 * One option's value: read by `parse` (null: not valid), or the error saying what it needs and,
 * unless `quote` is false, what it got.
 */
type ReadValue = <T>(what: string, parse: (v: string) => T | null, quote?: boolean) => Result<T>;

export function parseOptions(argv: readonly string[]): Result<CliOptions> {
  const p: Parsed = {
    source: null,
    out: null,
    json: false,
    language: "en",
    asOf: null,
    period: DEFAULT_SETTINGS.period,
    activation: { ...DEFAULT_SETTINGS.activation },
    targets: {},
    mapping: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // --flag=value is --flag value (the value may hold "=" itself: --target=revenue=100).
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const read: ReadValue = (what, parse, quote = true) => {
      const v = inline !== undefined ? inline : i + 1 < argv.length ? argv[++i] : null;
      const parsed = v === null ? null : parse(v);
      if (parsed !== null) return ok(parsed);
      return valueError(`${flag} needs ${what}${v === null || !quote ? "" : ` (got '${v}')`}`);
    };
    const applied = applySettingOption(flag, read, p) ?? applyOutputOption(flag, read, p);
    if (applied !== null && !applied.ok) return applied;
    if (applied !== null) continue;
    if (arg.startsWith("-")) return valueError(`unknown option ${arg}\n${USAGE}`);
    if (p.source !== null)
      return valueError(`one workbook or folder at a time (got '${p.source}' and '${arg}')`);
    p.source = arg;
  }
  if (p.source === null)
    return valueError(`name a workbook (.xlsx) or a folder of .csv files\n${USAGE}`);
  const { source, out, json, language, asOf, period, activation, targets } = p;
  return ok({
    source,
    out,
    json,
    language,
    settings: { ...DEFAULT_SETTINGS, asOf, period, activation, targets },
    mapping: p.mapping as MappingOverride,
  });
}

/** Sets what `result` holds with `set`; null stays null (not this option). */
function applied<T>(result: Result<T>, set: (value: T) => void): Result<true> {
  if (!result.ok) return result;
  set(result.value);
  return ok(true);
}

/** The scorecard's settings: as of, period, activation definition, targets. Null: not one of them. */
function applySettingOption(flag: string, read: ReadValue, p: Parsed): Result<true> | null {
  switch (flag) {
    case "--as-of":
      return applied(
        read("a date as YYYY-MM-DD, e.g. --as-of 2026-03-31", (v) =>
          /^\d{4}-\d{2}-\d{2}$/.test(v) && isoDateToSerial(v) >= 1 ? isoDateToSerial(v) : null
        ),
        (day) => (p.asOf = day)
      );
    case "--period":
      return applied(
        read(`one of ${PERIOD_KINDS.join(", ")}`, (v) => oneOf(PERIOD_KINDS, v)),
        (kind) => (p.period = kind)
      );
    case "--window":
    case "--min-purchases":
      return applied(
        read("a whole number of at least 1", (v) =>
          Number.isInteger(Number(v)) && Number(v) >= 1 ? Number(v) : null
        ),
        (n) =>
          flag === "--window" ? (p.activation.windowDays = n) : (p.activation.minPurchases = n)
      );
    case "--min-amount":
      return applied(
        read("a number of 0 or more", (v) =>
          Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : null
        ),
        (n) => (p.activation.minAmount = n)
      );
    case "--target":
      return applied(
        read(
          `<indicator id>=<number>, e.g. --target revenue=250000 (ids: ${INDICATOR_IDS.join(", ")})`,
          targetOf,
          false
        ),
        ([id, n]) => (p.targets[id] = n)
      );
    default:
      return null;
  }
}

/** What is written, in which language, and the mapping's corrections. Null: not one of them. */
function applyOutputOption(flag: string, read: ReadValue, p: Parsed): Result<true> | null {
  switch (flag) {
    case "--json":
      p.json = true;
      return ok(true);
    case "--out":
      return applied(
        read("a file name, e.g. --out scorecard.xlsx", (v) => v),
        (v) => (p.out = v)
      );
    case "--lang":
      return applied(
        read(`one of ${LANGUAGES.join(", ")}`, (v) => oneOf(LANGUAGES, v)),
        (language) => (p.language = language)
      );
    case "--table":
      return applied(
        read(
          `<role>=<table name>, a role being one of ${ROLES.join(", ")}, e.g. --table sales=Facturas (or =none)`,
          tableOf,
          false
        ),
        ({ role, table }) => (p.mapping[role] = { ...p.mapping[role], table })
      );
    case "--column":
      return applied(
        read(
          `<role>.<column>=<header>, e.g. --column sales.amount="Net Amount" (columns: ${ROLES.map((r) => `${r}.{${ROLE_COLUMNS[r].join(",")}}`).join(" ")})`,
          columnOf,
          false
        ),
        ({ role, column, header }) =>
          (p.mapping[role] = {
            ...p.mapping[role],
            columns: { ...(p.mapping[role]?.columns ?? {}), [column]: header },
          })
      );
    default:
      return null;
  }
}

/** `v` when it is one of `options`. */
function oneOf<T extends string>(options: readonly T[], v: string): T | null {
  return (options as readonly string[]).includes(v) ? (v as T) : null;
}

/** --target <indicator id>=<number>. */
function targetOf(v: string): [IndicatorId, number] | null {
  const m = /^([a-z0-9_.]+)=(-?[0-9.]+(?:e-?\d+)?)$/i.exec(v);
  if (m === null || !(INDICATOR_IDS as readonly string[]).includes(m[1])) return null;
  const n = Number(m[2]);
  return Number.isFinite(n) ? [m[1] as IndicatorId, n] : null;
}

/** --table <role>=<table name> ("none": no such table). */
function tableOf(v: string): { role: string; table: string | null } | null {
  const m = /^([a-z]+)=(.+)$/.exec(v);
  if (m === null || !(ROLES as readonly string[]).includes(m[1])) return null;
  return { role: m[1], table: m[2] === "none" ? null : m[2] };
}

/** --column <role>.<column>=<header> ("none": no such column). */
function columnOf(v: string): { role: string; column: string; header: string | null } | null {
  const m = /^([a-z]+)\.([A-Za-z]+)=(.+)$/.exec(v);
  const columns =
    m === null ? undefined : (ROLE_COLUMNS as Record<string, readonly string[]>)[m[1]];
  if (m === null || columns === undefined || !columns.includes(m[2])) return null;
  return { role: m[1], column: m[2], header: m[3] === "none" ? null : m[3] };
}
