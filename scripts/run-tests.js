#!/usr/bin/env node
/**
 * `npm test`: type-check (whole project, and the pure core without DOM/Node types), unit tests (jest),
 * browser end-to-end tests; then one closing line "tests: N passed, N failed" for CI.
 * Every step runs even when an earlier one fails, so one run shows everything that is broken.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;

function run(label, command, args) {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  return result.status === 0;
}

function countStep(label, ok) {
  if (ok) passed += 1;
  else {
    failed += 1;
    console.log(`!! ${label} failed`);
  }
}

countStep("tsc (project)", run("tsc --noEmit (project)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]));
countStep("tsc (core)", run("tsc --noEmit (pure core)", bin("tsc"), ["--noEmit", "-p", "tsconfig.core.json"]));

const jestJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-jest-")), "results.json");
const jestOk = run("jest", bin("jest"), ["--json", `--outputFile=${jestJson}`]);
if (fs.existsSync(jestJson)) {
  const results = JSON.parse(fs.readFileSync(jestJson, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  if (!jestOk && results.numFailedTests === 0) failed += Math.max(1, results.numFailedTestSuites);
} else if (!jestOk) failed += 1;

const e2eJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-e2e-")), "results.json");
const e2eOk = run("e2e (Chromium)", process.execPath, [path.join(root, "test/e2e/run.js"), `--results=${e2eJson}`]);
if (fs.existsSync(e2eJson)) {
  const results = JSON.parse(fs.readFileSync(e2eJson, "utf8"));
  passed += results.passed;
  failed += results.failed;
  if (!e2eOk && results.failed === 0) failed += 1;
} else if (!e2eOk) failed += 1;

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
