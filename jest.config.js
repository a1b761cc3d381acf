/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true } }],
    // office-addin-mock reaches ES-module-only packages (uuid, strip-bom) through office-addin-manifest.
    "^.+/node_modules/(uuid|strip-bom)/.+\\.js$": ["ts-jest", { tsconfig: { module: "commonjs", allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!.*/?(uuid|strip-bom)/)"],
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/test/support/plainSummaryReporter.js"],
};
