#!/usr/bin/env node
/**
 * Browser end-to-end test of the web page (issue 11 §3), run by `npm run test:e2e` after run.js:
 *   dist/ served on 127.0.0.1, dist/web.html opened in Chromium, the sample workbook and a messy one
 *   chosen through the file input (and once dropped), scanned at two dates and compared with the CLI's
 *   scan of the same file; the downloaded flagged copy compared with `dalianbing flag`'s, cell by cell;
 *   标记完成 checked in the downloaded copy's 已完成节点 column. Every request outside the local server
 *   fails the test (no CDN, fonts, telemetry; office.js is never requested). Screenshots go to test-results/.
 * Prints one line per check and a closing line "web e2e: N passed, N failed"; exits non-zero on failure.
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
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const STEP_TIMEOUT_MS = 30_000;
/** Two dates: the later one has overdue and due-soon milestones in both workbooks. */
const LATE = "2024-09-25";
const EARLY = "2024-09-01";
const BACKUP_SHEET = "大练兵助手_标注备份";
const NOTE_MARKER = "【大练兵助手】";
const FLAG_FILL = { overdue: "FFFFC7CE", "due-soon": "FFFFEB9C" };

// ---------------------------------------------------------------------------------------------
// The same tiny runner as run.js: each check is named; a failed check fails the ones that need it.

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
    // What the page showed when the check failed.
    if (state.page) await screenshot(state.page, `web-failed-${results.length}`).catch(() => undefined);
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
// Build, server, the CLI as the reference

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
  const built = path.join(dist, "web.html");
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

function requireTs(relativePath) {
  const tsx = require("tsx/cjs/api");
  return tsx.require(path.join(root, relativePath), __filename);
}

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
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

/** `dalianbing …` in-process; returns stdout (throws with stderr on a non-zero exit). */
async function dalianbing(args) {
  const { main } = requireTs("src/cli/main.ts");
  const out = [];
  const err = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty: false, now: new Date(2024, 8, 1) });
  if (code !== 0) throw new Error(`dalianbing ${args.join(" ")} exited ${code}: ${err.join("")}`);
  return out.join("");
}

async function cliScan(file, asOf) {
  return JSON.parse(await dalianbing(["scan", file, "--as-of", asOf, "--json"]));
}

const STATUS_ZH = { overdue: "已逾期", "due-soon": "临期", pending: "未到期", done: "已完成", "open-ended": "无固定期限" };

function countsZh(counts) {
  const out = {};
  for (const [status, zh] of Object.entries(STATUS_ZH)) out[zh] = counts[status];
  return out;
}

/** The overdue and due-soon milestones of a CLI report, as the page lists them (order aside). */
function urgentOf(report) {
  return report.milestones
    .filter((m) => m.status === "overdue" || m.status === "due-soon")
    .map((m) => `${m.sheet}!${m.cell}#${m.label}:${m.status}`)
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Workbooks read back with ExcelJS

async function loadXlsx(file) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const noteText = (note) =>
  note == null ? null : typeof note === "string" ? note : (note.texts || []).map((t) => t.text || "").join("");

/** Every cell of the user's sheets: value (formula with result), fill, font colour and note. */
function cellMap(wb, pick) {
  const out = {};
  wb.eachSheet((ws) => {
    if (ws.name === BACKUP_SHEET) return;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = pick(cell);
        if (v !== null && v !== undefined) out[`${ws.name}!${cell.address}`] = JSON.stringify(v);
      }),
    );
  });
  return out;
}
const valueOf = (c) => (c.value === null || c.value === undefined ? null : c.value);
const lookOf = (c) => {
  const fill = c.style && c.style.fill && c.style.fill.pattern === "solid" ? c.style.fill.fgColor && c.style.fill.fgColor.argb : null;
  const font = c.style && c.style.font && c.style.font.color ? c.style.font.color.argb || null : null;
  const note = noteText(c.note);
  return fill || font || note ? [fill || null, font, note] : null;
};

