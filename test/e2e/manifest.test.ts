/** The manifest checked offline: well-formed, every resid defined, every URL a file the build produces. */
import { existsSync, readFileSync } from "fs";
import {
  DIST,
  SERVED_AT,
  allElements,
  customFunctionsResid,
  distFileOf,
  readManifest,
  requireBuild,
  resourceUrl,
  resources,
} from "../support/builtAddin";

beforeAll(requireBuild);

const doc = readManifest();

test("is an Excel task-pane add-in with a unique id and version", () => {
  const root = doc.documentElement;
  expect(root.localName).toBe("OfficeApp");
  expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
  const text = (name: string): string =>
    allElements(doc)
      .find((e) => e.localName === name)
      ?.textContent?.trim() ?? "";
  expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(text("Version")).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  const hosts = allElements(doc)
    .filter((e) => e.localName === "Host")
    .map((e) => e.getAttribute("Name") ?? e.getAttribute("xsi:type"));
  expect(hosts).toContain("Workbook");
});

test("every resid is defined in Resources, with the right kind", () => {
  const defined = resources(doc);
  const used = allElements(doc).filter((e) => e.hasAttribute("resid"));
  expect(used.length).toBeGreaterThan(10);
  for (const el of used) {
    const resid = el.getAttribute("resid") as string;
    expect(resid.length).toBeLessThanOrEqual(32);
    const resource = defined.get(resid);
    if (resource === undefined)
      throw new Error(`<${el.localName} resid="${resid}"> is not defined in Resources`);
    const expectedKind =
      el.localName === "Image"
        ? "Image"
        : el.localName === "SourceLocation" ||
            el.localName.endsWith("Url") ||
            el.localName === "FunctionFile"
          ? "Url"
          : "String";
    expect([resid, resource.kind]).toEqual([resid, expectedKind]);
  }
});

test("every resource is used", () => {
  const used = new Set(
    allElements(doc)
      .map((e) => e.getAttribute("resid"))
      .filter((r) => r !== null)
  );
  for (const id of resources(doc).keys()) expect([id, used.has(id)]).toEqual([id, true]);
});

test("every URL points at a file the build produces", () => {
  const urls = allElements(doc)
    .map((e) => e.getAttribute("DefaultValue"))
    .filter((v): v is string => v !== null && v.startsWith("https://"));
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    const file = distFileOf(url);
    expect([url, existsSync(file)]).toEqual([url, true]);
  }
});

test("declares the SPEC custom functions: script, page and metadata from the build", () => {
  expect(resourceUrl(doc, "Functions.Namespace")).toBe("SPEC");
  expect(resourceUrl(doc, customFunctionsResid(doc, "Script"))).toBe(`${SERVED_AT}functions.js`);
  expect(resourceUrl(doc, customFunctionsResid(doc, "Page"))).toBe(`${SERVED_AT}functions.html`);
  expect(resourceUrl(doc, customFunctionsResid(doc, "Metadata"))).toBe(
    `${SERVED_AT}functions.json`
  );
  const page = readFileSync(distFileOf(`${SERVED_AT}functions.html`), "utf8");
  expect(page).toMatch(/<script[^>]+src="functions\.js"/);
});

test("declares the task pane and its ribbon button", () => {
  const action = allElements(doc).find(
    (e) => e.localName === "Action" && e.getAttribute("xsi:type") === "ShowTaskpane"
  );
  expect(action).toBeDefined();
  const source = allElements(action as unknown as Document).find(
    (e) => e.localName === "SourceLocation"
  );
  expect(resourceUrl(doc, source?.getAttribute("resid") as string)).toBe(
    `${SERVED_AT}taskpane.html`
  );
  expect(existsSync(`${DIST}/taskpane.js`)).toBe(true);
});

describe("functions.json, generated from the JSDoc", () => {
  const metadata = (): {
    functions: {
      id: string;
      name: string;
      description: string;
      parameters: {
        name: string;
        description?: string;
        dimensionality?: string;
        optional?: boolean;
      }[];
      result: { dimensionality?: string };
    }[];
  } => JSON.parse(readFileSync(`${DIST}/functions.json`, "utf8"));

  test("lists the six functions", () => {
    expect(
      metadata()
        .functions.map((f) => f.id)
        .sort()
    ).toEqual([
      "ACTIVATION_RATE",
      "CONCENTRATION",
      "CUSTOMER_FORECAST",
      "CUSTOMER_VALUE",
      "FORECAST_MODEL",
      "MODEL_CHECK",
    ]);
  });

  test("no required argument follows an optional one: Excel refuses to load such an add-in", () => {
    for (const f of metadata().functions) {
      const firstOptional = f.parameters.findIndex((p) => p.optional === true);
      if (firstOptional < 0) continue;
      expect([f.id, f.parameters.slice(firstOptional).every((p) => p.optional === true)]).toEqual([
        f.id,
        true,
      ]);
    }
  });

  test.each([
    [
      "ACTIVATION_RATE",
      [
        "customers",
        "dates",
        "amounts",
        "as_of",
        "window_days",
        "min_purchases",
        "min_amount",
        "base",
      ],
      2,
      ["customers", "dates", "amounts", "base"],
    ],
    ["CONCENTRATION", ["amounts", "customers", "measure", "n"], 1, ["amounts", "customers"]],
    [
      "CUSTOMER_VALUE",
      ["attributes", "weights", "directions", "method"],
      1,
      ["attributes", "weights", "directions"],
    ],
    [
      "CUSTOMER_FORECAST",
      ["customers", "dates", "amounts", "as_of", "horizon_days"],
      2,
      ["customers", "dates", "amounts"],
    ],
    [
      "FORECAST_MODEL",
      ["customers", "dates", "amounts", "as_of"],
      2,
      ["customers", "dates", "amounts"],
    ],
    // calibration_end is required, but marked optional: see the test above.
    [
      "MODEL_CHECK",
      ["customers", "dates", "amounts", "calibration_end", "holdout_end"],
      2,
      ["customers", "dates", "amounts"],
    ],
  ])(
    "%s: parameters described, ranges as matrices, optional ones marked",
    (id, names, required, ranges) => {
      const f = metadata().functions.find((x) => x.id === id);
      if (f === undefined) throw new Error(`${id} missing`);
      expect(f.description.length).toBeGreaterThan(20);
      expect(f.parameters.map((p) => p.name)).toEqual(names);
      f.parameters.forEach((p, i) => {
        expect((p.description ?? "").length).toBeGreaterThan(10);
        expect([p.name, p.dimensionality === "matrix"]).toEqual([p.name, ranges.includes(p.name)]);
        expect([p.name, p.optional === true]).toEqual([p.name, i >= required]);
      });
    }
  );

  test.each(["CUSTOMER_VALUE", "CUSTOMER_FORECAST", "FORECAST_MODEL", "MODEL_CHECK"])(
    "%s spills a matrix",
    (id) => {
      expect(metadata().functions.find((x) => x.id === id)?.result.dimensionality).toBe("matrix");
    }
  );
});

