/* eslint-disable no-undef */
// Builds the add-in into dist/, as Microsoft's Office add-in templates do: the custom functions
// (functions.js, functions.html, functions.json generated from JSDoc and functions-es.json from it
// and the Spanish table), the task pane, the
// ribbon commands page, the help page, the icons and the manifest.
//
// Production for a hosted add-in: give the address dist/ is served from, once, and every URL in the
// manifest, the functions' metadata and their help links is written with it:
//   ADDIN_BASE_URL=https://addins.contoso.com/spec-scorecard/ npm run build
//   npm run build -- --env baseUrl=https://addins.contoso.com/spec-scorecard/
// Without it the build keeps https://localhost:3000/ for sideloading (npm start).
//
// Every script is compiled to ES2016: the custom functions run, on Windows, in a JavaScript-only
// runtime that parses no newer syntax on older builds (a test parses the built files).
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { LocalizedMetadataPlugin } = require("./src/functions/localizedMetadata");
const { PublicUrlPlugin, publicBaseUrl } = require("./src/build/publicUrl");

/** The public address from --env baseUrl or ADDIN_BASE_URL, or null for a localhost build. */
function publicUrlOf(env) {
  const given = env.baseUrl ?? process.env.ADDIN_BASE_URL;
  if (given === undefined || given === "") return null;
  const base = publicBaseUrl(given);
  if (!base.ok) throw new Error(base.error);
  return base;
}

async function httpsOptions() {
  // office-addin-dev-certs makes and trusts a localhost certificate the first time it runs.
  const devCerts = require("office-addin-dev-certs");
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (e) {
    // Trusting the CA needs administrator rights (sudo on Linux). Serve with the certificate
    // anyway; Excel and browsers will distrust it until `npx office-addin-dev-certs install` runs.
    const fs = require("fs");
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    console.warn(
      `office-addin-dev-certs: ${e.message.split("\n")[0]}\nServing with the untrusted certificate in ${dir}.`
    );
    const read = (name) =>
      fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name)) : undefined;
    return { ca: read("ca.crt"), key: read("localhost.key"), cert: read("localhost.crt") };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.argv.includes("serve");
  const publicUrl = dev ? null : publicUrlOf(env);
  return {
    devtool: dev ? "source-map" : false,
    // The webpack runtime itself in ES2016 syntax too.
    target: ["web", "es2016"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist"),
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The Node modules the command line names are not part of the browser bundles.
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              compilerOptions: { target: "ES2016" },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // Spanish descriptions and argument help for Excel in Spanish (manifest.xml overrides the metadata URL).
      new LocalizedMetadataPlugin({
        source: "functions.json",
        output: "functions-es.json",
        table: "./src/functions/functions.es.json",
        language: "es",
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      ...(publicUrl === null ? [] : [new PublicUrlPlugin(publicUrl)]),
    ],
    devServer: serving
      ? {
          static: { directory: path.join(__dirname, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };
};
