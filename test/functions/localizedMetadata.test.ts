/**
 * The functions in Spanish (issue: Excel in Spanish): functions-es.json made at build from the
 * JSDoc's English and one translation table; the pair as built; the build failing on a missing or
 * stale translation; the manifest overriding the metadata URL for every Spanish locale; the help
 * page in both languages.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import webpack from "webpack";
import { DIST, allElements, distFileOf, readManifest, requireBuild } from "../support/builtAddin";

import { LocalizedMetadataPlugin, localizeMetadata } from "../../src/functions/localizedMetadata";

type Parameter = { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean };
type Fn = { id: string; name: string; description: string; helpUrl?: string; parameters: Parameter[]; result: Record<string, unknown> };
type Metadata = { functions: Fn[] };

/** The Office locales whose display language is Spanish. */
const SPANISH_LOCALES = ["es-ES", "es-MX", "es-AR", "es-BO", "es-CL", "es-CO", "es-CR", "es-DO", "es-EC", "es-GT", "es-HN", "es-NI", "es-PA", "es-PE", "es-PR", "es-PY", "es-SV", "es-US", "es-UY", "es-VE"];

describe("the translation: names kept, texts translated, gaps are errors", () => {
  const english: Metadata = {
    functions: [
      {
        id: "RATE",
        name: "RATE",
        description: "Share active.",
        helpUrl: "https://localhost:3000/help.html#rate",
        parameters: [
          { name: "customers", description: "Ids.", dimensionality: "matrix", type: "any" },
          { name: "as_of", description: "Last day.", optional: true, type: "any" },
        ],
        result: { type: "number" },
      },
    ],
  };
  const table = {
    functions: {
      RATE: {
        description: { en: "Share active.", es: "Proporción activa." },
        parameters: {
          customers: { name: "clientes", description: { en: "Ids.", es: "Ids de cliente." } },
          as_of: { name: "fecha_corte", description: { en: "Last day.", es: "Último día." } },
        },
      },
    },
  };

  test("complete: Spanish descriptions and argument names, the function's id and name unchanged, help in Spanish", () => {
    const { metadata, errors } = localizeMetadata(english, table, "es");
    expect(errors).toEqual([]);
    expect(metadata.functions[0]).toEqual({
      ...english.functions[0],
      description: "Proporción activa.",
      helpUrl: "https://localhost:3000/help.html#es-rate",
      parameters: [
        { name: "clientes", description: "Ids de cliente.", dimensionality: "matrix", type: "any" },
        { name: "fecha_corte", description: "Último día.", optional: true, type: "any" },
      ],
    });
  });

  const without = (path: (t: typeof table) => void): typeof table => {
    const copy = JSON.parse(JSON.stringify(table)) as typeof table;
    path(copy);
    return copy;
  };
  test.each<[string, typeof table, Metadata, RegExp]>([
    ["a function with no translation", { functions: {} } as unknown as typeof table, english, /^RATE: no es translation$/],
    ["an argument with no translation", without((t) => delete (t.functions.RATE.parameters as Record<string, unknown>).as_of), english, /^RATE\(as_of\): no es name$/],
    ["a description with no Spanish", without((t) => (t.functions.RATE.description.es = " ")), english, /^RATE: no es translation$/],
    ["English edited in the JSDoc since it was translated", table, { functions: [{ ...english.functions[0], description: "Share of customers active." }] }, /^RATE: the English changed; translate it again/],
    ["an argument renamed in the JSDoc", table, { functions: [{ ...english.functions[0], parameters: [english.functions[0].parameters[0], { ...english.functions[0].parameters[1], name: "asof" }] }] }, /^RATE\(as_of\): translated, but the function has no such parameter$/],
    ["a function removed from the JSDoc", table, { functions: [] }, /^RATE: translated, but there is no such function$/],
  ])("%s", (_name, t, source, message) => {
    const { errors } = localizeMetadata(source, t, "es");
    expect(errors.some((e) => message.test(e))).toBe(true);
  });
});

