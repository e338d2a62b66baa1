#!/usr/bin/env node
// 大练兵助手 command line. Runs the compiled JavaScript in dist-cli/ (`npm run build:cli`, also run by
// `npm ci` / `npm install` through the prepare script), so no TypeScript compiler loads at start-up.
"use strict";
const path = require("path");
const fs = require("fs");

const entry = path.join(__dirname, "..", "dist-cli", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "错误：命令行工具尚未编译（缺少 dist-cli/cli/main.js）。\n请在大练兵助手的文件夹中先运行：npm run build:cli\n",
  );
  process.exit(1);
}
require(entry).run();
