/**
 * The command line over a workbook built before: the settings its last build stored are the
 * defaults (no --targets-from-workbook needed), and every option given overrides its own part
 * (--period the period, --target one target, --column one column, …).
 */
import { Language } from "../core/language";
import { SourceTable } from "../engine/sourceTable";
import { MappingOverride, ROLES } from "../engine/tableMapping";
import { StoredSettings } from "../workbook/storedSettings";
import { droppedText, storedMappingFor } from "../workbook/storedMapping";
import { CliOptions } from "./options";

/** The stored mapping, each role overridden by --table (the role as given) or --column (that column). */
function mergedMapping(stored: MappingOverride, given: MappingOverride): MappingOverride {
  const out: Record<string, unknown> = {};
  for (const role of ROLES) {
    const s = stored[role];
    const g = given[role];
    if (g === undefined) {
      if (s !== undefined) out[role] = s;
    } else if (g.table !== undefined || s === undefined) out[role] = g;
    else out[role] = { ...s, columns: { ...(s.columns ?? {}), ...(g.columns ?? {}) } };
  }
  return out as MappingOverride;
}

/** " (2026-05-20 09:30 UTC)" from the stored ISO time. */
const builtAtText = (builtAt: string | null): string =>
  builtAt === null ? "" : ` (${builtAt.replace("T", " ").replace(/:\d\dZ$/, " UTC")})`;

/**
 * The options with the stored settings under them, and the notes that say so: which build's
 * settings were used, and the stored names the workbook no longer has.
 */
export function withStoredSettings(
  options: CliOptions,
  stored: StoredSettings,
  tables: readonly SourceTable[]
): { readonly options: CliOptions; readonly notes: readonly string[] } {
  const has = (flag: string): boolean => options.given.has(flag);
  const language: Language = has("--lang") ? options.language : stored.language;
  const s = stored.settings;
  const o = options.settings;
  const mapping = storedMappingFor(stored.mapping, tables);
  const merged: CliOptions = {
    ...options,
    language,
    settings: {
      asOf: has("--as-of") ? o.asOf : s.asOf,
      period: has("--period") ? o.period : s.period,
      activation: {
        windowDays: has("--window") ? o.activation.windowDays : s.activation.windowDays,
        minPurchases: has("--min-purchases")
          ? o.activation.minPurchases
          : s.activation.minPurchases,
        minAmount: has("--min-amount") ? o.activation.minAmount : s.activation.minAmount,
      },
      value: s.value,
      targets: { ...s.targets, ...o.targets },
    },
    mapping: mergedMapping(mapping.override, options.mapping),
    reading: {
      decimal: has("--decimal") ? options.reading.decimal : stored.reading.decimal,
      dateOrder: has("--date-order") ? options.reading.dateOrder : stored.reading.dateOrder,
    },
  };
  const used =
    language === "es"
      ? `se usa la configuración guardada en el libro por la última creación${builtAtText(stored.builtAt)}; las opciones dadas la reemplazan`
      : `using the settings stored in the workbook by its last build${builtAtText(stored.builtAt)}; options given override them`;
  return {
    options: merged,
    notes: [used, ...mapping.dropped.map((d) => droppedText(d, language))],
  };
}
