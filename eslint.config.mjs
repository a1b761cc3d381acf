// The lint set-up of Microsoft's Office add-in templates (office-addin-lint runs it): the
// office-addins plugin's React configuration, which brings ESLint's recommended rules, the
// TypeScript plugin and Prettier (office-addin-prettier-config, see package.json).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

export default [
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "test-results/", "out/"] },
  ...officeAddins.configs.react,
  // The plugin's TypeScript rules name .ts files only; the task pane's .tsx files get the same.
  { ...officeAddins.configs.recommended[2], files: ["**/*.tsx"] },
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
      },
    },
    settings: { react: { version: "19.2" } },
  },
  {
    files: ["**/*.{ts,tsx}"],
    // TypeScript's compiler already refuses undefined names, with the DOM and Office types it knows;
    // ESLint's no-undef does not know types (BlobPart, Excel.RangeFormat…), as typescript-eslint notes.
    rules: { "no-undef": "off" },
  },
  {
    // The house rule: no function in src/ longer than 100 lines. Blank lines and comments are not
    // counted: a comment that says why should never be the line a function has to give up.
    files: ["src/**/*.{ts,tsx,js,jsx}"],
    rules: {
      "max-lines-per-function": ["error", { max: 100, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.jest } },
  },
];
