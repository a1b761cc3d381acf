/**
 * The wizard at the width Excel gives a task pane, driven in headless Chromium on the browser
 * preview: at 320 and 350 px no step scrolls sideways or cuts a text (English and Spanish), axe
 * finds nothing serious in any step, a field with a problem marks its tab and the build step
 * links to it. Screenshots in test-results/pane/.
 */
import { mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { SERVED_AT, requireBuild, ROOT } from "../support/builtAddin";
import { launchChromium, serveAddin } from "../support/browser";
import { layoutAtWidth, seriousViolations } from "../support/paneChecks";
import { writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { table } from "../support/tables";
import { writeTablesWorkbook } from "../support/workbooks";

const SHOTS = join(ROOT, "test-results", "pane");
const dir = mkdtempSync(join(tmpdir(), "spec-pane-"));
const sample = join(dir, "sample.xlsx");
const ambiguous = join(dir, "ambiguous.xlsx");
const STEPS = {
  en: ["1 Data", "2 Definitions", "3 Targets", "4 Build"],
  es: ["1 Datos", "2 Definiciones", "3 Metas", "4 Crear"],
};
let browser: Browser;
let page: Page;
let unexpected: string[];
let errors: string[];

beforeAll(async () => {
  requireBuild();
  mkdirSync(SHOTS, { recursive: true });
  await writeSampleWorkbook(sample, { customers: 60 });
  await writeTablesWorkbook(ambiguous, [
    table(
      "Ventas",
      ["Cliente", "Fecha", "Importe"],
      [
        ["C01", "07/01/2025", "1.234"],
        ["C02", "25/01/2025", "6.110"],
      ]
    ),
  ]);
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

async function open(file: string, width: number): Promise<void> {
  page = await browser.newPage({ viewport: { width, height: 800 }, locale: "en-US" });
  errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  unexpected = await serveAddin(page, "");
  await page.goto(`${SERVED_AT}preview.html`);
  await page.setInputFiles('input[type="file"]', file);
  await page.getByRole("tab", { name: "1 Data" }).waitFor();
}

/** Each step at this width: nothing wider than the pane, nothing cut; photographed. */
async function everyStepFits(width: number, language: "en" | "es"): Promise<string[]> {
  const found: string[] = [];
  for (const [i, name] of STEPS[language].entries()) {
    await page.getByRole("tab", { name }).click();
    if (i === 0) await page.getByRole("list", { name: /Data check|Revisión de datos/ }).waitFor();
    if (i === 2)
      await page
        .getByText(/^(Now|Ahora) /)
        .first()
        .waitFor();
    const layout = await layoutAtWidth(page);
    if (layout.scrollWidth > layout.clientWidth)
      found.push(`${width}px ${name}: ${layout.scrollWidth}px wide`);
    found.push(...layout.clipped.map((c) => `${width}px ${name}: ${c} is cut`));
    await page.screenshot({
      path: join(SHOTS, `${width}-${language}-${i + 1}.png`),
      fullPage: true,
    });
  }
  return found;
}

test("at 320 and 350 px no step scrolls sideways or cuts a text, in English and in Spanish", async () => {
  for (const width of [320, 350]) {
    await open(sample, width);
    expect(await everyStepFits(width, "en")).toEqual([]);
    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "Español" }).click();
    expect(await everyStepFits(width, "es")).toEqual([]);
    await page.close();
  }
});

test("axe finds no serious or critical violation in any step, nor in what a build shows", async () => {
  await open(sample, 320);
  for (const name of STEPS.en) {
    await page.getByRole("tab", { name }).click();
    if (name === "3 Targets") await page.getByText(/^Now /).first().waitFor();
    expect({ step: name, violations: await seriousViolations(page) }).toEqual({
      step: name,
      violations: [],
    });
  }
  await page.getByRole("button", { name: "Build scorecard" }).click();
  await page.getByText("Scorecard built on sheet “Scorecard”.").waitFor({ timeout: 60000 });
  expect(await seriousViolations(page)).toEqual([]);
  const layout = await layoutAtWidth(page);
  expect([layout.scrollWidth, layout.clipped]).toEqual([layout.clientWidth, []]);
  await page.screenshot({ path: join(SHOTS, "320-en-5-built.png"), fullPage: true });
});

test("a field with a problem marks its tab, and the build step links to it", async () => {
  await open(sample, 350);
  await page.getByRole("tab", { name: "2 Definitions" }).click();
  await page.getByLabel("Minimum purchase days in the window").fill("0");
  await page.getByRole("tab", { name: "3 Targets" }).click();
  await page.getByLabel("Revenue (amount)", { exact: true }).fill("lots");
  await page.getByLabel("Activation rate (%)").fill("80");
  await expect(page.getByText("Read as 80.0%").isVisible()).resolves.toBe(true);
  // Each tab says how many problems its fields have.
  await page.getByRole("tab", { name: "2 Definitions, 1 problem" }).waitFor();
  await page.getByRole("tab", { name: "3 Targets, 1 problem" }).waitFor();
  await expect(page.getByRole("tab", { name: "1 Data", exact: true }).count()).resolves.toBe(1);

  await page.getByRole("tab", { name: /^4 Build/ }).click();
  const list = page.getByRole("list", { name: "Fix these first:" });
  await expect(list.getByRole("listitem").allTextContents()).resolves.toEqual([
    "2 Definitions › Minimum purchase days in the window: Enter a whole number of at least 1.",
    "3 Targets › Revenue: Enter an amount, such as 250,000 or 250000.",
  ]);
  await expect(page.getByRole("button", { name: "Build scorecard" }).isDisabled()).resolves.toBe(
    true
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, "350-en-4-problems.png"), fullPage: true });

  // The link opens the step and puts the cursor in the field.
  await list.getByRole("button", { name: "3 Targets › Revenue" }).click();
  await expect(
    page.getByRole("tab", { name: /^3 Targets/ }).getAttribute("aria-selected")
  ).resolves.toBe("true");
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
    "spec-field-target-revenue"
  );
  await page.keyboard.press("Control+A");
  await page.keyboard.type("250000");
  await page.getByRole("tab", { name: /^4 Build/ }).click();
  await list.getByRole("button", { name: /Minimum purchase days/ }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
    "spec-field-minPurchases"
  );
});

test("a data problem marks step 1 and its link leads to the choice that settles it", async () => {
  await open(ambiguous, 320);
  await page.getByRole("tab", { name: "1 Data, 1 problem" }).waitFor();
  await page.getByRole("tab", { name: /^4 Build/ }).click();
  await page
    .getByRole("list", { name: "Fix these first:" })
    .getByRole("button", { name: "1 Data › Decimal separator in text numbers" })
    .click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
    "spec-field-reading-decimal"
  );
  // The same keys that open it choose the comma: the problem and its mark go.
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: "Comma (1.234,56)" }).click();
  await page.getByRole("tab", { name: "1 Data", exact: true }).waitFor();
});
