/**
 * Three tiers, each a jest project (`npm run test:unit`, `test:e2e`, `test:live`; `npm test` runs all):
 * - unit: the engine, the functions, the file layer and the command line in-process; no browser,
 *   no LibreOffice, no database server.
 * - e2e: the built add-in (dist/) as Excel loads it, and the task pane and functions in Chromium.
 * - live: LibreOffice recalculating and rendering what the product writes.
 * - sql: the SQL engines on real DuckDB and a throwaway PostgreSQL 15 server (`npm run test:sql`).
 */
const common = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          module: "commonjs",
          jsx: "react-jsx",
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
    // office-addin-mock reaches ES-module-only packages (uuid, strip-bom) through office-addin-manifest.
    "^.+/node_modules/(uuid|strip-bom)/.+\\.js$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", allowJs: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ["/node_modules/(?!.*/?(uuid|strip-bom)/)"],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/test/support/plainSummaryReporter.js"],
  projects: [
    {
      ...common,
      displayName: "unit",
      roots: ["<rootDir>/test"],
      testPathIgnorePatterns: [
        "/node_modules/",
        "<rootDir>/test/e2e/",
        "<rootDir>/test/live/",
        "<rootDir>/test/sql/",
      ],
    },
    { ...common, displayName: "e2e", roots: ["<rootDir>/test/e2e"] },
    { ...common, displayName: "live", roots: ["<rootDir>/test/live"] },
    { ...common, displayName: "sql", roots: ["<rootDir>/test/sql"] },
  ],
};
