/**
 * Which sheet a workbook opens on: the workbook part's first <workbookView activeTab> (the index
 * of the sheet among <sheets>), and the sheets' own <sheetView tabSelected>. Excel shows every
 * selected sheet as a group (what is typed into one is typed into all), so when the Scorecard
 * becomes the selected sheet, the sheet selected before is deselected: its part is rewritten with
 * that one attribute gone, everything else byte for byte.
 */
import { applySplices, child, childrenNamed, insertionPoint, parseXml } from "./xmlTree";
import { ZipArchive } from "./zipArchive";

/** The workbook part's children in the schema's order (CT_Workbook): where <bookViews> or <definedNames> goes. */
export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/**
 * The workbook part opening on the sheet at `index` of <sheets>: activeTab set on the first
 * workbook view (one added where there is none), and firstSheet (the first tab shown in the tab
 * bar) no further right than it. Unchanged when it opens there already.
 */
export function withActiveTab(workbookXml: string, index: number): string {
  const root = parseXml(workbookXml);
  const p = root.prefix === "" ? "" : `${root.prefix}:`;
  const views = child(root, "bookViews");
  const view = views === undefined ? undefined : childrenNamed(views, "workbookView")[0];
  if (view === undefined) {
    const markup = `<${p}workbookView activeTab="${index}"/>`;
    if (views !== undefined) {
      const at = views.innerStart === views.end ? null : views.innerEnd;
      return at === null
        ? applySplices(workbookXml, [
            {
              start: views.start,
              end: views.end,
              text: `<${p}bookViews>${markup}</${p}bookViews>`,
            },
          ])
        : applySplices(workbookXml, [{ start: at, end: at, text: markup }]);
    }
    const at = insertionPoint(root, WORKBOOK_ORDER, "bookViews");
    return applySplices(workbookXml, [
      { start: at, end: at, text: `<${p}bookViews>${markup}</${p}bookViews>` },
    ]);
  }
  const active = Number(view.attributes.get("activeTab") ?? 0);
  const first = Number(view.attributes.get("firstSheet") ?? 0);
  if (active === index && first <= index) return workbookXml;
  let tag = withAttribute(workbookXml.slice(view.start, view.innerStart), "activeTab", index);
  if (first > index) tag = withAttribute(tag, "firstSheet", index);
  return applySplices(workbookXml, [{ start: view.start, end: view.innerStart, text: tag }]);
}

/** A start tag with a numeric attribute set: its value replaced, or added before the tag's end. */
function withAttribute(tag: string, name: string, value: number): string {
  const existing = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  return existing.test(tag)
    ? tag.replace(existing, `$1"${value}"`)
    : tag.replace(/(\s*\/?>)$/, ` ${name}="${value}"$1`);
}

/** How far into a worksheet part its sheet views are looked for: they come before the cells. */
const HEAD_LIMIT = 1 << 16;
const SELECTED =
  /(<(?:[A-Za-z_][\w.-]*:)?sheetView\b[^>]*?)\s+tabSelected\s*=\s*(?:"(?:1|true)"|'(?:1|true)')/g;

/** The start of a worksheet part with no sheet view selected; null when none was. */
export function deselectedHead(head: string): string | null {
  const edited = head.replace(SELECTED, "$1");
  return edited === head ? null : edited;
}

/**
 * A worksheet part with its sheet views deselected, as new content for the part; null when no
 * view of it was selected (the part is then copied as it is). Only the part's start (up to its
 * cells) is read to know; a selected part is read whole to be written again.
 */
export async function deselectedSheet(
  archive: ZipArchive,
  part: string
): Promise<Uint8Array | null> {
  let head = new Uint8Array(0);
  await archive.stream(part, (chunk) => {
    const joined = new Uint8Array(head.length + chunk.length);
    joined.set(head);
    joined.set(chunk, head.length);
    head = joined;
    return head.length < HEAD_LIMIT && cellsStart(head) < 0;
  });
  const end = cellsStart(head);
  if (end < 0 || deselectedHead(new TextDecoder().decode(head.subarray(0, end))) === null)
    return null;
  const whole = await archive.bytes(part);
  const edited = deselectedHead(new TextDecoder().decode(whole.subarray(0, end))) as string;
  const start = new TextEncoder().encode(edited);
  const out = new Uint8Array(start.length + whole.length - end);
  out.set(start);
  out.set(whole.subarray(end), start.length);
  return out;
}

const SHEET_DATA = new TextEncoder().encode("sheetData");

/** Where the part's cells begin (the "<" of its sheetData, whatever its prefix); -1 when not in the first HEAD_LIMIT bytes. */
function cellsStart(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, HEAD_LIMIT);
  for (let i = 0; i + SHEET_DATA.length < limit; i++) {
    if (bytes[i] !== 0x3c) continue;
    let j = i + 1;
    while (j < limit && bytes[j] !== 0x3e && bytes[j] !== 0x20 && bytes[j] !== 0x3a) j++;
    const name = bytes[j] === 0x3a ? j + 1 : i + 1;
    if (SHEET_DATA.every((b, k) => bytes[name + k] === b)) return i;
  }
  return -1;
}
