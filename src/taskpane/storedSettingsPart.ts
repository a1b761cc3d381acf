/**
 * The stored settings in the open workbook, through Office.js: the custom XML part of SPEC's
 * namespace (`workbook.customXmlParts`, ExcelApi 1.5). Excel saves it in the file as
 * customXml/itemN.xml, where the command line finds it (workbook/storedSettings.ts is the format).
 */
import type { Language } from "../core/language";
import {
  SETTINGS_NAMESPACE,
  StoredRead,
  StoredSettings,
  storedReadOf,
  storedSettingsXml,
} from "../workbook/storedSettings";
import type { ExcelRun } from "./officeWorkbook";

const THIS_WORKBOOK: Record<Language, string> = { en: "this workbook", es: "este libro" };

/** The settings the last build stored, or why they cannot be used; none in a workbook never built. */
export async function readStoredSettings(run: ExcelRun, language: Language): Promise<StoredRead> {
  return run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
    // The parts are all that is needed (their XML comes by getXml); "items/id" would be as slow.
    // eslint-disable-next-line office-addins/no-navigational-load
    parts.load("items");
    await context.sync();
    const [first] = parts.items.map((part) => part);
    if (first === undefined) return { kind: "none" };
    const xml = first.getXml();
    await context.sync();
    // A ClientResult has no load(): its value is there after the sync.
    // eslint-disable-next-line office-addins/load-object-before-read
    return storedReadOf({ xml: xml.value }, THIS_WORKBOOK[language], language);
  });
}

/** Keeps this build's settings: the one part rewritten, or any others replaced by one new part. */
export async function storeSettings(run: ExcelRun, settings: StoredSettings): Promise<void> {
  const xml = storedSettingsXml(settings);
  await run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
    // The parts are all that is needed (their XML comes by getXml); "items/id" would be as slow.
    // eslint-disable-next-line office-addins/no-navigational-load
    parts.load("items");
    await context.sync();
    const found = parts.items.map((part) => part);
    if (found.length === 1) found[0].setXml(xml);
    else {
      for (const part of found) part.delete();
      context.workbook.customXmlParts.add(xml);
    }
    await context.sync();
  });
}
