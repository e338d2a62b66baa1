#!/usr/bin/env node
/**
 * Browser end-to-end test of the add-in (issue 4 §4), run by `npm run test:e2e`:
 *   the production build served on 127.0.0.1, office.js answered with the in-memory Excel loaded from
 *   the sample workbook, Chromium driving the pane through scan → flag → mark done → unflag, with the
 *   workbook checked after each step and screenshots of the pane saved under test-results/.
 * Prints one line per check and a closing line "e2e: N passed, N failed"; exits non-zero on failure.
 *
 * Environment: E2E_SKIP_BUILD=1 uses dist/ as it is; CHROMIUM=/path overrides /usr/bin/chromium.
 */
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const resultsDir = path.join(root, "test-results");
const SAMPLE = path.join(root, "samples", "盘锦市2024年大练兵责任分解表.xlsx");
/** A date on which the sample has both overdue (red) and due-soon (amber) milestones. */
const AS_OF = "2024-09-25";
const AS_OF_ZH = "2024年9月25日";
/** What the pane's date field shows for AS_OF, whatever the browser's locale. */
const AS_OF_FIELD = "2024/09/25";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const STEP_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// A tiny test runner: each check is named; a failed check fails the ones that depend on it.

const results = [];
const state = {};

async function check(name, fn, needs = []) {
  const missing = needs.filter((n) => !results.some((r) => r.name === n && r.ok));
  if (missing.length > 0) {
    results.push({ name, ok: false });
    console.log(`✗ ${name}\n    not run: needs "${missing.join('", "')}"`);
    return;
  }
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`✗ ${name}\n    ${String((error && error.stack) || error).split("\n").slice(0, 6).join("\n    ")}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

// ---------------------------------------------------------------------------------------------
// Build, snapshot, office.js stand-in, server

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function buildIfStale() {
  const built = path.join(dist, "taskpane.html");
  if (process.env.E2E_SKIP_BUILD && fs.existsSync(built)) return "skipped (E2E_SKIP_BUILD)";
  const inputs = Math.max(
    newestMtime(path.join(root, "src")),
    ...["webpack.config.js", "manifest.xml", "package.json"].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > inputs) return "dist/ is up to date";
  const run = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    throw new Error(`webpack failed (exit ${run.status}):\n${(run.stdout + run.stderr).split("\n").slice(-30).join("\n")}`);
  }
  return "built";
}

/** TypeScript modules of the repo, loaded through tsx (a project dependency). */
function requireTs(relativePath) {
  const tsx = require("tsx/cjs/api");
  return tsx.require(path.join(root, relativePath), __filename);
}

async function loadSampleSnapshot() {
  const { snapshotFromXlsx } = requireTs("test/support/in-memory-excel/from-xlsx.ts");
  const snapshot = await snapshotFromXlsx(SAMPLE);
  assert(snapshot && Array.isArray(snapshot.sheets) && snapshot.sheets.length > 0, "the sample snapshot has no sheets");
  return snapshot;
}

async function buildOfficeStandIn(snapshot) {
  const esbuild = require("esbuild");
  const out = await esbuild.build({
    entryPoints: [path.join(__dirname, "office-shim.ts")],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    target: "es2020",
    logLevel: "silent",
  });
  const code = out.outputFiles[0].text;
  return `window.__E2E_SNAPSHOT__ = ${JSON.stringify(snapshot)};\n${code}`;
}

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
};

function serveDist() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the workbook back

const BACKUP_SHEET = "大练兵助手_标注备份";
const NOTE_MARKER = "【大练兵助手】";
const FLAG_STYLE = {
  overdue: { fill: "#FFC7CE", font: "#9C0006" },
  "due-soon": { fill: "#FFEB9C", font: "#9C5700" },
};

async function workbook(page) {
  return page.evaluate(() => window.__inMemoryExcel.snapshot());
}

function sheetOf(snapshot, name) {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  assert(sheet, `sheet ${name} not in the workbook`);
  return sheet;
}

const upper = (c) => (typeof c === "string" ? c.toUpperCase() : c);
const splitAddress = (a) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  return { col: m[1], row: Number(m[2]) };
};

/** The column letter of the 已完成节点 header in a sheet, or null. */
function doneColumn(sheet) {
  for (const [address, cell] of Object.entries(sheet.cells)) {
    if (typeof cell.value === "string" && cell.value.replace(/\s+/g, "") === "已完成节点") return splitAddress(address).col;
  }
  return null;
}

/** Values and formulas of every cell of the user's sheets (our backup sheet left out). */
function contents(snapshot, skip = () => false) {
  const out = {};
  for (const sheet of snapshot.sheets) {
    if (sheet.name === BACKUP_SHEET) continue;
    for (const [address, cell] of Object.entries(sheet.cells)) {
      if (skip(sheet.name, address)) continue;
      if (cell.value === null && cell.formula === undefined) continue;
      out[`${sheet.name}!${address}`] = [cell.value, cell.formula ?? null];
    }
  }
  return out;
}

/**
 * Font colour as the in-memory model means it: absent is "the default black", so an explicit #000000
 * (what Office.js reports, and can only write back, for an automatic font colour) is the same look.
 */
const fontOf = (color) => (color == null || upper(color) === "#000000" ? null : upper(color));

/** Fill, font colour and note of every cell of the user's sheets. */
function looks(snapshot, skip = () => false) {
  const out = {};
  for (const sheet of snapshot.sheets) {
    if (sheet.name === BACKUP_SHEET) continue;
    for (const [address, cell] of Object.entries(sheet.cells)) {
      if (skip(sheet.name, address)) continue;
      const look = [upper(cell.fill ?? null), fontOf(cell.fontColor), cell.note ?? null];
      if (look.every((v) => v === null)) continue;
      out[`${sheet.name}!${address}`] = look;
    }
  }
  return out;
}

function diff(before, after) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [];
  for (const k of keys) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) changed.push(`${k}: ${JSON.stringify(before[k])} → ${JSON.stringify(after[k])}`);
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// The pane

async function counts(page) {
  const tiles = page.getByRole("list", { name: "节点状态统计" }).getByRole("listitem");
  const labels = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  const out = {};
  for (const label of labels) {
    const m = /^(\S+) (\d+) 个$/.exec(label || "");
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

async function listedMilestones(page) {
  return page
    .locator("li[data-cell]")
    .evaluateAll((els) => els.map((e) => ({ sheet: e.dataset.sheet, cell: e.dataset.cell, label: e.dataset.label, status: e.dataset.status })));
}

/** Waits until Excel's selection is the cell (the in-memory Excel may report "Sheet!$I$5" or a range). */
async function waitForSelection(page, sheet, cell) {
  await page.waitForFunction(
    ([sheetName, address]) => {
      const s = window.__inMemoryExcel.selection();
      return !!s && s.sheet === sheetName && s.address.replace(/^.*!/, "").replace(/\$/g, "").split(":")[0] === address;
    },
    [sheet, cell],
  );
}

async function waitIdle(page) {
  await page.locator('main[aria-busy="false"]').waitFor({ timeout: STEP_TIMEOUT_MS });
}

async function notice(page, pattern) {
  const bar = page.locator(".fui-MessageBar").filter({ hasText: pattern });
  await bar.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  return (await bar.first().innerText()).trim();
}

async function screenshot(page, name) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  await page.screenshot({ path: path.join(resultsDir, `${name}-full.png`), fullPage: true });
  return file;
}

/** Counts of the sample as the core computes them straight from the workbook (no adapter, no pane). */
function expectedCounts(snapshot) {
  const { scanWorkbook } = requireTs("src/core/scan/index.ts");
  const { parseCellAddress } = requireTs("src/core/address.ts");
  const grids = snapshot.sheets
    .filter((s) => s.name !== BACKUP_SHEET)
    .map((s) => {
      const values = [];
      for (const [address, cell] of Object.entries(s.cells)) {
        const { row, col } = parseCellAddress(address);
        while (values.length <= row) values.push([]);
        values[row][col] = cell.value;
      }
      for (const r of values) for (let c = 0; c < r.length; c++) if (r[c] === undefined) r[c] = null;
      const merges = (s.merges || []).map((m) => {
        const [a, b] = m.split(":");
        const from = parseCellAddress(a);
        const to = parseCellAddress(b || a);
        return { top: from.row, left: from.col, bottom: to.row, right: to.col };
      });
      return { name: s.name, values, merges };
    });
  const result = scanWorkbook(grids, { asOf: AS_OF, dueSoonDays: 7 });
  const { STATUS_ZH } = requireTs("src/core/milestones/types.ts");
  const out = {};
  for (const [status, n] of Object.entries(result.counts)) out[STATUS_ZH[status]] = n;
  return out;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  let server;
  let context;
  let userDataDir;
  const pageErrors = [];
  try {
    await check("build: webpack --mode production", async () => {
      state.build = buildIfStale();
      assert(fs.existsSync(path.join(dist, "taskpane.html")), "dist/taskpane.html missing after the build");
      assert(fs.existsSync(path.join(dist, "taskpane.js")), "dist/taskpane.js missing after the build");
    });

    await check("office.js stand-in: in-memory Excel with the sample workbook", async () => {
      assert(fs.existsSync(SAMPLE), `sample workbook missing: ${SAMPLE}`);
      state.snapshot = await loadSampleSnapshot();
      state.officeJs = await buildOfficeStandIn(state.snapshot);
    });

    await check(
      "pane opens in Chromium",
      async () => {
        assert(fs.existsSync(CHROMIUM), `${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-zenhei)`);
        server = await serveDist();
        const base = `http://127.0.0.1:${server.address().port}`;
        const { chromium } = require("playwright-core");
        userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-e2e-"));
        context = await chromium.launchPersistentContext(userDataDir, {
          executablePath: CHROMIUM,
          headless: true,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            // An English browser, as Chromium here is: the pane's dates must not follow the locale.
            "--lang=en-US",
          ],
          viewport: { width: 400, height: 900 },
          deviceScaleFactor: 1,
          locale: "en-US",
          timezoneId: "Asia/Shanghai",
        });
        // Nothing leaves the machine: office.js is answered locally, everything else not on 127.0.0.1 is refused.
        await context.route("**/*", (route) => {
          const url = route.request().url();
          if (/\/office\.js(\?|$)/.test(url)) {
            return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: state.officeJs });
          }
          if (url.startsWith(base)) return route.continue();
          return route.abort();
        });
        const page = context.pages()[0] || (await context.newPage());
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        page.on("pageerror", (e) => pageErrors.push(String(e)));
        page.on("console", (m) => {
          if (m.type() === "error") pageErrors.push(`console: ${m.text()}`);
        });
        await page.goto(`${base}/taskpane.html`);
        await page.getByRole("button", { name: "扫描", exact: true }).waitFor();
        state.page = page;
      },
      ["build: webpack --mode production", "office.js stand-in: in-memory Excel with the sample workbook"],
    );

    await check(
      "scan as of 2024-09-25 shows the five counts the core computes for the sample",
      async () => {
        const page = state.page;
        await waitIdle(page);
        const language = await page.evaluate(() => navigator.language);
        assertEqual(language, "en-US", "the browser's language (the test runs the pane under a non-Chinese locale)");
        await page.getByLabel("截至日期", { exact: true }).fill(AS_OF_FIELD);
        await page.getByRole("button", { name: "扫描", exact: true }).click();
        await waitIdle(page);
        await page.getByText(`截至 ${AS_OF_ZH}`).waitFor();
        await page.getByLabel("截至日期", { exact: true }).blur();
        assertEqual(await page.getByLabel("截至日期", { exact: true }).inputValue(), AS_OF_FIELD, "the date field's text");
        const dueTexts = await page.locator("li[data-cell]").evaluateAll((els) => els.map((e) => e.textContent || ""));
        assert(dueTexts.every((t) => /截止 \d{4}年\d{1,2}月\d{1,2}日/.test(t)), "every card says its due date as 2024年5月31日");
        assert(!dueTexts.some((t) => /\d{1,2}\/\d{1,2}\/\d{4}/.test(t)), "a card shows an American date");
        const chart = await page.getByRole("img", { name: "各月节点" }).getAttribute("aria-describedby");
        const chartText = await page.locator(`[id="${chart}"]`).textContent();
        assert(/2024年5月：共\d+个/.test(chartText || ""), `the month chart's text alternative: "${chartText}"`);
        const shown = await counts(page);
        assertEqual(Object.keys(shown), ["已逾期", "临期", "未到期", "已完成", "无固定期限"], "count tiles");
        assertEqual(shown, expectedCounts(state.snapshot), "counts");
        assert(shown["已逾期"] > 0 && shown["临期"] > 0, `the e2e needs overdue and due-soon milestones as of ${AS_OF}`);
        state.countsBefore = shown;
        state.listed = await listedMilestones(page);
        assertEqual(state.listed.length, shown["已逾期"] + shown["临期"], "listed milestones = 已逾期 + 临期");
        state.before = await workbook(page);
        await screenshot(page, "pane-before-flag");
        // The list as a person scrolls through it: its top, a folded group, its end.
        const view = (name) => page.screenshot({ path: path.join(resultsDir, `${name}.png`) });
        await page.evaluate(() => document.getElementById("urgent-heading").scrollIntoView());
        await view("pane-list");
        const firstGroup = page.locator("h3 > button[aria-expanded]").first();
        await firstGroup.click();
        assertEqual(await firstGroup.getAttribute("aria-expanded"), "false", "the first group after a click on its header");
        await page.mouse.move(2, 2);
        await page.waitForTimeout(300); // the chevron's turn
        await view("pane-list-folded");
        await firstGroup.click();
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await view("pane-list-end");
        await page.evaluate(() => window.scrollTo(0, 0));
      },
      ["pane opens in Chromium"],
    );

    await check(
      "clicking a milestone selects its cell in Excel",
      async () => {
        const page = state.page;
        const first = state.listed[0];
        await page.locator("li[data-cell]").first().getByRole("button").first().click();
        await waitForSelection(page, first.sheet, first.cell);
      },
      ["scan as of 2024-09-25 shows the five counts the core computes for the sample"],
    );

    await check(
      "keyboard alone: Tab reaches 扫描 and a milestone, Enter selects its cell",
      async () => {
        const page = state.page;
        // Select another cell first (the last milestone), so that Enter has to change the selection.
        const last = state.listed[state.listed.length - 1];
        await page.locator("li[data-cell]").last().getByRole("button").first().click();
        await waitForSelection(page, last.sheet, last.cell);
        // Start from the top of the pane, as after opening it (a click on its padding moves the
        // browser's sequential focus starting point there).
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.mouse.click(2, 2);
        const focused = () =>
          page.evaluate(() => {
            const e = document.activeElement;
            const li = e && e.closest("li[data-cell]");
            return {
              text: e ? (e.textContent || "").trim() : "",
              item: li && e.tagName === "BUTTON" && !/^标记完成/.test(e.getAttribute("aria-label") || "") ? { sheet: li.dataset.sheet, cell: li.dataset.cell } : null,
            };
          });
        let presses = 0;
        while ((await focused()).text !== "扫描") {
          assert(++presses <= 10, `10 presses of Tab did not reach the 扫描 button (at ${JSON.stringify(await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 200)))})`);
          await page.keyboard.press("Tab");
        }
        let item;
        while (!(item = (await focused()).item)) {
          assert(++presses <= 60, "60 presses of Tab did not reach a milestone");
          await page.keyboard.press("Tab");
        }
        assert(item.sheet !== last.sheet || item.cell !== last.cell, "the first milestone reached is the one already selected");
        await page.keyboard.press("Enter");
        await waitForSelection(page, item.sheet, item.cell);
      },
      ["scan as of 2024-09-25 shows the five counts the core computes for the sample"],
    );

    await check(
      "就地标注: overdue cells red, due-soon amber, notes added, values unchanged",
      async () => {
        const page = state.page;
        await page.getByRole("button", { name: "就地标注" }).click();
        const message = await notice(page, /已标注/);
        const level = new Map();
        for (const m of state.listed) {
          const k = `${m.sheet}!${m.cell}`;
          if (m.status === "overdue" || !level.has(k)) level.set(k, m.status);
        }
        assert(message.includes(`已标注 ${level.size} 个单元格`), `message "${message}" should name ${level.size} cells`);
        assert(message.includes("批注"), `message "${message}" should say notes are used`);
        const after = await workbook(page);
        for (const [k, status] of level) {
          const [sheet, cell] = k.split("!");
          const c = sheetOf(after, sheet).cells[cell];
          assert(c, `${k} missing after flagging`);
          assertEqual(upper(c.fill), FLAG_STYLE[status].fill, `fill of ${k} (${status})`);
          assertEqual(upper(c.fontColor), FLAG_STYLE[status].font, `font colour of ${k} (${status})`);
          assert(typeof c.note === "string" && c.note.includes(NOTE_MARKER), `${k} has no ${NOTE_MARKER} note`);
          const before = sheetOf(state.before, sheet).cells[cell];
          if (before && before.note) assert(c.note.startsWith(before.note), `${k}: the user's own note must stay first`);
        }
        const changedValues = diff(contents(state.before), contents(after));
        assert(changedValues.length === 0, `flagging changed cell values:\n${changedValues.slice(0, 5).join("\n")}`);
        const restyled = diff(looks(state.before), looks(after)).filter((d) => !level.has(d.split(": ")[0]));
        assert(restyled.length === 0, `flagging touched other cells:\n${restyled.slice(0, 5).join("\n")}`);
        state.flagged = after;
        await screenshot(page, "pane-after-flag");
      },
      ["scan as of 2024-09-25 shows the five counts the core computes for the sample"],
    );

    await check(
      "标记完成: the row's 已完成节点 cell holds the label and the counts follow",
      async () => {
        const page = state.page;
        const target = state.listed.find((m) => m.status === "overdue");
        const item = page.locator(`li[data-sheet="${target.sheet}"][data-cell="${target.cell}"][data-label="${target.label}"]`);
        await item.getByRole("button", { name: /^标记完成/ }).click();
        await notice(page, /记为完成/);
        await waitIdle(page);
        await page.waitForFunction(
          (n) => {
            const tile = document.querySelector('li[data-status="done"]');
            return !!tile && tile.getAttribute("aria-label") === `已完成 ${n} 个`;
          },
          state.countsBefore["已完成"] + 1,
        );
        const shown = await counts(page);
        assertEqual(shown["已逾期"], state.countsBefore["已逾期"] - 1, "已逾期 after marking one done");
        assertEqual(shown["已完成"], state.countsBefore["已完成"] + 1, "已完成 after marking one done");
        assert((await item.count()) === 0, "the milestone marked done is still listed");

        const after = await workbook(page);
        const sheet = sheetOf(after, target.sheet);
        const col = doneColumn(sheet);
        assert(col, `no 已完成节点 column in ${target.sheet}`);
        const doneAddress = `${col}${splitAddress(target.cell).row}`;
        const value = sheet.cells[doneAddress] && sheet.cells[doneAddress].value;
        const labels = String(value ?? "").split(/[,，、;；:：\s]+/);
        assert(labels.includes(target.label), `${target.sheet}!${doneAddress} holds ${JSON.stringify(value)}, not label ${target.label}`);
        assert(!(sheet.cells[doneAddress] || {}).formula, `${target.sheet}!${doneAddress} became a formula`);
        state.done = { sheet: target.sheet, col };
        // Nothing else changed: only the 已完成节点 column (its header too when the column was added).
        const skip = (s, a) => s === target.sheet && splitAddress(a).col === col;
        const changed = diff(contents(state.before, skip), contents(after, skip));
        assert(changed.length === 0, `marking done changed other cells:\n${changed.slice(0, 5).join("\n")}`);
      },
      ["就地标注: overdue cells red, due-soon amber, notes added, values unchanged"],
    );

    await check(
      "撤销 of 标记完成: the workbook is back as before marking, the counts too",
      async () => {
        const page = state.page;
        await page.getByRole("button", { name: /^撤销序号.*的标记完成$/ }).click();
        await notice(page, /已撤销.*的标记完成/);
        await waitIdle(page);
        await page.waitForFunction(
          (n) => {
            const tile = document.querySelector('li[data-status="done"]');
            return !!tile && tile.getAttribute("aria-label") === `已完成 ${n} 个`;
          },
          state.countsBefore["已完成"],
        );
        assertEqual(await counts(page), state.countsBefore, "counts after 撤销");
        const after = await workbook(page);
        assertEqual(after, state.flagged, "the workbook after 撤销 (the same as before 标记完成, 已完成节点 column included)");
        state.done = null;
        await screenshot(page, "pane-after-undo");
      },
      ["标记完成: the row's 已完成节点 cell holds the label and the counts follow"],
    );

    await check(
      "tooltips of the workbook buttons never cover a button",
      async () => {
        const page = state.page;
        await page.evaluate(() => window.scrollTo(0, 0));
        const group = page.getByRole("group", { name: "工作簿操作" });
        const buttons = group.getByRole("button");
        const boxes = [];
        for (let i = 0; i < (await buttons.count()); i++) boxes.push(await buttons.nth(i).boundingBox());
        const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        for (let i = 0; i < boxes.length; i++) {
          await buttons.nth(i).hover();
          const tip = page.getByRole("tooltip");
          await tip.waitFor({ state: "visible" });
          await page.waitForTimeout(300); // let the tooltip settle where Fluent puts it
          const box = await tip.boundingBox();
          const name = (await buttons.nth(i).innerText()).trim();
          boxes.forEach((b, j) => assert(!overlaps(box, b), `the tooltip of ${name} covers button ${j + 1} (${JSON.stringify(box)} over ${JSON.stringify(b)})`));
          if (i === 0 || i === 3) await screenshot(page, `pane-tooltip-${i === 0 ? "top" : "bottom"}`);
          await page.mouse.move(2, 880);
          await tip.waitFor({ state: "hidden" });
        }
      },
      ["scan as of 2024-09-25 shows the five counts the core computes for the sample"],
    );

    await check(
      "清除标注: fills, font colours and notes exactly as before flagging",
      async () => {
        const page = state.page;
        await page.getByRole("button", { name: "清除标注" }).click();
        const message = await notice(page, /已清除标注|没有需要清除/);
        assert(/已清除标注，\d+ 个单元格恢复原样/.test(message), `unexpected message "${message}"`);
        const after = await workbook(page);
        const skip = (s, a) => state.done && s === state.done.sheet && splitAddress(a).col === state.done.col;
        const restyled = diff(looks(state.before, skip), looks(after, skip));
        assert(restyled.length === 0, `not restored:\n${restyled.slice(0, 8).join("\n")}`);
        const changed = diff(contents(state.before, skip), contents(after, skip));
        assert(changed.length === 0, `unflag changed values:\n${changed.slice(0, 5).join("\n")}`);
        await screenshot(page, "pane-after-unflag");
      },
      ["撤销 of 标记完成: the workbook is back as before marking, the counts too"],
    );

    await check(
      "插入公式列 adds 节点状态/下一节点/逾期数 with live formulas, once; 插入评分表 asks the set (个人: the name) and adds that sheet",
      async () => {
        const page = state.page;
        await page.getByRole("button", { name: "插入公式列" }).click();
        await notice(page, /已在 \d+ 张表右侧加入/);
        await waitIdle(page);
        const once = await workbook(page);
        const headerCount = (snapshot) =>
          snapshot.sheets.map((sheet) =>
            Object.values(sheet.cells).filter((c) => typeof c.value === "string" && ["节点状态", "下一节点", "逾期数"].includes(c.value)).length,
          );
        // Only tables with a 市级辅助成果 column get them (in the sample: the 攻坚 table).
        for (const table of ["攻坚任务"]) {
          const sheet = sheetOf(once, table);
          const formulas = Object.values(sheet.cells).filter((c) => typeof c.formula === "string");
          assert(formulas.some((c) => /DALIANBING\.STATUS\(/i.test(c.formula)), `no DALIANBING.STATUS formula in ${table}`);
          assert(formulas.some((c) => /DALIANBING\.NEXTDUE\(/i.test(c.formula)), `no DALIANBING.NEXTDUE formula in ${table}`);
          assert(formulas.some((c) => /DALIANBING\.OVERDUE\(/i.test(c.formula)), `no DALIANBING.OVERDUE formula in ${table}`);
        }
        await page.getByRole("button", { name: "插入公式列" }).click();
        await notice(page, /公式列已存在/);
        await waitIdle(page);
        assertEqual(headerCount(await workbook(page)), headerCount(once), "formula headers after running it twice");

        // 插入评分表 asks which set; 个人 asks for the candidate's name first.
        await page.getByRole("button", { name: "插入评分表" }).click();
        await screenshot(page, "pane-scorecard-menu");
        await page.getByRole("menuitem", { name: "基准任务·市级（附件5）" }).click();
        await notice(page, /已生成工作表“评分表（基准市级）”，共 \d+ 项/);
        await waitIdle(page);
        await page.getByRole("button", { name: "插入评分表" }).click();
        await page.getByRole("menuitem", { name: /表现突出个人/ }).click();
        await page.getByLabel(/候选人姓名/).fill("王江");
        await screenshot(page, "pane-scorecard-candidate");
        await page.getByRole("button", { name: "插入", exact: true }).click();
        await notice(page, /已生成工作表“评分表（个人-王江）”/);
        await waitIdle(page);
        const after = await workbook(page);
        for (const name of ["评分表（基准市级）", "评分表（个人-王江）"]) {
          const scorecard = sheetOf(after, name);
          assert(
            Object.values(scorecard.cells).some((c) => typeof c.formula === "string" && /DALIANBING\.SCORE\(/i.test(c.formula)),
            `the ${name} sheet has no DALIANBING.SCORE formula`,
          );
        }
        await screenshot(page, "pane-after-tools");
      },
      ["scan as of 2024-09-25 shows the five counts the core computes for the sample"],
    );

    await check(
      "no script errors in the page",
      async () => {
        assert(pageErrors.length === 0, pageErrors.slice(0, 5).join("\n"));
      },
      ["pane opens in Chromium"],
    );
  } finally {
    if (context) await context.close().catch(() => undefined);
    if (server) await new Promise((r) => server.close(r));
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (state.build) console.log(`(build: ${state.build}; screenshots in ${path.relative(root, resultsDir)}/)`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.log(String((error && error.stack) || error));
  console.log(`e2e: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exitCode = 1;
});
