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

/** A browser e2e script: counts its closing "N passed, M failed" line; no line or a crash counts as a failure. */
function e2eStep(label, script) {
  console.log(`\n== ${label}`);
  const e2e = spawnSync(process.execPath, [path.join(root, script)], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(e2e.stdout || "");
  const e2eLine = /(\d+) passed, (\d+) failed/.exec((e2e.stdout || "").split("\n").filter((l) => /passed, \d+ failed/.test(l)).pop() || "");
  if (e2eLine) {
    passed += Number(e2eLine[1]);
    failed += Number(e2eLine[2]);
    if (e2e.status !== 0 && Number(e2eLine[2]) === 0) failed += 1;
  } else if (e2e.status !== 0) failed += 1;
  else {
    console.log(`!! ${label} printed no result line`);
    failed += 1;
  }
}

e2eStep("e2e (Chromium)", "test/e2e/run.js");
e2eStep("e2e web page (Chromium)", "test/e2e/web.js");

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
