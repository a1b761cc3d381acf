/**
 * The pane in Office's theme: `Office.context.officeTheme` mapped onto a Fluent theme. Windows'
 * high contrast (forced colours) or Office's black body with white text is Fluent's high-contrast
 * theme; a dark body (Black, Dark Gray, or isDarkTheme) the dark theme; anything else the light
 * one. The pane's background takes Office's body colour only where every text colour of the theme
 * keeps WCAG's 4.5:1 against it, so a theme never makes the pane hard to read.
 */
import {
  Theme,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";

/** What Office says of its theme (Office.OfficeTheme), every field possibly missing. */
export interface OfficeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

export type ThemeKind = "light" | "dark" | "highContrast";

/** The sRGB channels of "#RRGGBB" or "#RGB", or null. */
function rgb(hex: string | undefined): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (m === null) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two colours (1 to 21); 1 when either is unreadable. */
export function contrast(a: string, b: string): number {
  const x = rgb(a);
  const y = rgb(b);
  if (x === null || y === null) return 1;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

/** The theme's colours that carry text on the pane's background. */
const TEXT_TOKENS = [
  "colorNeutralForeground1",
  "colorNeutralForeground2",
  "colorNeutralForeground3",
  "colorNeutralForeground4",
  "colorBrandForeground1",
  "colorBrandForegroundLink",
  "colorPaletteRedForeground1",
  "colorStatusDangerForeground1",
] as const;

export function themeKindOf(office: OfficeColors | undefined, forcedColors: boolean): ThemeKind {
  if (forcedColors) return "highContrast";
  const body = rgb(office?.bodyBackgroundColor);
  const text = rgb(office?.bodyForegroundColor);
  if (body !== null && text !== null && body.every((c) => c === 0) && text.every((c) => c === 255))
    return "highContrast";
  if (office?.isDarkTheme === true || (body !== null && luminance(body) < 0.18)) return "dark";
  return "light";
}

/** The Fluent theme for Office's colours (or none: the browser preview), and which kind it is. */
export function paneTheme(
  office: OfficeColors | undefined,
  media: { readonly forcedColors: boolean; readonly dark: boolean }
): { readonly theme: Theme; readonly kind: ThemeKind } {
  const kind =
    office === undefined
      ? media.forcedColors
        ? "highContrast"
        : media.dark
          ? "dark"
          : "light"
      : themeKindOf(office, media.forcedColors);
  const base =
    kind === "highContrast"
      ? teamsHighContrastTheme
      : kind === "dark"
        ? webDarkTheme
        : webLightTheme;
  const body = office?.bodyBackgroundColor;
  if (kind === "highContrast" || body === undefined || rgb(body) === null)
    return { theme: base, kind };
  const readable = TEXT_TOKENS.every((t) => contrast(base[t], body) >= 4.5);
  return {
    theme: readable
      ? { ...base, colorNeutralBackground1: body.startsWith("#") ? body : `#${body}` }
      : base,
    kind,
  };
}

/** What the page itself says: Windows' forced colours, a dark colour scheme. */
export function mediaPreferences(): { forcedColors: boolean; dark: boolean } {
  const matches = (query: string): boolean =>
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia(query).matches;
  return {
    forcedColors: matches("(forced-colors: active)"),
    dark: matches("(prefers-color-scheme: dark)"),
  };
}
