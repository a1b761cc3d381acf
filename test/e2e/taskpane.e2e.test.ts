/**
 * The built task pane in Chromium, as Excel loads it, over a stubbed Office.js: what it says
 * about the Excel it runs in before anything is built, the values-instead-of-formulas offer when
 * dynamic arrays are missing, and a rejected promise shown in the pane instead of a dead button.
 */
import { Browser, Page } from "playwright-core";
import { SERVED_AT, requireBuild } from "../support/builtAddin";
import { launchChromium, serveAddin } from "../support/browser";
import { ExcelStubConfig, OFFICE_STUB } from "../support/officeStub";

let browser: Browser;
let page: Page;
let unexpected: string[];
let errors: string[];

beforeAll(async () => {
  requireBuild();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await page?.close();
  expect(unexpected).toEqual([]);
  expect(errors).toEqual([]);
});

const MODERN = { ExcelApi: "1.17", CustomFunctionsRuntime: "1.4" };

async function openPane(config: ExcelStubConfig): Promise<void> {
  page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: "en-US" });
  errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript((c) => {
    (window as unknown as { __excel: unknown }).__excel = c;
  }, config);
  unexpected = await serveAddin(page, OFFICE_STUB);
  await page.goto(`${SERVED_AT}taskpane.html`);
  await page.getByRole("tab", { name: "1 Data" }).waitFor();
  await page.getByRole("tab", { name: "4 Build" }).click();
}

test("an Excel without the functions' runtime: the pane says which Excel is needed and offers values, checked", async () => {
  await openPane({ sets: { ExcelApi: "1.12" }, dynamicArrays: false });
  await page.getByText(/The SPEC functions cannot run in this Excel/).waitFor();
  await expect(
    page
      .getByText(/Excel 2021 or later, Excel for Microsoft 365/)
      .first()
      .isVisible()
  ).resolves.toBe(true);
  await expect(
    page.getByRole("switch", { name: "Write values instead of formulas" }).isChecked()
  ).resolves.toBe(true);
});

test("an Excel too old to write the sheet: said at start, the build button disabled", async () => {
  await openPane({ sets: { ExcelApi: "1.7" }, dynamicArrays: false });
  await page
    .getByText(
      /This Excel cannot write the Scorecard: it lacks ExcelApi 1.9, CustomFunctionsRuntime 1.3/
    )
    .waitFor();
  await expect(page.getByRole("button", { name: "Build scorecard" }).isDisabled()).resolves.toBe(
    true
  );
});

test("no dynamic arrays found at build: the pane names the Excel needed and offers to write values", async () => {
  await openPane({ sets: MODERN, dynamicArrays: false });
  await expect(
    page.getByRole("switch", { name: "Write values instead of formulas" }).isChecked()
  ).resolves.toBe(false);
  await page.getByRole("button", { name: "Build scorecard" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("This Excel has no dynamic arrays").waitFor();
  await expect(
    dialog.getByText(/LET, FILTER, UNIQUE and XLOOKUP, which need Excel 2021 or later/).isVisible()
  ).resolves.toBe(true);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Build scorecard" }).waitFor();
});

test("a rejected promise (finding the earlier scorecard fails) is shown in the pane", async () => {
  await openPane({
    sets: MODERN,
    dynamicArrays: true,
    namesFail: "GeneralException: the workbook is busy",
  });
  await page.getByRole("button", { name: "Build scorecard" }).click();
  await page.getByText("The scorecard could not be built").waitFor();
  await expect(page.getByText("GeneralException: the workbook is busy").isVisible()).resolves.toBe(
    true
  );
});
