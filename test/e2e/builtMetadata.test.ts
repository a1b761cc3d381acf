/**
 * The built add-in in Spanish: functions.json and functions-es.json as the build writes them, the
 * help page in both languages, and the manifest overriding the metadata URL for every Spanish locale.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { DIST, allElements, distFileOf, readManifest, requireBuild } from "../support/builtAddin";

type Parameter = {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
};
type Fn = {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: Parameter[];
  result: Record<string, unknown>;
};
type Metadata = { functions: Fn[] };

/** The Office locales whose display language is Spanish. */
const SPANISH_LOCALES = [
  "es-ES",
  "es-MX",
  "es-AR",
  "es-BO",
  "es-CL",
  "es-CO",
  "es-CR",
  "es-DO",
  "es-EC",
  "es-GT",
  "es-HN",
  "es-NI",
  "es-PA",
  "es-PE",
  "es-PR",
  "es-PY",
  "es-SV",
  "es-US",
  "es-UY",
  "es-VE",
];

describe("the built pair: functions.json and functions-es.json", () => {
  beforeAll(requireBuild);
  const read = (file: string): Metadata => JSON.parse(readFileSync(join(DIST, file), "utf8"));

  test("the same functions, names, arguments, types and results; every text in Spanish", () => {
    const en = read("functions.json");
    const es = read("functions-es.json");
    expect(es.functions.map((f) => [f.id, f.name])).toEqual(
      en.functions.map((f) => [f.id, f.name])
    );
    en.functions.forEach((f, i) => {
      const g = es.functions[i];
      expect(g.result).toEqual(f.result);
      expect(g.parameters.length).toBe(f.parameters.length);
      expect(g.description).not.toBe(f.description);
      expect(g.description.length).toBeGreaterThan(20);
      f.parameters.forEach((p, j) => {
        const q = g.parameters[j];
        expect([f.id, q.type, q.dimensionality, q.optional]).toEqual([
          f.id,
          p.type,
          p.dimensionality,
          p.optional,
        ]);
        expect([f.id, p.name, q.description === p.description]).toEqual([f.id, p.name, false]);
        expect(q.name).toMatch(/^[a-z_]+$/);
      });
    });
    // Spanish, not English with a few words changed: the function descriptions share no sentence.
    expect(es.functions.find((f) => f.id === "ACTIVATION_RATE")?.description).toMatch(
      /^Proporción de la base de clientes/
    );
  });

  test("each function's help link opens its section of help.html, in English and in Spanish", () => {
    const help = readFileSync(join(DIST, "help.html"), "utf8");
    const section = (lang: string): string =>
      (new RegExp(`<section id="${lang}" lang="${lang}">([\\s\\S]*?)</section>`).exec(help) ?? [
        "",
        "",
      ])[1];
    for (const [file, lang] of [
      ["functions.json", "en"],
      ["functions-es.json", "es"],
    ]) {
      for (const f of read(file).functions) {
        const anchor = (f.helpUrl ?? "").split("#")[1];
        expect([file, f.id, section(lang).includes(`id="${anchor}"`)]).toEqual([file, f.id, true]);
        // The section shows the function's name and, in Spanish, its Spanish argument names.
        const heading = new RegExp(`<h2 id="${anchor}">SPEC\\.${f.name}\\(([^)]*)\\)</h2>`).exec(
          section(lang)
        );
        expect([file, f.id, heading?.[1].replace(/[[\]\s]/g, "")]).toEqual([
          file,
          f.id,
          f.parameters.map((p) => p.name).join(","),
        ]);
      }
    }
  });
});

describe("manifest.xml: Excel in Spanish reads the Spanish metadata", () => {
  beforeAll(requireBuild);
  const doc = readManifest();
  const overridesOf = (el: Element): Map<string, string> =>
    new Map(
      Array.from(el.childNodes)
        .filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === "Override")
        .map((o) => [o.getAttribute("Locale") as string, o.getAttribute("Value") as string])
    );

  test("the functions metadata URL is overridden for every Spanish locale, to a file the build produces", () => {
    const url = allElements(doc).find(
      (e) => e.localName === "Url" && e.getAttribute("id") === "Functions.Metadata.Url"
    ) as Element;
    const overrides = overridesOf(url);
    expect([...overrides.keys()].sort()).toEqual([...SPANISH_LOCALES].sort());
    for (const value of overrides.values()) {
      expect(value).toBe("https://localhost:3000/functions-es.json");
      expect(readFileSync(distFileOf(value), "utf8")).toContain('"functions"');
    }
  });

  test("every localized text of the manifest covers the same Spanish locales, with one Spanish value", () => {
    const localized = allElements(doc).filter((e) => overridesOf(e).size > 0);
    expect(localized.length).toBeGreaterThanOrEqual(8);
    for (const el of localized) {
      const overrides = overridesOf(el);
      expect([el.getAttribute("id") ?? el.localName, [...overrides.keys()].sort()]).toEqual([
        el.getAttribute("id") ?? el.localName,
        [...SPANISH_LOCALES].sort(),
      ]);
      expect(new Set(overrides.values()).size).toBe(1);
    }
  });
});
