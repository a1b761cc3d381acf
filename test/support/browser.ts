import { readFileSync, existsSync } from "fs";
import { extname } from "path";
import { chromium, Browser, Page } from "playwright-core";
import { SERVED_AT, distFileOf } from "./builtAddin";

/** Debian's Chromium, with the flags this machine's closed network needs. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`
    );
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "application/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "text/xml",
  ".css": "text/css",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Serves the build at the manifest's https://localhost:3000/ from dist/, and Microsoft's
 * CDN scripts from the stub given, so the page loads as in Excel but offline.
 */
export async function serveAddin(page: Page, officeStub: string): Promise<string[]> {
  const unexpected: string[] = [];
  await page.route(`${SERVED_AT}**`, async (route) => {
    const file = distFileOf(route.request().url().split("?")[0].split("#")[0]);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({
      status: 200,
      contentType: TYPES[extname(file)] ?? "application/octet-stream",
      body: readFileSync(file),
    });
  });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript", body: officeStub })
  );
  // Nothing else may be asked for: no data leaves the workbook. The caller checks the list.
  await page.route(
    (url) =>
      !url.href.startsWith(SERVED_AT) &&
      !url.href.startsWith("https://appsforoffice.microsoft.com/") &&
      !url.href.startsWith("data:") &&
      !url.href.startsWith("blob:"),
    (route) => {
      unexpected.push(route.request().url());
      return route.abort();
    }
  );
  return unexpected;
}
