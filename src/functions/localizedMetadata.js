// @ts-check
/**
 * The custom functions' metadata in another language, made at build time from the English that
 * custom-functions-metadata-plugin generates from the JSDoc, and one table of translations
 * (functions.es.json). Names and ids stay as they are: a formula must read the same in every
 * language. Each translated text carries the English it translates, so a JSDoc edit without its
 * translation fails the build, as does a function or parameter with no translation.
 *
 * Plain JavaScript: webpack.config.js loads it before anything is compiled.
 */

/**
 * @typedef {{ en: string, es: string }} Text
 * @typedef {{ description: Text, parameters: Record<string, { name: string, description: Text }> }} FunctionTranslation
 * @typedef {{ functions: Record<string, FunctionTranslation> }} TranslationTable
 * @typedef {{ id: string, name: string, description?: string, helpUrl?: string, parameters: { name: string, description?: string }[] }} FunctionMetadata
 * @typedef {{ functions: FunctionMetadata[] }} Metadata
 */

/**
 * The help page's anchor for a language: #activation_rate, #es-activation_rate.
 * @param {string} url
 * @param {string} language
 */
function localizedHelpUrl(url, language) {
  return url.replace(/#(.*)$/, `#${language}-$1`);
}

/**
 * The metadata in the table's language, and what keeps it from being complete.
 * @param {Metadata} english
 * @param {TranslationTable} table
 * @param {"es"} language
 * @returns {{ metadata: Metadata, errors: string[] }}
 */
function localizeMetadata(english, table, language) {
  /** @type {string[]} */
  const errors = [];
  const translated = (
    /** @type {Text | undefined} */ text,
    /** @type {string | undefined} */ source,
    /** @type {string} */ where
  ) => {
    if (text === undefined || typeof text[language] !== "string" || text[language].trim() === "") {
      errors.push(`${where}: no ${language} translation`);
      return source;
    }
    if (text.en !== (source ?? "")) {
      errors.push(
        `${where}: the English changed; translate it again (now: "${source}", translated: "${text.en}")`
      );
    }
    return text[language];
  };
  const functions = english.functions.map((f) => {
    const entry = table.functions[f.id];
    if (entry === undefined) {
      errors.push(`${f.id}: no ${language} translation`);
      return f;
    }
    const known = new Set(f.parameters.map((p) => p.name));
    for (const name of Object.keys(entry.parameters ?? {}))
      if (!known.has(name))
        errors.push(`${f.id}(${name}): translated, but the function has no such parameter`);
    return {
      ...f,
      description: translated(entry.description, f.description, f.id),
      ...(f.helpUrl === undefined ? {} : { helpUrl: localizedHelpUrl(f.helpUrl, language) }),
      parameters: f.parameters.map((p) => {
        const t = (entry.parameters ?? {})[p.name];
        if (t === undefined || typeof t.name !== "string" || t.name.trim() === "") {
          errors.push(`${f.id}(${p.name}): no ${language} name`);
          return p;
        }
        return {
          ...p,
          name: t.name,
          description: translated(t.description, p.description, `${f.id}(${p.name})`),
        };
      }),
    };
  });
  const listed = new Set(english.functions.map((f) => f.id));
  for (const id of Object.keys(table.functions))
    if (!listed.has(id)) errors.push(`${id}: translated, but there is no such function`);
  return { metadata: { ...english, functions }, errors };
}

/** Emits `output` beside the English metadata `source`; a translation missing or stale is a build error. */
class LocalizedMetadataPlugin {
  /** @param {{ source: string, output: string, table: string, language: "es" }} options */
  constructor(options) {
    this.options = options;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { sources, WebpackError, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.source);
          if (asset === undefined) {
            compilation.errors.push(
              new WebpackError(`${this.options.output}: ${this.options.source} was not generated`)
            );
            return;
          }
          const table = JSON.parse(require("fs").readFileSync(this.options.table, "utf8"));
          compilation.fileDependencies.add(this.options.table);
          const { metadata, errors } = localizeMetadata(
            JSON.parse(asset.source.source().toString()),
            table,
            this.options.language
          );
          for (const e of errors)
            compilation.errors.push(new WebpackError(`${this.options.table}: ${e}`));
          compilation.emitAsset(
            this.options.output,
            new sources.RawSource(JSON.stringify(metadata, null, 2))
          );
        }
      );
    });
  }
}

module.exports = { localizeMetadata, localizedHelpUrl, LocalizedMetadataPlugin };
