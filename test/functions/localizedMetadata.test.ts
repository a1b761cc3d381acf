/**
 * The functions in Spanish (issue: Excel in Spanish): functions-es.json made at build from the
 * JSDoc's English and one translation table, and the build failing on a missing or stale
 * translation. The built pair, the help page and the manifest's overrides: test/e2e/builtMetadata.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import webpack from "webpack";

import { LocalizedMetadataPlugin, localizeMetadata } from "../../src/functions/localizedMetadata";

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
    [
      "a function with no translation",
      { functions: {} } as unknown as typeof table,
      english,
      /^RATE: no es translation$/,
    ],
    [
      "an argument with no translation",
      without((t) => delete (t.functions.RATE.parameters as Record<string, unknown>).as_of),
      english,
      /^RATE\(as_of\): no es name$/,
    ],
    [
      "a description with no Spanish",
      without((t) => (t.functions.RATE.description.es = " ")),
      english,
      /^RATE: no es translation$/,
    ],
    [
      "English edited in the JSDoc since it was translated",
      table,
      { functions: [{ ...english.functions[0], description: "Share of customers active." }] },
      /^RATE: the English changed; translate it again/,
    ],
    [
      "an argument renamed in the JSDoc",
      table,
      {
        functions: [
          {
            ...english.functions[0],
            parameters: [
              english.functions[0].parameters[0],
              { ...english.functions[0].parameters[1], name: "asof" },
            ],
          },
        ],
      },
      /^RATE\(as_of\): translated, but the function has no such parameter$/,
    ],
    [
      "a function removed from the JSDoc",
      table,
      { functions: [] },
      /^RATE: translated, but there is no such function$/,
    ],
  ])("%s", (_name, t, source, message) => {
    const { errors } = localizeMetadata(source, t, "es");
    expect(errors.some((e) => message.test(e))).toBe(true);
  });
});

describe("the build fails when a translation is missing", () => {
  test("webpack reports the missing argument and stops", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-l10n-"));
    writeFileSync(join(dir, "entry.js"), "");
    const english = {
      functions: [
        {
          id: "RATE",
          name: "RATE",
          description: "Share active.",
          parameters: [{ name: "customers", description: "Ids." }],
          result: {},
        },
      ],
    };
    writeFileSync(
      join(dir, "table.json"),
      JSON.stringify({
        functions: {
          RATE: { description: { en: "Share active.", es: "Proporción activa." }, parameters: {} },
        },
      })
    );
    // Stands for custom-functions-metadata-plugin: puts the English metadata among the assets.
    const englishMetadata = {
      apply(compiler: webpack.Compiler): void {
        compiler.hooks.compilation.tap("English", (compilation) => {
          compilation.assets["functions.json"] = new compiler.webpack.sources.RawSource(
            JSON.stringify(english)
          );
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
          plugins: [
            englishMetadata,
            new LocalizedMetadataPlugin({
              source: "functions.json",
              output: "functions-es.json",
              table: join(dir, "table.json"),
              language: "es",
            }),
          ],
        },
        (err, s) => (err || s === undefined ? reject(err) : resolve(s))
      )
    );
    expect(stats.hasErrors()).toBe(true);
    expect(
      stats
        .toJson()
        .errors?.map((e) => e.message)
        .join("\n")
    ).toMatch(/table\.json: RATE\(customers\): no es name/);
  }, 60000);
});
