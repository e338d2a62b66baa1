/**
 * The command line runs compiled JavaScript (dist-cli/, `npm run build:cli`): no TypeScript compiler
 * is loaded at start-up, and a clone that was not built says in Chinese what to run.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT, tempDir } from "./support";

jest.setTimeout(60_000);

it("scans the sample without loading tsx or typescript", () => {
  const script = `
    process.argv = [process.argv[0], "dalianbing", "scan", "--as-of", "2024-09-25", "--json"];
    require("./bin/dalianbing.js");
    process.on("exit", () => {
      const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](tsx|typescript|ts-node)[\\\\/]/.test(k));
      if (loaded.length) { process.stderr.write("loaded: " + loaded[0]); process.exitCode = 9; }
    });`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).tables.length).toBeGreaterThan(0);
});

it("without the build, says to run npm run build:cli", () => {
  const dir = tempDir("unbuilt");
  try {
    fs.mkdirSync(path.join(dir, "bin"));
    fs.copyFileSync(path.join(ROOT, "bin", "dalianbing.js"), path.join(dir, "bin", "dalianbing.js"));
    const r = spawnSync(process.execPath, [path.join(dir, "bin", "dalianbing.js"), "scan"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("错误：命令行工具尚未编译（缺少 dist-cli/cli/main.js）。\n请在大练兵助手的文件夹中先运行：npm run build:cli\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
