/** The command line of SPEC.md §4, parsed into settings; every mistake is one line saying what to fix. */
import { isoDateToSerial } from "../core/cells";
import { Result, ok, valueError } from "../core/result";
import { INDICATOR_IDS, IndicatorId } from "../engine/indicatorCatalog";
import { PERIOD_KINDS, PeriodKind } from "../engine/period";
import { DEFAULT_SETTINGS, ScorecardSettings } from "../engine/scorecard";
import { LANGUAGES, Language } from "../plan/labels";

export const USAGE = `usage: spec-scorecard <workbook.xlsx | folder> [--out scorecard.xlsx] [--json]
    [--as-of YYYY-MM-DD] [--period month|quarter|year]
    [--window 90] [--min-purchases 1] [--min-amount 0] [--lang en|es] [--target <indicator id>=<number> ...]`;

export interface CliOptions {
  readonly source: string;
  readonly out: string | null;
  readonly json: boolean;
  readonly language: Language;
  readonly settings: ScorecardSettings;
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
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") && !arg.startsWith("--target=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | null => (inline !== undefined ? inline : i + 1 < argv.length ? argv[++i] : null);
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
        if (v === null || !/^\d{4}-\d{2}-\d{2}$/.test(v) || day < 1) return needs(`a date as YYYY-MM-DD, e.g. --as-of 2026-03-31${v === null ? "" : ` (got '${v}')`}`);
        asOf = day;
        break;
      }
      case "--period": {
        const v = value();
        if (v === null || !(PERIOD_KINDS as readonly string[]).includes(v)) return needs(`one of ${PERIOD_KINDS.join(", ")}${v === null ? "" : ` (got '${v}')`}`);
        period = v as PeriodKind;
        break;
      }
      case "--window":
      case "--min-purchases": {
        const v = value();
        const n = v === null ? NaN : Number(v);
        if (!Number.isInteger(n) || n < 1) return needs(`a whole number of at least 1${v === null ? "" : ` (got '${v}')`}`);
        if (flag === "--window") activation.windowDays = n;
        else activation.minPurchases = n;
        break;
      }
      case "--min-amount": {
        const v = value();
        const n = v === null ? NaN : Number(v);
        if (!Number.isFinite(n) || n < 0) return needs(`a number of 0 or more${v === null ? "" : ` (got '${v}')`}`);
        activation.minAmount = n;
        break;
      }
      case "--lang": {
        const v = value();
        if (v === null || !(LANGUAGES as readonly string[]).includes(v)) return needs(`one of ${LANGUAGES.join(", ")}${v === null ? "" : ` (got '${v}')`}`);
        language = v as Language;
        break;
      }
      case "--target": {
        const v = value();
        const m = v === null ? null : /^([a-z0-9_.]+)=(-?[0-9.]+(?:e-?\d+)?)$/i.exec(v);
        if (m === null || !(INDICATOR_IDS as readonly string[]).includes(m[1]) || !Number.isFinite(Number(m[2]))) {
          return needs(`<indicator id>=<number>, e.g. --target revenue=250000 (ids: ${INDICATOR_IDS.join(", ")})`);
        }
        targets[m[1] as IndicatorId] = Number(m[2]);
        break;
      }
      default:
        if (arg.startsWith("-")) return valueError(`unknown option ${arg}\n${USAGE}`);
        if (source !== null) return valueError(`one workbook or folder at a time (got '${source}' and '${arg}')`);
        source = arg;
    }
  }
  if (source === null) return valueError(`name a workbook (.xlsx) or a folder of .csv files\n${USAGE}`);
  return ok({ source, out, json, language, settings: { ...DEFAULT_SETTINGS, asOf, period, activation, targets } });
}