describe("the build fails when a translation is missing", () => {
  test("webpack reports the missing argument and stops", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-l10n-"));
    writeFileSync(join(dir, "entry.js"), "");
    const english = { functions: [{ id: "RATE", name: "RATE", description: "Share active.", parameters: [{ name: "customers", description: "Ids." }], result: {} }] };
    writeFileSync(join(dir, "table.json"), JSON.stringify({ functions: { RATE: { description: { en: "Share active.", es: "Proporción activa." }, parameters: {} } } }));
    // Stands for custom-functions-metadata-plugin: puts the English metadata among the assets.
    const englishMetadata = {
      apply(compiler: webpack.Compiler): void {
        compiler.hooks.compilation.tap("English", (compilation) => {
          compilation.assets["functions.json"] = new compiler.webpack.sources.RawSource(JSON.stringify(english));
        });
      },
    };
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(
        {
          mode: "production",
          context: dir,
          entry: join(dir, "entry.js"),
          output: { path: join(dir, "out") },
          plugins: [englishMetadata, new LocalizedMetadataPlugin({ source: "functions.json", output: "functions-es.json", table: join(dir, "table.json"), language: "es" })],
        },
        (err, s) => (err || s === undefined ? reject(err) : resolve(s)),
      ),
    );
    expect(stats.hasErrors()).toBe(true);
    expect(stats.toJson().errors?.map((e) => e.message).join("\n")).toMatch(/table\.json: RATE\(customers\): no es name/);
  }, 60000);
});

describe("the built pair: functions.json and functions-es.json", () => {
  beforeAll(requireBuild);
  const read = (file: string): Metadata => JSON.parse(readFileSync(join(DIST, file), "utf8"));

  test("the same functions, names, arguments, types and results; every text in Spanish", () => {
    const en = read("functions.json");
    const es = read("functions-es.json");
    expect(es.functions.map((f) => [f.id, f.name])).toEqual(en.functions.map((f) => [f.id, f.name]));
    en.functions.forEach((f, i) => {
      const g = es.functions[i];
      expect(g.result).toEqual(f.result);
      expect(g.parameters.length).toBe(f.parameters.length);
      expect(g.description).not.toBe(f.description);
      expect(g.description.length).toBeGreaterThan(20);
      f.parameters.forEach((p, j) => {
        const q = g.parameters[j];
        expect([f.id, q.type, q.dimensionality, q.optional]).toEqual([f.id, p.type, p.dimensionality, p.optional]);
        expect([f.id, p.name, q.description === p.description]).toEqual([f.id, p.name, false]);
        expect(q.name).toMatch(/^[a-z_]+$/);
      });
    });
    // Spanish, not English with a few words changed: the function descriptions share no sentence.
    expect(es.functions.find((f) => f.id === "ACTIVATION_RATE")?.description).toMatch(/^Proporción de la base de clientes/);
  });

  test("each function's help link opens its section of help.html, in English and in Spanish", () => {
    const help = readFileSync(join(DIST, "help.html"), "utf8");
    const section = (lang: string): string => (new RegExp(`<section id="${lang}" lang="${lang}">([\\s\\S]*?)</section>`).exec(help) ?? ["", ""])[1];
    for (const [file, lang] of [
      ["functions.json", "en"],
      ["functions-es.json", "es"],
    ]) {
      for (const f of read(file).functions) {
        const anchor = (f.helpUrl ?? "").split("#")[1];
        expect([file, f.id, section(lang).includes(`id="${anchor}"`)]).toEqual([file, f.id, true]);
        // The section shows the function's name and, in Spanish, its Spanish argument names.
        const heading = new RegExp(`<h2 id="${anchor}">SPEC\\.${f.name}\\(([^)]*)\\)</h2>`).exec(section(lang));
        expect([file, f.id, heading?.[1].replace(/[[\]\s]/g, "")]).toEqual([file, f.id, f.parameters.map((p) => p.name).join(",")]);
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
        .map((o) => [o.getAttribute("Locale") as string, o.getAttribute("Value") as string]),
    );

  test("the functions metadata URL is overridden for every Spanish locale, to a file the build produces", () => {
    const url = allElements(doc).find((e) => e.localName === "Url" && e.getAttribute("id") === "Functions.Metadata.Url") as Element;
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
      expect([el.getAttribute("id") ?? el.localName, [...overrides.keys()].sort()]).toEqual([el.getAttribute("id") ?? el.localName, [...SPANISH_LOCALES].sort()]);
      expect(new Set(overrides.values()).size).toBe(1);
    }
  });
});
