/**
 * Office's theme onto the pane's: which kind each Office theme is, and the body colour taken only
 * where every text colour keeps WCAG's 4.5:1 on it.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { contrast, paneTheme, themeKindOf } from "../../src/taskpane/ui/paneTheme";

const NO_MEDIA = { forcedColors: false, dark: false };

test.each([
  ["white (Colorful)", { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" }, "light"],
  ["Dark Gray", { bodyBackgroundColor: "#444444", bodyForegroundColor: "#FFFFFF" }, "dark"],
  ["Black", { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" }, "dark"],
  ["said dark", { bodyBackgroundColor: "#777777", isDarkTheme: true }, "dark"],
  [
    "black on white is high contrast",
    { bodyBackgroundColor: "#000", bodyForegroundColor: "#fff" },
    "highContrast",
  ],
  ["colours Office left out", {}, "light"],
  ["a colour that is no colour", { bodyBackgroundColor: "blue" }, "light"],
] as const)("%s", (_name, office, kind) => {
  expect(themeKindOf(office, false)).toBe(kind);
});

test("Windows' forced colours are high contrast whatever Office says", () => {
  expect(themeKindOf({ bodyBackgroundColor: "#FFFFFF" }, true)).toBe("highContrast");
  expect(paneTheme(undefined, { forcedColors: true, dark: false }).kind).toBe("highContrast");
});

test("WCAG contrast: black on white 21, a colour on itself 1, unreadable input 1", () => {
  expect(contrast("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
  expect(contrast("#777", "#777777")).toBe(1);
  expect(contrast("red", "#FFFFFF")).toBe(1);
});

test("Office's body colour is the pane's only where the theme's text reads on it", () => {
  const white = paneTheme(
    { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000" },
    NO_MEDIA
  );
  expect(white.theme.colorNeutralBackground1).toBe("#FFFFFF");
  // A mid grey would make the light theme's grey text unreadable: the theme's own white stays.
  const grey = paneTheme({ bodyBackgroundColor: "#B0B0B0", bodyForegroundColor: "#000" }, NO_MEDIA);
  expect(grey.kind).toBe("light");
  expect(grey.theme.colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
  const black = paneTheme({ bodyBackgroundColor: "#262626", isDarkTheme: true }, NO_MEDIA);
  expect(black.kind).toBe("dark");
  expect(
    contrast(black.theme.colorNeutralForeground1, black.theme.colorNeutralBackground1)
  ).toBeGreaterThan(4.5);
  expect([webDarkTheme.colorNeutralBackground1, "#262626"]).toContain(
    black.theme.colorNeutralBackground1
  );
});

test("the browser preview follows the page's colour scheme", () => {
  expect(paneTheme(undefined, { forcedColors: false, dark: true }).kind).toBe("dark");
  expect(paneTheme(undefined, NO_MEDIA).kind).toBe("light");
});
