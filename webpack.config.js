/* eslint-disable no-undef */
// Builds the add-in into dist/, as Microsoft's Office add-in templates do: the custom functions
// (functions.js, functions.html, functions.json generated from JSDoc and functions-es.json from it
// and the Spanish table), the task pane, the
// ribbon commands page, the help page, the icons and the manifest.
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { LocalizedMetadataPlugin } = require("./src/functions/localizedMetadata");

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
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
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
            options: { transpileOnly: true, configFile: "tsconfig.json" },
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
