// @ts-check
/**
 * The add-in's public address in a production build. Files written for development (manifest.xml,
 * the functions' metadata and its help links) name https://localhost:3000/; given the address the
 * add-in is served from, the build writes that address in their place, as Microsoft's templates
 * replace their development URL. Plain JavaScript: webpack.config.js loads it before anything is
 * compiled.
 */

/** The development address every source file names. */
const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

/**
 * The base URL as the build writes it (ending in "/"), or an error saying what to give instead.
 * @param {string} given
 * @returns {{ ok: true, url: string, origin: string } | { ok: false, error: string }}
 */
function publicBaseUrl(given) {
  const example = "e.g. https://addins.contoso.com/spec-scorecard/";
  /** @type {URL} */
  let url;
  try {
    url = new URL(given.trim());
  } catch {
    return { ok: false, error: `the add-in's base URL "${given}" is not a URL (${example})` };
  }
  if (url.protocol !== "https:")
    return {
      ok: false,
      error: `the add-in's base URL must start with https:// (Office loads add-ins over HTTPS only), got "${given}"`,
    };
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "")
    return {
      ok: false,
      error: `the add-in's base URL must be a plain folder address without ?, # or a user (${example}), got "${given}"`,
    };
  if (url.hostname === "localhost")
    return { ok: false, error: `the add-in's base URL must be the public address, not localhost` };
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { ok: true, url: `${url.origin}${path}`, origin: url.origin };
}

/**
 * A built file's text with every development address replaced: full URLs by the base URL, the bare
 * origin (AppDomain) by the public origin.
 * @param {string} text
 * @param {{ url: string, origin: string }} base
 */
function withPublicUrl(text, base) {
  return text.split(DEV_URL).join(base.url).split(DEV_ORIGIN).join(base.origin);
}

/** Rewrites the development address in the emitted manifest, metadata and pages. */
class PublicUrlPlugin {
  /** @param {{ url: string, origin: string }} base */
  constructor(base) {
    this.base = base;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PublicUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        // After the metadata (ADDITIONAL) and the copied files, before anything is written.
        { name: "PublicUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          for (const asset of compilation.getAssets()) {
            if (!/\.(xml|json|html)$/.test(asset.name)) continue;
            const text = asset.source.source().toString();
            if (!text.includes(DEV_ORIGIN)) continue;
            compilation.updateAsset(
              asset.name,
              new sources.RawSource(withPublicUrl(text, this.base))
            );
          }
        }
      );
    });
  }
}

module.exports = { DEV_URL, publicBaseUrl, withPublicUrl, PublicUrlPlugin };
