import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { DOMParser } from "@xmldom/xmldom";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
/** Where the manifest says the add-in is served; the build's dist/ holds those files. */
export const SERVED_AT = "https://localhost:3000/";

export function requireBuild(): void {
  if (!existsSync(join(DIST, "functions.js")))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
}

export function readManifest(path = join(ROOT, "manifest.xml")): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== "warning") errors.push(message);
    },
  }).parseFromString(readFileSync(path, "utf8"), "text/xml");
  if (errors.length > 0) throw new Error(`manifest.xml is not well-formed: ${errors.join("; ")}`);
  return doc as unknown as Document;
}

/** Every element of the manifest, in document order. */
export function allElements(doc: Document): Element[] {
  const out: Element[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 1) {
        out.push(child as Element);
        walk(child);
      }
    }
  };
  walk(doc);
  return out;
}

/** The resources of the manifest's VersionOverrides, by id. */
export function resources(doc: Document): Map<string, { kind: string; value: string }> {
  const map = new Map<string, { kind: string; value: string }>();
  for (const el of allElements(doc)) {
    const kind = el.localName;
    if (["Image", "Url", "String"].includes(kind) && el.getAttribute("id")) {
      map.set(el.getAttribute("id") as string, {
        kind,
        value: el.getAttribute("DefaultValue") ?? "",
      });
    }
  }
  return map;
}

/** The URL behind a resid, as Excel resolves it. */
export function resourceUrl(doc: Document, resid: string): string {
  const found = resources(doc).get(resid);
  if (found === undefined) throw new Error(`resid ${resid} is not defined`);
  return found.value;
}

/** The file of dist/ a manifest URL points at. */
export function distFileOf(url: string): string {
  if (!url.startsWith(SERVED_AT)) throw new Error(`${url} is not served by the add-in`);
  return join(DIST, new URL(url).pathname.slice(1));
}

/** The resid of the custom functions' page, script or metadata. */
export function customFunctionsResid(doc: Document, part: "Page" | "Script" | "Metadata"): string {
  const el = allElements(doc).find(
    (e) =>
      e.localName === part &&
      e.parentNode !== null &&
      (e.parentNode as Element).getAttribute?.("xsi:type") === "CustomFunctions"
  );
  const source =
    el === undefined
      ? undefined
      : allElements(el as unknown as Document).find((e) => e.localName === "SourceLocation");
  if (source === undefined) throw new Error(`the manifest has no CustomFunctions ${part}`);
  return source.getAttribute("resid") as string;
}
