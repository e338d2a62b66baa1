/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    // Transpile only (fast); `tsc --noEmit` type-checks as part of `npm test`.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  // Tests that spawn bin/dalianbing.js run the compiled CLI: rebuild it once when its sources changed.
  globalSetup: "<rootDir>/test/support/build-cli-setup.js",
};