/**
 * The structure the add-in manifest's XML schemas require, checked offline. No npm package ships
 * Microsoft's XSDs (office-addin-manifest validates through a Microsoft service), so the sequences
 * and limits below are those the schemas state, as Microsoft documents them ("How to find the
 * proper order of manifest elements"; the ShortString and LongString types).
 */
describe("the manifest's schema structure", () => {
  const children = (e: Element): Element[] =>
    allElements(e as unknown as Document).filter((c) => c.parentNode === e);
  /** The child elements' names are in the schema's sequence (each one optional here). */
  const inSequence = (e: Element, sequence: string[]): void => {
    const names = children(e).map((c) => c.localName);
    const positions = names.map((n) => sequence.indexOf(n));
    expect([e.localName, names.filter((_, i) => positions[i] < 0)]).toEqual([e.localName, []]);
    expect([e.localName, positions]).toEqual([e.localName, [...positions].sort((a, b) => a - b)]);
  };
  const one = (name: string): Element => {
    const found = allElements(doc).filter((e) => e.localName === name);
    expect([name, found.length > 0]).toEqual([name, true]);
    return found[0];
  };

  test("namespaces and types: OfficeApp 1.1, a TaskPaneApp, VersionOverrides 1.0", () => {
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
    const overrides = one("VersionOverrides");
    expect(overrides.namespaceURI).toBe(
      "http://schemas.microsoft.com/office/taskpaneappversionoverrides"
    );
    expect(overrides.getAttribute("xsi:type")).toBe("VersionOverridesV1_0");
  });

  test("elements in the order the schemas require", () => {
    inSequence(doc.documentElement, [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
      "ExtendedOverrides",
    ]);
    inSequence(one("VersionOverrides"), [
      "Description",
      "Requirements",
      "Hosts",
      "Resources",
      "EquivalentAddins",
      "WebApplicationInfo",
    ]);
    const host = allElements(one("VersionOverrides") as unknown as Document).find(
      (e) => e.localName === "Host"
    ) as Element;
    inSequence(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"]);
    inSequence(one("DesktopFormFactor"), [
      "GetStarted",
      "FunctionFile",
      "ExtensionPoint",
      "SupportsSharedFolders",
    ]);
    inSequence(one("Resources"), ["Images", "Urls", "ShortStrings", "LongStrings"]);
    const functions = allElements(doc).find(
      (e) => e.localName === "ExtensionPoint" && e.getAttribute("xsi:type") === "CustomFunctions"
    ) as Element;
    inSequence(functions, ["Script", "Page", "Metadata", "Namespace"]);
    inSequence(one("Requirements"), ["Sets", "Methods"]);
  });

  test("values within the schema's types: a GUID, a four-part version, strings and URLs within their lengths", () => {
    const text = (name: string): string => one(name).textContent?.trim() ?? "";
    expect(text("Version")).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(text("DefaultLocale")).toMatch(/^[a-z]{2}-[A-Z]{2}$/);
    const values = (e: Element): string[] => [
      e.getAttribute("DefaultValue") ?? "",
      ...children(e).map((o) => o.getAttribute("Value") ?? ""),
    ];
    for (const v of values(one("DisplayName"))) expect(v.length).toBeLessThanOrEqual(125);
    for (const v of values(one("Description"))) expect(v.length).toBeLessThanOrEqual(250);
    for (const s of children(one("ShortStrings")))
      for (const v of values(s))
        expect([s.getAttribute("id"), v.length <= 125]).toEqual([s.getAttribute("id"), true]);
    for (const s of children(one("LongStrings")))
      for (const v of values(s))
        expect([s.getAttribute("id"), v.length <= 250]).toEqual([s.getAttribute("id"), true]);
    const urls = allElements(doc).flatMap((e) =>
      ["DefaultValue", "Value"]
        .map((a) => e.getAttribute(a) ?? "")
        .filter((v) => v.startsWith("http"))
    );
    for (const u of urls)
      expect([u, u.startsWith("https://") && u.length <= 2048]).toEqual([u, true]);
    for (const o of allElements(doc).filter((e) => e.localName === "Override"))
      expect(o.getAttribute("Locale")).toMatch(/^[a-z]{2}-[A-Z]{2}$/);
  });
});
