/**
 * A target as the analyst types it, read as they read it: `80 %`, `80%`, `0,8` (Spanish Excel) and
 * `0.8` are all 80% for a percentage; `250.000` is 250000 in Spanish and `250,000` in English; a
 * currency sign or spaces between thousands are allowed. A bare number above 1 for a percentage
 * is in percent (`80` is 80%), 1 or less a fraction (`0.8` is 80%, `1` is 100%): nobody sets a
 * 0.8% activation target, and the field says how it read the text.
 */
import { Language } from "../../core/language";
import { numberReadings, valueText } from "../../core/numberText";
import { IndicatorFormat } from "../../engine/indicatorDefinition";

export type TargetReading =
  | { readonly kind: "empty" }
  | { readonly kind: "read"; readonly value: number; readonly shown: string }
  | { readonly kind: "unreadable"; readonly why: "number" | "percent" };

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const CURRENCY =
  /^(?:US\$|\$|€|£|¥|MXN|USD|EUR|COP|ARS|CLP|PEN)\s*|\s*(?:US\$|\$|€|£|¥|MXN|USD|EUR|COP|ARS|CLP|PEN)$/gi;

/** A number in the analyst's convention; the other one where only it reads the text. NaN: none. */
export function readNumber(text: string, language: Language): number {
  // Spaces between groups of three (250 000), as Spanish and French write thousands.
  const compact = /^[+-]?\d{1,3}(?:[\s\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/.test(text)
    ? text.replace(SPACES, "")
    : text;
  const r = numberReadings(compact);
  const point = r.point === r.point;
  const comma = r.comma === r.comma;
  if (point && comma) return language === "es" ? r.comma : r.point;
  return point ? r.point : comma ? r.comma : NaN;
}

export function readTarget(
  text: string,
  format: IndicatorFormat,
  language: Language
): TargetReading {
  let t = text.trim();
  if (t === "") return { kind: "empty" };
  const percentSign = /%$/.test(t);
  if (percentSign) {
    if (format !== "percent") return { kind: "unreadable", why: "percent" };
    t = t.slice(0, -1).trim();
  }
  if (format === "money") t = t.replace(CURRENCY, "").trim();
  const n = readNumber(t, language);
  if (!Number.isFinite(n)) return { kind: "unreadable", why: "number" };
  const value = format === "percent" && (percentSign || Math.abs(n) > 1) ? n / 100 : n;
  return { kind: "read", value, shown: valueText(value, format, language) };
}

/** A stored target as the field shows it: `80 %` / `80%`, `250,000` / `250.000`. */
export function targetText(value: number, format: IndicatorFormat, language: Language): string {
  if (format === "percent") {
    const points = Number((value * 100).toPrecision(12));
    return `${numberShown(points, language)}${language === "es" ? " %" : "%"}`;
  }
  return numberShown(value, language);
}

/** A number with its decimals (up to 10), in the language's separators, thousands grouped. */
function numberShown(n: number, language: Language): string {
  const en = n.toLocaleString("en-US", { maximumFractionDigits: 10 });
  return language === "es" ? en.replace(/[.,]/g, (c) => (c === "," ? "." : ",")) : en;
}
