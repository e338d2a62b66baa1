#!/usr/bin/env node
/**
 * Compiles the command line (tsconfig.cli.json → dist-cli/). With --if-stale (the jest global setup) it
 * compiles only when a source under src/cli, src/core or src/xlsx is newer than the last build, so tests
 * that spawn bin/dalianbing.js always run the current code.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const stamp = path.join(root, "dist-cli", ".built");

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$|\.json$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ["src/cli", "src/core", "src/xlsx", "src/report", "src/excel"]) walk(path.join(root, dir));
  for (const file of ["tsconfig.json", "tsconfig.cli.json"]) newest = Math.max(newest, fs.statSync(path.join(root, file)).mtimeMs);
  return newest;
}

function build({ ifStale = false } = {}) {
  if (ifStale && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestSource()) return;
  fs.rmSync(path.join(root, "dist-cli"), { recursive: true, force: true });
  const tsc = require.resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("npm run build:cli: tsc failed");
  fs.writeFileSync(stamp, new Date().toISOString() + "\n");
}

module.exports = build;
// jest globalSetup calls the exported function; `node scripts/build-cli.js` builds unconditionally.
if (require.main === module) {
  try {
    build({ ifStale: process.argv.includes("--if-stale") });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
