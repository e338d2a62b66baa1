#!/usr/bin/env node
// 大练兵助手 command line. Registers tsx so that the TypeScript sources run as they are (no build step).
"use strict";
require("tsx/cjs");
require("../src/cli/main.ts").run();
