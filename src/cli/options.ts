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

export function parseOptions(argv: readonly string[]): Result<CliOptions> {
  let source: string | null = null;
  let out: string | null = null;
  let json = false;
  let language: Language = "en";
  let asOf: number | null = null;
  let period: PeriodKind = DEFAULT_SETTINGS.period;
  const activation = { ...DEFAULT_SETTINGS.activation };
  const targets: Partial<Record<IndicatorId, number>> = {};
  const mapping: Record<
    string,
    { table?: string | null; columns?: Record<string, string | null> }
  > = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // --flag=value is --flag value (the value may hold "=" itself: --target=revenue=100).
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string | null =>
      inline !== undefined ? inline : i + 1 < argv.length ? argv[++i] : null;
    const needs = (what: string): Result<never> => valueError(`${flag} needs ${what}`);
    switch (flag) {
      case "--json":
        json = true;
        break;
      case "--out": {
        const v = value();
        if (v === null) return needs("a file name, e.g. --out scorecard.xlsx");
        out = v;
        break;
      }
      case "--as-of": {
        const v = value();
        const day = v === null ? -1 : isoDateToSerial(v);
        if (v === null || !/^\d{4}-\d{2}-\d{2}$/.test(v) || day < 1)
          return needs(
            `a date as YYYY-MM-DD, e.g. --as-of 2026-03-31${v === null ? "" : ` (got '${v}')`}`
          );
        asOf = day;
        break;
      }
      case "--period": {
        const v = value();
        if (v === null || !(PERIOD_KINDS as readonly string[]).includes(v))
          return needs(`one of ${PERIOD_KINDS.join(", ")}${v === null ? "" : ` (got '${v}')`}`);
        period = v as PeriodKind;
        break;
      }
      case "--window":
      case "--min-purchases": {
        const v = value();
        const n = v === null ? NaN : Number(v);
        if (!Number.isInteger(n) || n < 1)
          return needs(`a whole number of at least 1${v === null ? "" : ` (got '${v}')`}`);
        if (flag === "--window") activation.windowDays = n;
        else activation.minPurchases = n;
        break;
      }
      case "--min-amount": {
        const v = value();
        const n = v === null ? NaN : Number(v);
        if (!Number.isFinite(n) || n < 0)
          return needs(`a number of 0 or more${v === null ? "" : ` (got '${v}')`}`);
        activation.minAmount = n;
        break;
      }
      case "--lang": {
        const v = value();
        if (v === null || !(LANGUAGES as readonly string[]).includes(v))
          return needs(`one of ${LANGUAGES.join(", ")}${v === null ? "" : ` (got '${v}')`}`);
        language = v as Language;
        break;
      }
      case "--target": {
        const v = value();
        const m = v === null ? null : /^([a-z0-9_.]+)=(-?[0-9.]+(?:e-?\d+)?)$/i.exec(v);
        if (
          m === null ||
          !(INDICATOR_IDS as readonly string[]).includes(m[1]) ||
          !Number.isFinite(Number(m[2]))
        ) {
          return needs(
            `<indicator id>=<number>, e.g. --target revenue=250000 (ids: ${INDICATOR_IDS.join(", ")})`
          );
        }
        targets[m[1] as IndicatorId] = Number(m[2]);
        break;
      }
      case "--table": {
        const v = value();
        const m = v === null ? null : /^([a-z]+)=(.+)$/.exec(v);
        if (m === null || !(ROLES as readonly string[]).includes(m[1]))
          return needs(
            `<role>=<table name>, a role being one of ${ROLES.join(", ")}, e.g. --table sales=Facturas (or =none)`
          );
        mapping[m[1]] = { ...mapping[m[1]], table: m[2] === "none" ? null : m[2] };
        break;
      }
      case "--column": {
        const v = value();
        const m = v === null ? null : /^([a-z]+)\.([A-Za-z]+)=(.+)$/.exec(v);
        const columns =
          m === null ? undefined : (ROLE_COLUMNS as Record<string, readonly string[]>)[m[1]];
        if (m === null || columns === undefined || !columns.includes(m[2])) {
          return needs(
            `<role>.<column>=<header>, e.g. --column sales.amount="Net Amount" (columns: ${ROLES.map((r) => `${r}.{${ROLE_COLUMNS[r].join(",")}}`).join(" ")})`
          );
        }
        mapping[m[1]] = {
          ...mapping[m[1]],
          columns: { ...(mapping[m[1]]?.columns ?? {}), [m[2]]: m[3] === "none" ? null : m[3] },
        };
        break;
      }
      default:
        if (arg.startsWith("-")) return valueError(`unknown option ${arg}\n${USAGE}`);
        if (source !== null)
          return valueError(`one workbook or folder at a time (got '${source}' and '${arg}')`);
        source = arg;
    }
  }
  if (source === null)
    return valueError(`name a workbook (.xlsx) or a folder of .csv files\n${USAGE}`);
  return ok({
    source,
    out,
    json,
    language,
    settings: { ...DEFAULT_SETTINGS, asOf, period, activation, targets },
    mapping: mapping as MappingOverride,
  });
}
