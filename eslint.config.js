// ESLint flat config: typescript-eslint's recommended rules, React hooks rules for the pane,
// and the architecture's one hard boundary (docs/design.md §3): Office.js only under src/excel.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");
const globals = require("globals");

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "node_modules/**", "coverage/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Report lines align Chinese text with the ideographic space (U+3000) inside strings and templates.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    // These patterns exist to find control characters and escape sequences in cell text (terminal safety).
    files: ["src/cli/terminal.ts", "test/cli/report.test.ts"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ["src/core/**/*.ts", "src/functions/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/cli/**/*.ts", "src/xlsx/**/*.ts"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "Office.js belongs in src/excel (docs/design.md §3)." },
        { name: "Office", message: "Office.js belongs in src/excel (docs/design.md §3)." },
      ],
    },
  },
  {
    files: ["**/*.js", "bench/**/*.ts", "scripts/**/*.ts", "test/**/*.{ts,tsx}", "src/cli/**/*.ts"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/e2e/**/*.js"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
