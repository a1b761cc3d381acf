/**
 * The wizard with the keyboard alone, in Office's themes, and on a workbook built before, in
 * headless Chromium: a keyboard-only walk (Tab, Shift+Tab, arrows, Enter, Space) builds a
 * scorecard with the focus visible at every stop; the task pane follows Office's dark and
 * high-contrast themes with axe finding nothing serious; a workbook built before shows its
 * settings and rebuilds in one click. Screenshots in test-results/pane/.
 */
import { mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { SERVED_AT, requireBuild, ROOT } from "../support/builtAddin";
import { launchChromium, serveAddin } from "../support/browser";
import { focusIsVisible, layoutAtWidth, seriousViolations } from "../support/paneChecks";
import { ExcelStubConfig, OFFICE_STUB, STUB_SALES } from "../support/officeStub";
import { writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { DEFAULT_SETTINGS } from "../../src/engine/scorecard";
import { storedSettingsXml } from "../../src/workbook/storedSettings";

const SHOTS = join(ROOT, "test-results", "pane");
const dir = mkdtempSync(join(tmpdir(), "spec-access-"));
const sample = join(dir, "sample.xlsx");
let browser: Browser;
let page: Page;
let unexpected: string[];
let errors: string[];

beforeAll(async () => {
  requireBuild();
  mkdirSync(SHOTS, { recursive: true });
  await writeSampleWorkbook(sample, { customers: 60 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await page?.close();
  expect(unexpected).toEqual([]); // no network calls
  expect(errors).toEqual([]);
});

async function openPreview(file: string): Promise<void> {
  page = await browser.newPage({
    viewport: { width: 320, height: 800 },
    locale: "en-US",
    acceptDownloads: true,
  });
  errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  unexpected = await serveAddin(page, "");
  await page.goto(`${SERVED_AT}preview.html`);
  await page.setInputFiles('input[type="file"]', file);
  await page.getByRole("tab", { name: "1 Data" }).waitFor();
}

/** The focused element as a screen reader names it: its role and accessible name, roughly. */
const focused = (): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (el === null) return "";
    const kind = el.tagName === "INPUT" && el.type === "radio" ? "radio" : el.tagName;
    const role = el.getAttribute("role") ?? kind.toLowerCase();
    const label = Array.from(el.labels ?? [])
      .map((l) => l.textContent ?? "")
      .join(" ");
    const labelled = (el.getAttribute("aria-labelledby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim();
    const name =
      el.getAttribute("aria-label") ?? (labelled || label || (el.textContent ?? "").trim());
    return `${role} ${name}`;
  });

/** Presses `key` until the focused element's "role name" matches; the stops passed are returned. */
async function pressUntil(key: string, want: RegExp, max = 150): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused();
    if (want.test(now)) return passed;
    passed.push(now);
  }
  throw new Error(`${key} never reached ${want}; passed ${passed.slice(-8).join(" | ")}`);
}

test("a keyboard-only walk builds a scorecard, the focus visible at every stop", async () => {
  await openPreview(sample);
  // Into the wizard from the top of the page: the tabs, then along them with the arrows.
  await pressUntil("Tab", /^tab 1 Data/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press("ArrowRight");
  expect(await focused()).toMatch(/^tab 2 Definitions/);
  await page.keyboard.press("Enter");
  await page.getByLabel("Activation window (days)").waitFor();
  expect(await focusIsVisible(page)).toBe(true);

  // The period with the arrows: Quarter to Year and back.
  await pressUntil("Tab", /^radio Quarter/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Year" }).isChecked()).resolves.toBe(true);
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("radio", { name: "Quarter" }).isChecked()).resolves.toBe(true);
  // A field typed in, then Shift+Tab back to the one before it.
  await pressUntil("Tab", /Activation window/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  expect(await focused()).toMatch(/Activation window/);

  // Next with Enter; a target typed as read; Next with Space; Build with Enter.
  await pressUntil("Tab", /^button Next/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByText(/^Now /).first().waitFor();
  await pressUntil("Shift+Tab", /^input Activation rate/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.type("80 %");
  await expect(page.getByLabel("Activation rate (%)").inputValue()).resolves.toBe("80 %");
  await pressUntil("Tab", /^button Next/);
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Build scorecard" }).waitFor();
  await pressUntil("Tab", /^button Build scorecard/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.screenshot({ path: join(SHOTS, "320-en-keyboard-build.png") });
  await page.keyboard.press("Enter");
  await page.getByText("Scorecard built on sheet “Scorecard”.").waitFor({ timeout: 60000 });
  const row = page.getByRole("row", { name: /Activation rate/ }).first();
  // 78.3% against the 80% typed: below target, so not on track.
  await expect(row.textContent()).resolves.toMatch(/At risk|Off track/);
});

const THEMES: Record<string, NonNullable<ExcelStubConfig["theme"]>> = {
  // Office's Black theme, and Windows' high contrast as Office reports it: black and white.
  dark: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#1F1F1F",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
  highContrast: {
    bodyBackgroundColor: "#000000",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#000000",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
};

const STORED = {
  version: 1 as const,
  builtAt: "2026-05-20T09:30:00Z",
  language: "es" as const,
  mapping: { sales: { table: "Sales", columns: { amount: "Amount" } } },
  reading: {},
  settings: {
    ...DEFAULT_SETTINGS,
    period: "month" as const,
    targets: { revenue: 250000, "svc.activation_rate": 0.8 },
  },
};

async function openPane(config: Partial<ExcelStubConfig>): Promise<void> {
  page = await browser.newPage({ viewport: { width: 320, height: 800 }, locale: "es-ES" });
  errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(
    (c) => {
      (window as unknown as { __excel: unknown }).__excel = c;
    },
    { sets: { ExcelApi: "1.17", CustomFunctionsRuntime: "1.4" }, dynamicArrays: true, ...config }
  );
  unexpected = await serveAddin(page, OFFICE_STUB);
  await page.goto(`${SERVED_AT}taskpane.html`);
}

test.each(Object.keys(THEMES))(
  "in Office's %s theme the pane takes its colours, every step legible (axe) and nothing cut",
  async (kind) => {
    await openPane({ theme: THEMES[kind], sales: STUB_SALES, displayLanguage: "es-ES" });
    const steps = ["1 Datos", "2 Definiciones", "3 Metas", "4 Crear"];
    await page.getByRole("tab", { name: steps[0] }).waitFor();
    await expect(page.locator("[data-theme]").getAttribute("data-theme")).resolves.toBe(kind);
    // Office's own body colour where every text colour of the theme reads on it, else the theme's.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const channels = (background.match(/\d+/g) ?? []).map(Number);
    expect(channels.length).toBe(3);
    expect(Math.max(...channels)).toBeLessThan(kind === "dark" ? 64 : 1);
    for (const [i, name] of steps.entries()) {
      await page.getByRole("tab", { name }).click();
      if (i === 2)
        await page
          .getByText(/^Ahora /)
          .first()
          .waitFor();
      expect({ step: name, violations: await seriousViolations(page) }).toEqual({
        step: name,
        violations: [],
      });
      const layout = await layoutAtWidth(page);
      expect([layout.scrollWidth, layout.clipped]).toEqual([layout.clientWidth, []]);
      await page.screenshot({ path: join(SHOTS, `320-es-${kind}-${i + 1}.png`), fullPage: true });
    }
  }
);

test("a workbook built before: its settings filled in, said in a banner that offers Rebuild", async () => {
  await openPane({
    sales: STUB_SALES,
    displayLanguage: "es-ES",
    customXml: [storedSettingsXml(STORED)],
  });
  await page.getByText("Creado antes").waitFor();
  await expect(page.getByText(/Ventas: Sales · periodo: Mes · 2 metas/).count()).resolves.toBe(1);
  await expect(page.getByRole("button", { name: "Crear de nuevo" }).isEnabled()).resolves.toBe(
    true
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, "320-es-stored.png"), fullPage: true });
  await page.getByRole("tab", { name: "2 Definiciones" }).click();
  await expect(page.getByRole("radio", { name: "Mes", exact: true }).isChecked()).resolves.toBe(
    true
  );
  await page.getByRole("tab", { name: "3 Metas" }).click();
  await expect(page.getByLabel("Ventas (importe)", { exact: true }).inputValue()).resolves.toBe(
    "250.000"
  );
  await expect(page.getByLabel("Tasa de activación (%)").inputValue()).resolves.toBe("80 %");
});

test("built in the preview, the downloaded workbook opens with its settings and rebuilds in one click", async () => {
  await openPreview(sample);
  await page.getByRole("tab", { name: "3 Targets" }).click();
  await page.getByLabel("Revenue (amount)", { exact: true }).fill("250,000");
  await page.getByRole("tab", { name: "4 Build" }).click();
  await page.getByRole("button", { name: "Build scorecard" }).click();
  await page.getByText("Scorecard built on sheet “Scorecard”.").waitFor({ timeout: 60000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the workbook with its scorecard" }).click(),
  ]);
  const built = join(dir, "built.xlsx");
  await download.saveAs(built);
  await page.close();

  await openPreview(built);
  await page.getByText("Built before").waitFor();
  await page.screenshot({ path: join(SHOTS, "320-en-rebuild.png"), fullPage: true });
  await page.getByRole("button", { name: "Rebuild" }).click();
  // One click: no question about replacing the sheet it made.
  await page.getByText("Scorecard built on sheet “Scorecard”.").waitFor({ timeout: 60000 });
  await expect(page.getByRole("dialog").count()).resolves.toBe(0);
  await page.getByRole("tab", { name: "3 Targets" }).click();
  await expect(page.getByLabel("Revenue (amount)", { exact: true }).inputValue()).resolves.toBe(
    "250,000"
  );
});