function diff(before, after) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k]} → ${after[k]}`);
}

// ---------------------------------------------------------------------------------------------
// The page

async function counts(page) {
  const labels = await page
    .getByRole("list", { name: "节点状态统计" })
    .getByRole("listitem")
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  const out = {};
  for (const label of labels) {
    const m = /^(\S+) (\d+) 个$/.exec(label || "");
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

async function listed(page) {
  const items = await page
    .locator("li[data-cell]")
    .evaluateAll((els) => els.map((e) => `${e.dataset.sheet}!${e.dataset.cell}#${e.dataset.label}:${e.dataset.status}`));
  return items.sort();
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
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`) });
  await page.screenshot({ path: path.join(resultsDir, `${name}-full.png`), fullPage: true });
}

/** Chooses a file through the 选择工作簿 input and waits for the pane's first scan. */
async function choose(page, file) {
  await page.getByLabel("选择工作簿").setInputFiles(file);
  await page.getByText(/^正在读取/).waitFor({ state: "detached" });
  await page.waitForFunction((name) => {
    const shown = document.querySelector('[data-testid="file-name"]');
    return !!shown && shown.textContent.trim() === name;
  }, path.basename(file));
  await page.getByRole("list", { name: "节点状态统计" }).waitFor();
  await waitIdle(page);
}

async function scanAt(page, asOf) {
  await page.getByLabel("截至日期").fill(asOf);
  await page.getByRole("button", { name: "扫描", exact: true }).click();
  await waitIdle(page);
  const [y, m, d] = asOf.split("-").map(Number);
  await page.getByText(`截至 ${y}年${m}月${d}日`).waitFor();
}

/** Clicks a download button; returns the saved file's path and the name the page gave it. */
async function download(page, button, dir) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button, exact: true }).click()]);
  const file = path.join(dir, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  await waitIdle(page);
  return { file, name: dl.suggestedFilename() };
}

/** Scans at both dates and compares counts, the listed milestones and the problem sections with the CLI's scan. */
async function compareWithCli(page, file, asOfs) {
  for (const asOf of asOfs) {
    await scanAt(page, asOf);
    const report = await cliScan(file, asOf);
    assertEqual(await counts(page), countsZh(report.counts), `counts as of ${asOf}`);
    assertEqual(await listed(page), urgentOf(report), `listed milestones as of ${asOf}`);
    const heading = await page.getByRole("heading", { name: /^逾期和临期节点/ }).innerText();
    assertEqual(heading.trim(), `逾期和临期节点（${urgentOf(report).length}）`, "list heading");
    const unreadable = report.problems.length + report.unrecognised.length;
    const problems = page.getByRole("button", { name: /^未能读取的工作表和单元格/ });
    if (unreadable > 0) assertEqual((await problems.innerText()).trim(), `未能读取的工作表和单元格（${unreadable}）`, "problems section");
    else assertEqual(await problems.count(), 0, "problems section when there are none");
    const discrepancies = page.getByRole("button", { name: /^规则差异/ });
    if (report.discrepancies.length > 0) assertEqual((await discrepancies.innerText()).trim(), `规则差异（${report.discrepancies.length}）`, "discrepancies section");
    else assertEqual(await discrepancies.count(), 0, "discrepancies section when there are none");
  }
}

/**
 * The downloaded flagged copy against `dalianbing flag` of the same file at the same date: the same
 * values, fills, font colours and notes in every cell; flagged cells red or amber with our note;
 * every value of the original kept.
 */
async function checkFlaggedCopy(downloaded, input, asOf, dir) {
  const byCli = path.join(dir, `cli-${Date.now()}.xlsx`);
  await dalianbing(["flag", input, "-o", byCli, "--as-of", asOf]);
  const [page, cli, original] = await Promise.all([loadXlsx(downloaded), loadXlsx(byCli), loadXlsx(input)]);
  const valuesChanged = diff(cellMap(original, valueOf), cellMap(page, valueOf));
  assert(valuesChanged.length === 0, `the flagged copy changed values:\n${valuesChanged.slice(0, 5).join("\n")}`);
  const notAsCli = diff(cellMap(cli, lookOf), cellMap(page, lookOf));
  assert(notAsCli.length === 0, `the flagged copy differs from dalianbing flag's:\n${notAsCli.slice(0, 5).join("\n")}`);
  const report = await cliScan(input, asOf);
  const levels = new Map();
  for (const m of report.milestones) {
    const k = `${m.sheet}!${m.cell}`;
    if (m.status === "overdue") levels.set(k, "overdue");
    else if (m.status === "due-soon" && !levels.has(k)) levels.set(k, "due-soon");
  }
  assert(levels.size > 0, "nothing to flag: the check would prove nothing");
  for (const [k, level] of levels) {
    const [sheet, address] = k.split("!");
    const cell = page.getWorksheet(sheet).getCell(address);
    assertEqual(cell.style.fill && cell.style.fill.fgColor && cell.style.fill.fgColor.argb, FLAG_FILL[level], `fill of ${k} (${level})`);
    assert((noteText(cell.note) || "").includes(NOTE_MARKER), `${k} has no ${NOTE_MARKER} note`);
    const before = noteText(original.getWorksheet(sheet).getCell(address).note);
    if (before) assert(noteText(cell.note).startsWith(before), `${k}: the user's own note must stay first`);
  }
  const backup = page.getWorksheet(BACKUP_SHEET);
  assert(backup && backup.state === "veryHidden", "the flagged copy has no very hidden backup sheet");
  return { levels };
}

/** The column letter of the 已完成节点 header in a sheet, or null. */
function doneColumn(ws) {
  let col = null;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (col === null && typeof cell.value === "string" && cell.value.replace(/\s+/g, "") === "已完成节点") col = cell.address.replace(/\d+$/, "");
    }),
  );
  return col;
}

/** Marks the first overdue milestone done; returns it. The counts must follow at once. */
async function markFirstOverdueDone(page) {
  const before = await counts(page);
  const item = page.locator('li[data-cell][data-status="overdue"]').first();
  const target = await item.evaluate((e) => ({ sheet: e.dataset.sheet, cell: e.dataset.cell, label: e.dataset.label }));
  await item.getByRole("button", { name: /^标记完成/ }).click();
  await notice(page, /记为完成/);
  await waitIdle(page);
  await page.waitForFunction((n) => {
    const tile = document.querySelector('li[data-status="done"]');
    return !!tile && tile.getAttribute("aria-label") === `已完成 ${n} 个`;
  }, before["已完成"] + 1);
  const after = await counts(page);
  assertEqual(after["已逾期"], before["已逾期"] - 1, "已逾期 after marking one done");
  await page.getByText(/已标记完成 1 项，尚未保存/).waitFor();
  return target;
}

async function checkDoneInCopy(file, original, target) {
  const [wb, before] = await Promise.all([loadXlsx(file), loadXlsx(original)]);
  const ws = wb.getWorksheet(target.sheet);
  const col = doneColumn(ws);
  assert(col, `no 已完成节点 column in ${target.sheet} of the downloaded copy`);
  const row = Number(target.cell.replace(/^[A-Z]+/, ""));
  const cell = ws.getCell(`${col}${row}`);
  assert(typeof cell.value === "string", `${target.sheet}!${col}${row} holds ${JSON.stringify(cell.value)}, not text`);
  assert(cell.value.split(/[,，、;；\s]+/).includes(target.label), `${target.sheet}!${col}${row} holds "${cell.value}", not label ${target.label}`);
  const skip = (k) => k.startsWith(`${target.sheet}!${col}`) && /^\d+$/.test(k.slice(target.sheet.length + 1 + col.length));
  const changed = diff(cellMap(before, valueOf), cellMap(wb, valueOf)).filter((d) => !skip(d.split(": ")[0]));
  assert(changed.length === 0, `marking done changed other cells:\n${changed.slice(0, 5).join("\n")}`);
  return col;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  let server;
  let context;
  let userDataDir;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-web-e2e-"));
  const pageErrors = [];
  const outside = [];
  const requested = [];
  try {
    await check("build: dist/web.html", async () => {
      state.build = buildIfStale();
      const html = fs.readFileSync(path.join(dist, "web.html"), "utf8");
      assert(!/office\.js|appsforoffice/i.test(html), "web.html loads office.js");
      const external = html.match(/(?:src|href)=["']?(?:https?:)?\/\/[^"' >]+/gi);
      assert(!external, `web.html refers to other servers: ${external}`);
      state.scripts = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/gi)].map((m) => m[1]);
      assert(state.scripts.length > 0, "web.html loads no script");
    });

    await check("workbooks: the sample and a messy one (title rows, merged cells, repeated headers)", async () => {
      assert(fs.existsSync(SAMPLE), `sample workbook missing: ${SAMPLE}`);
      state.sample = path.join(work, path.basename(SAMPLE));
      fs.copyFileSync(SAMPLE, state.sample);
      const { buildMessyWorkbook } = requireTs("test/web/messy-workbook.ts");
      state.messy = path.join(work, "第二批责任分解表.xlsx");
      fs.writeFileSync(state.messy, await buildMessyWorkbook());
      state.xls = path.join(work, "旧版责任分解表.xls");
      fs.writeFileSync(state.xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    });

    await check(
      "web.html opens in Chromium without office.js and without any other server",
      async () => {
        assert(fs.existsSync(CHROMIUM), `${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-zenhei)`);
        server = await serveDist();
        const base = `http://127.0.0.1:${server.address().port}`;
        const { chromium } = require("playwright-core");
        userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-web-e2e-profile-"));
        // The launch flags of run.js.
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
            "--lang=zh-CN",
          ],
          viewport: { width: 1024, height: 900 },
          deviceScaleFactor: 1,
          locale: "zh-CN",
          timezoneId: "Asia/Shanghai",
          acceptDownloads: true,
        });
        // Nothing leaves the machine: every request not to the local server is refused and fails the test.
        await context.route("**/*", (route) => {
          const url = route.request().url();
          requested.push(url);
          if (url.startsWith(`${base}/`) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
          outside.push(url);
          return route.abort();
        });
        const page = context.pages()[0] || (await context.newPage());
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        page.on("pageerror", (e) => pageErrors.push(String(e)));
        page.on("console", (m) => {
          if (m.type() === "error") pageErrors.push(`console: ${m.text()}`);
        });
        await page.goto(`${base}/web.html`);
        await page.getByRole("button", { name: "选择工作簿" }).waitFor();
        await page.getByText("文件只在本机浏览器中读取，不会上传到任何地方。").waitFor();
        // What a copy cannot keep is said before any file is chosen.
        const lost = await page.getByTestId("lost-on-save").innerText();
        for (const what of ["图表", "数据透视表", "切片器", "外部链接"]) assert(lost.includes(what), `the page does not say a copy lacks ${what}: "${lost}"`);
        assertEqual(await page.evaluate(() => typeof window.Office), "undefined", "window.Office");
        await screenshot(page, "web-start");
        state.page = page;
        state.base = base;
      },
      ["build: dist/web.html", "workbooks: the sample and a messy one (title rows, merged cells, repeated headers)"],
    );

    const opened = "web.html opens in Chromium without office.js and without any other server";

    await check(
      `the sample through 选择工作簿: counts, list, problems and discrepancies as the CLI's scan at ${LATE} and ${EARLY}`,
      async () => {
        const page = state.page;
        await choose(page, state.sample);
        await compareWithCli(page, state.sample, [EARLY, LATE]);
        const shown = await counts(page);
        assert(shown["已逾期"] > 0 && shown["临期"] > 0, `the sample needs overdue and due-soon milestones as of ${LATE}`);
        // No Excel here: a milestone is not a "go to the cell" button, and the add-in's Excel-only buttons are absent.
        assertEqual(await page.getByRole("button", { name: /按回车定位到该单元格/ }).count(), 0, "select-cell buttons");
        for (const name of ["就地标注", "插入公式列", "插入评分表"]) assertEqual(await page.getByRole("button", { name, exact: true }).count(), 0, `${name} button`);
        // Search narrows the list, as in the pane.
        const firstPerson = await page.locator("section[aria-label]:has(h3 button[aria-expanded])").first().getAttribute("aria-label");
        await page.getByLabel("搜索节点").fill(firstPerson);
        const filtered = await listed(page);
        assert(filtered.length > 0 && filtered.length <= (await cliScan(state.sample, LATE)).milestones.length, "search shows nothing");
        await page.getByLabel("搜索节点").fill("");
        await screenshot(page, "web-sample");
      },
      [opened],
    );

    const sampleScanned = `the sample through 选择工作簿: counts, list, problems and discrepancies as the CLI's scan at ${LATE} and ${EARLY}`;

    await check(
      "下载标注副本 of the sample: cell for cell what `dalianbing flag` writes, every value kept",
      async () => {
        const page = state.page;
        const { file, name } = await download(page, "下载标注副本", work);
        assertEqual(name, "盘锦市2024年大练兵责任分解表-已标注.xlsx", "downloaded file name");
        const message = await notice(page, /已下载/);
        assert(message.includes("原文件未改动"), `unexpected message "${message}"`);
        const { levels } = await checkFlaggedCopy(file, state.sample, LATE, work);
        assert(message.includes(`${levels.size} 个单元格已标注`), `message "${message}" should name ${levels.size} cells`);
        await screenshot(page, "web-sample-flagged");
      },
      [sampleScanned],
    );

    await check(
      "标记完成 on the sample: the downloaded copy's 已完成节点 holds the label; 下载清除标注副本 restores the looks",
      async () => {
        const page = state.page;
        const target = await markFirstOverdueDone(page);
        const { file } = await download(page, "下载清除标注副本", work);
        await notice(page, /已下载“盘锦市2024年大练兵责任分解表-已清除标注.xlsx”/);
        const col = await checkDoneInCopy(file, state.sample, target);
        await page.getByText("“标记完成”写入下载的副本中该行的“已完成节点”列").waitFor();
        const [copy, original] = await Promise.all([loadXlsx(file), loadXlsx(state.sample)]);
        const inDone = (k) => k.startsWith(`${target.sheet}!${col}`);
        const restyled = diff(cellMap(original, lookOf), cellMap(copy, lookOf)).filter((d) => !inDone(d.split(": ")[0]));
        assert(restyled.length === 0, `清除标注 left looks changed:\n${restyled.slice(0, 5).join("\n")}`);
        assert(!copy.getWorksheet(BACKUP_SHEET), "the cleared copy still has the backup sheet");
        // The CLI sees the milestone done in that copy.
        const report = await cliScan(file, LATE);
        const m = report.milestones.find((x) => x.sheet === target.sheet && x.cell === target.cell && x.label === target.label);
        assertEqual(m && m.status, "done", "status of the marked milestone in the downloaded copy (CLI scan)");
      },
      ["下载标注副本 of the sample: cell for cell what `dalianbing flag` writes, every value kept"],
    );

    await check(
      "下载评分表 and 计算评分表: the copy carries the four 评分表; filled by hand, the page scores it as `dalianbing score`",
      async () => {
        const page = state.page;
        await page.getByRole("button", { name: "计算评分表", exact: true }).click();
        await notice(page, /这个工作簿中没有评分表/);
        const { file, name } = await download(page, "下载评分表", work);
        assertEqual(name, "盘锦市2024年大练兵责任分解表-评分表.xlsx", "downloaded file name");
        const wb = await loadXlsx(file);
        const cards = wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("评分表"));
        assertEqual(cards, ["评分表", "评分表（基准市级）", "评分表（基准县级）", "评分表（个人）"], "评分表 sheets in the copy");
        // Filled by hand as in WPS: item 1's 完成比例 (its row's H) 100 %; no formula is calculated.
        const ws = wb.getWorksheet("评分表");
        let row = 0;
        ws.eachRow((r, n) => {
          if (!row && r.getCell(1).value === 1) row = n;
        });
        assert(row > 0, "no row of item 1 in 评分表");
        ws.getCell(`H${row}`).value = 1;
        const filled = path.join(work, "已填写评分表.xlsx");
        await wb.xlsx.writeFile(filled);
        await choose(page, filled);
        await page.getByRole("button", { name: "计算评分表", exact: true }).click();
        const message = await notice(page, /“评分表”总分/);
        const cli = JSON.parse(await dalianbing(["score", filled, "--json"]));
        const total = cli.sheets.find((x) => x.sheet === "评分表").total;
        assertEqual(total, 3, "CLI total of the filled 评分表");
        assert(message.includes(`总分 ${total} 分：队伍建设与管理 3/33`), `page message "${message}" should give 总分 ${total}`);
        assert(message.includes("另有 3 张评分表尚未填写"), `page message "${message}" should count the empty 评分表`);
        await screenshot(page, "web-score");
        await choose(page, state.sample);
      },
      [sampleScanned],
    );

    await check(
      "the messy workbook through 选择工作簿: as the CLI at both dates, and as a person reads it",
      async () => {
        const page = state.page;
        await choose(page, state.messy);
        // The 截至日期 stays what it was for the previous workbook.
        assertEqual(await page.getByLabel("截至日期").inputValue(), LATE.replaceAll("-", "/"), "截至日期 after choosing another workbook");
        await compareWithCli(page, state.messy, [EARLY, LATE]);
        assertEqual(await counts(page), { 已逾期: 3, 临期: 1, 未到期: 1, 已完成: 0, 无固定期限: 1 }, `messy counts as of ${LATE}`);
        await page.locator('li[data-label="2"][data-status="due-soon"]').waitFor();
        await screenshot(page, "web-messy");
      },
      [opened],
    );

    await check(
      "下载标注副本 of the messy workbook: as `dalianbing flag`, the user's note and values kept; 标记完成 adds 已完成节点",
      async () => {
        const page = state.page;
        const { file, name } = await download(page, "下载标注副本", work);
        assertEqual(name, "第二批责任分解表-已标注.xlsx", "downloaded file name");
        await checkFlaggedCopy(file, state.messy, LATE, work);
        const target = await markFirstOverdueDone(page);
        const again = await download(page, "下载标注副本", work);
        const col = await checkDoneInCopy(again.file, state.messy, target);
        const wb = await loadXlsx(again.file);
        const header = wb.getWorksheet(target.sheet).getCell(`${col}3`).value;
        assertEqual(header, "已完成节点", "header of the added column (row 3)");
        assertEqual(wb.getWorksheet(target.sheet).getCell("K4").value, "8月已催", "the staff's note right of the table");
        await screenshot(page, "web-messy-done");
      },
      ["the messy workbook through 选择工作簿: as the CLI at both dates, and as a person reads it"],
    );

    await check(
      "drag and drop: dropping the sample opens it; an .xls is refused in Chinese",
      async () => {
        const page = state.page;
        const drop = async (file, type) => {
          const bytes = [...fs.readFileSync(file)];
          const transfer = await page.evaluateHandle(
            ([data, name, mime]) => {
              const dt = new DataTransfer();
              dt.items.add(new File([new Uint8Array(data)], name, { type: mime }));
              return dt;
            },
            [bytes, path.basename(file), type],
          );
          await page.getByTestId("drop-zone").dispatchEvent("dragover", { dataTransfer: transfer });
          await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
        };
        await drop(state.xls, "application/vnd.ms-excel");
        const refused = await notice(page, /无法打开/);
        assert(refused.includes("这是旧版 Excel 97-2003 文件（.xls）：旧版责任分解表.xls"), `unexpected message "${refused}"`);
        await screenshot(page, "web-refused");
        await drop(state.sample, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await page.locator(".fui-MessageBar").filter({ hasText: /无法打开/ }).waitFor({ state: "detached" });
        await page.waitForFunction((name) => {
          const shown = document.querySelector('[data-testid="file-name"]');
          return !!shown && shown.textContent.trim() === name;
        }, path.basename(SAMPLE));
        await page.getByRole("list", { name: "节点状态统计" }).waitFor();
        await waitIdle(page);
        const report = await cliScan(state.sample, LATE);
        assertEqual(await counts(page), countsZh(report.counts), "counts after dropping the sample");
      },
      [opened],
    );

    await check(
      "nothing requested outside the local server; office.js never requested; no script errors",
      async () => {
        assert(outside.length === 0, `requests outside the local server:\n${outside.slice(0, 5).join("\n")}`);
        assert(!requested.some((u) => /office\.js/i.test(u)), "office.js was requested");
        assert(requested.some((u) => /\/web\.js$/.test(u)), "web.js was not requested (the route check saw nothing)");
        assert(pageErrors.length === 0, pageErrors.slice(0, 5).join("\n"));
      },
      [opened],
    );
  } finally {
    if (context) await context.close().catch(() => undefined);
    if (server) await new Promise((r) => server.close(r));
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (state.build) console.log(`(build: ${state.build}; screenshots in ${path.relative(root, resultsDir)}/)`);
  console.log(`web e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.log(String((error && error.stack) || error));
  console.log(`web e2e: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exitCode = 1;
});
