/**
 * `dalianbing` command line: scan, flag, unflag, report, scorecard, score and rules over .xlsx files,
 * with the same core as the add-in.
 */
import * as fs from "fs";
import * as path from "path";
import { localToday, parseIsoDate } from "../core/dates";
import { DEFAULT_DUE_SOON_DAYS } from "../core/milestones/types";
import { formatRulesCatalog } from "../core/rules";
import type { RuleSetId } from "../core/rules/types";
import type { Problem } from "../core/grid";
import { chineseDate, toJsonReport, type GroupBy } from "../core/scan";
import { flagXlsxWorkbook, scanXlsxWorkbook, unflagXlsxWorkbook } from "../xlsx/adapter";
import { filterScan } from "./filters";
import { formatScanReport, type ReportFilters } from "./report";
import { reportRequest, writeReport } from "./report-command";
import { printScores, writeScorecardCopy } from "./score-commands";
import { inertJson, printableLines, siblingName, suggestedCommand } from "./terminal";
import { CliError, lostOnSaveWarning, openWorkbook, saveWorkbook, sameFile } from "./workbook-file";

/** The package root, so that the default sample is found from any working directory. */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLE_WORKBOOK = path.join(PACKAGE_ROOT, "samples", "盘锦市2024年大练兵责任分解表.xlsx");

const RULE_SETS: RuleSetId[] = ["攻坚", "基准市", "基准县", "个人"];

const GROUP_BY: GroupBy[] = ["盯办人", "责任人", "分管领导", "牵头部门"];

export const USAGE = `大练兵助手命令行 dalianbing

用法：
  npx dalianbing scan [文件] [--as-of YYYY-MM-DD] [--due-soon-days N] [--by 盯办人|责任人|分管领导|牵头部门]
                      [--person 姓名] [--lead 部门] [--verbose] [--json]
      检查责任分解表中“市级辅助成果”各节点的状态：先列统计，再按人（默认盯办人）列出已逾期和临期节点，逾期多的在前。
      --person 只看某人（作为盯办人、责任人或分管领导）的节点；--lead 只看某牵头部门的节点；
      --verbose 逐条列出相同的规则差异和问题。
      文件默认为示例工作簿；截至日期默认为今天；临期天数默认为${DEFAULT_DUE_SOON_DAYS}天。
  npx dalianbing flag 文件 -o 输出文件 [--as-of YYYY-MM-DD] [--due-soon-days N] [--force]
      另存一份副本：有逾期节点的单元格标红，有临期节点的标黄，并加批注。原文件不会被修改。
      输出文件已存在时不覆盖，除非加 --force。
  npx dalianbing unflag 文件 -o 输出文件 [--force]
      另存一份副本：撤销标注，恢复原来的填充色、字体颜色和批注。
  npx dalianbing report [文件] [--as-of YYYY-MM-DD] [--due-soon-days N] [-o 输出文件] [--format docx|xlsx] [--force]
      生成调度周报（Word 文档，或 --format xlsx 生成 Excel 工作簿）：总体情况、按月统计图、各牵头部门
      逾期和临期节点、按人员统计和催办通知。输出文件默认为当前文件夹下的“大练兵周报_截至日期.docx”；
      已存在时不覆盖，除非加 --force。
  npx dalianbing scorecard 文件 -o 输出文件 --set 攻坚|基准市|基准县|个人 [--candidate 姓名] [--force]
      另存一份副本，加入该套细则的评分表（黄色单元格填写数据，得分由 DALIANBING.SCORE 计算）。
      个人评分表每位候选人一张：--candidate 写入候选人姓名，工作表名为“评分表（个人-姓名）”。
      副本中已有同名评分表时重建它，并保留已填写的数据。
  npx dalianbing score 文件 [--json]
      读取工作簿中所有已填写的评分表（在 Excel、WPS 中或手工填写均可），按省厅细则逐项算分，
      列出各项得分、各一级指标小计、加分、否决情况和总分；填写有误的单元格逐一指出。
  npx dalianbing rules [--set 攻坚|基准市|基准县|个人]
      列出评审细则：序号、项目、分值、需填写的数据和规则。
  npx dalianbing help
      显示本说明。

例如：
  npx dalianbing scan --as-of 2024-09-25 --by 责任人
  npx dalianbing scan --as-of 2024-09-25 --person 王江
`;

interface ParsedArgs {
  command: string;
  positional: string[];
  options: Map<string, string | true>;
}

/** Options each command accepts, and whether they take a value. */
const COMMAND_OPTIONS: Record<string, Record<string, boolean>> = {
  scan: {
    "--as-of": true,
    "--due-soon-days": true,
    "--json": false,
    "--by": true,
    "--person": true,
    "--lead": true,
    "--verbose": false,
  },
  flag: { "--as-of": true, "--due-soon-days": true, "-o": true, "--force": false },
  unflag: { "-o": true, "--force": false },
  rules: { "--set": true },
  scorecard: { "-o": true, "--set": true, "--candidate": true, "--force": false },
  score: { "--json": false },
  report: { "--as-of": true, "--due-soon-days": true, "-o": true, "--format": true, "--force": false },
  help: {},
};

const OPTION_ALIASES: Record<string, string> = { "--output": "-o", "--out": "-o" };

function usageError(message: string): CliError {
  return new CliError(`${message}\n运行 npx dalianbing help 查看用法。`, 2);
}

export function parseArgs(argv: string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help") return { command: "help", positional: [], options: new Map() };
  const command = first;
  const known = COMMAND_OPTIONS[command];
  if (!known) throw usageError(`未知命令：${command}`);
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "-h" || arg === "--help") return { command: "help", positional: [], options: new Map() };
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const rawName = eq > 0 ? arg.slice(0, eq) : arg;
    const name = OPTION_ALIASES[rawName] ?? rawName;
    if (!(name in known)) throw usageError(`未知选项：${rawName}（命令 ${command} 不支持）`);
    if (!known[name]) {
      if (eq > 0) throw usageError(`选项 ${rawName} 不带取值`);
      options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = rest[i + 1];
      i += 1;
    }
    if (value === undefined || value === "") throw usageError(`选项 ${rawName} 缺少取值`);
    options.set(name, value);
  }
  return { command, positional, options };
}

function optionText(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}

function asOfOption(args: ParsedArgs, now: Date): string {
  const raw = optionText(args, "--as-of");
  if (raw === undefined) return localToday(now);
  const date = parseIsoDate(raw);
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(raw.trim())) {
    throw usageError(`--as-of 的日期无效：“${raw}”。请写成 YYYY-MM-DD 格式的真实日期，例如 2024-09-01。`);
  }
  return date;
}

function dueSoonOption(args: ParsedArgs): number {
  const raw = optionText(args, "--due-soon-days");
  if (raw === undefined) return DEFAULT_DUE_SOON_DAYS;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 366) {
    throw usageError(`--due-soon-days 应为 0 到 366 之间的整数天数，收到“${raw}”。`);
  }
  return Number(raw);
}

function atMost(args: ParsedArgs, count: number): void {
  if (args.positional.length > count) throw usageError(`多余的参数：${args.positional.slice(count).join(" ")}`);
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  now: Date;
}

async function scanFile(file: string, asOf: string, dueSoonDays: number) {
  const { wb, lostOnSave } = await openWorkbook(file);
  return { wb, result: scanXlsxWorkbook(wb, { asOf, dueSoonDays }), lostOnSave };
}

async function runScan(args: ParsedArgs, io: Io): Promise<number> {
  atMost(args, 1);
  const asOf = asOfOption(args, io.now);
  const dueSoonDays = dueSoonOption(args);
  const by = groupByOption(args);
  const filters: ReportFilters = { person: nameOption(args, "--person"), lead: nameOption(args, "--lead") };
  const file = args.positional[0] ?? SAMPLE_WORKBOOK;
  const scanned = (await scanFile(file, asOf, dueSoonDays)).result;
  const filtered = filterScan(scanned, filters);
  if (!filtered.ok) throw new CliError(filtered.message);
  const result = filtered.result;
  if (args.options.has("--json")) io.stdout(inertJson(toJsonReport(result)) + "\n");
  else {
    // The shipped sample sits inside the package: a copy of it goes to the current folder instead.
    const copyPath = file === SAMPLE_WORKBOOK ? siblingName(path.basename(file), "标注") : undefined;
    io.stdout(formatScanReport(result, { file, color: io.isTty, by, verbose: args.options.has("--verbose"), filters, copyPath }));
  }
  return 0;
}

function groupByOption(args: ParsedArgs): GroupBy {
  const raw = optionText(args, "--by");
  if (raw === undefined) return "盯办人";
  const by = GROUP_BY.find((g) => g === raw.trim());
  if (!by) throw usageError(`--by 应为 ${GROUP_BY.join("、")} 之一，收到“${raw}”。`);
  return by;
}

function nameOption(args: ParsedArgs, name: "--person" | "--lead" | "--candidate"): string | undefined {
  const raw = optionText(args, name);
  if (raw === undefined) return undefined;
  if (raw.trim() === "") throw usageError(`选项 ${name} 缺少取值`);
  return raw.trim();
}

function inputAndOutput(args: ParsedArgs): { input: string; output: string } {
  atMost(args, 1);
  const input = args.positional[0];
  if (input === undefined) throw usageError("缺少要处理的文件。");
  const output = optionText(args, "-o");
  if (output === undefined) throw usageError("缺少输出文件：请用 -o 指定另存的文件名（原文件不会被修改）。");
  if (sameFile(input, output)) throw usageError(`输出文件不能与输入文件相同：${output}。本工具从不覆盖原文件，请另取一个文件名。`);
  if (!/\.xlsx$/i.test(output)) throw usageError(`输出文件应以 .xlsx 结尾：${output}`);
  if (!args.options.has("--force") && fs.existsSync(output) && !fs.statSync(output).isDirectory()) {
    throw usageError(`输出文件已存在：${output}。为免覆盖其中的内容，未做任何修改；请另取一个文件名，或加 --force 覆盖它。`);
  }
  return { input, output };
}

async function runFlag(args: ParsedArgs, io: Io): Promise<number> {
  const { input, output } = inputAndOutput(args);
  const asOf = asOfOption(args, io.now);
  const dueSoonDays = dueSoonOption(args);
  const { wb, result, lostOnSave } = await scanFile(input, asOf, dueSoonDays);
  const { marks, ...outcome } = flagXlsxWorkbook(wb, result);
  const flagged = outcome.flagged;
  await saveWorkbook(wb, output);
  const lines = [
    `截至${chineseDate(asOf)}：已标注 ${flagged} 个单元格（红色·有逾期节点 ${outcome.overdue} 个，黄色·有临期节点 ${flagged - outcome.overdue} 个）。`,
    outcome.restored > 0 ? `原有标注中已不再逾期或临期的 ${outcome.restored} 个单元格已恢复原样。` : "",
    problemsWarning(outcome.problems),
    `已另存为：${output}（原文件未改动）`,
    `撤销标注：${suggestedCommand(["unflag", { path: output }, "-o", { path: siblingName(output, "撤销标注") }])}`,
  ].filter(Boolean);
  if (result.tables.length === 0) lines.unshift("未识别到责任分解表，副本中没有标注。");
  const protectedSheets = [...new Set(marks.map((m) => m.sheet))].filter(
    (name) => (wb.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } } | undefined)?.sheetProtection?.sheet,
  );
  if (protectedSheets.length > 0) {
    lines.push(`注意：工作表${protectedSheets.map((n) => `“${n}”`).join("、")}设有保护，副本中已照常标注；在 Excel 中要手动修改这些单元格，需先撤销工作表保护。`);
  }
  const lost = lostOnSaveWarning(lostOnSave);
  if (lost) lines.push(lost);
  io.stdout(printableLines(lines.join("\n")) + "\n");
  return 0;
}

/** What flag or unflag left alone, and why (the engine's Chinese messages, each naming its sheet and cell). */
function problemsWarning(problems: Problem[]): string {
  if (problems.length === 0) return "";
  const shown = problems.slice(0, 10).map((p) => `注意：${p.message}`);
  if (problems.length > 10) shown.push(`……另有 ${problems.length - 10} 处同类情况未列出。`);
  return shown.join("\n");
}

async function runUnflag(args: ParsedArgs, io: Io): Promise<number> {
  const { input, output } = inputAndOutput(args);
  const { wb, lostOnSave } = await openWorkbook(input);
  const outcome = unflagXlsxWorkbook(wb);
  await saveWorkbook(wb, output);
  const lines = [
    outcome.skipped > 0
      ? `已撤销 ${outcome.restored} 个单元格的标注；另有 ${outcome.skipped} 个单元格未能撤销（见下）。`
      : outcome.restored > 0
        ? `已撤销 ${outcome.restored} 个单元格的标注，恢复原来的填充色、字体颜色和批注。`
        : outcome.problems.length > 0
          ? "未撤销任何标注（见下）。"
          : "该文件中没有大练兵助手的标注，副本与原文件内容相同。",
    problemsWarning(outcome.problems),
    `已另存为：${output}`,
    lostOnSaveWarning(lostOnSave),
  ].filter(Boolean);
  io.stdout(printableLines(lines.join("\n")) + "\n");
  return 0;
}

async function runReport(args: ParsedArgs, io: Io): Promise<number> {
  atMost(args, 1);
  const asOf = asOfOption(args, io.now);
  const dueSoonDays = dueSoonOption(args);
  const file = args.positional[0] ?? SAMPLE_WORKBOOK;
  const request = reportRequest(file, optionText(args, "-o"), optionText(args, "--format"), args.options.has("--force"), asOf);
  const { result } = await scanFile(file, asOf, dueSoonDays);
  return writeReport(result, request, io.stdout);
}

function setOption(args: ParsedArgs): RuleSetId | undefined {
  const set = optionText(args, "--set")?.trim();
  if (set !== undefined && !RULE_SETS.includes(set as RuleSetId)) {
    throw usageError(`--set 应为 ${RULE_SETS.join("、")} 之一，收到“${set}”。`);
  }
  return set as RuleSetId | undefined;
}

async function runScorecard(args: ParsedArgs, io: Io): Promise<number> {
  const { input, output } = inputAndOutput(args);
  const set = setOption(args);
  if (!set) throw usageError(`缺少 --set：请指明评分表用哪一套细则（${RULE_SETS.join("、")}）。`);
  const candidate = nameOption(args, "--candidate");
  if (candidate !== undefined && set !== "个人") throw usageError("--candidate 只用于 --set 个人。");
  return writeScorecardCopy({ input, output, set, candidate, asOf: localToday(io.now) }, io.stdout);
}

async function runScore(args: ParsedArgs, io: Io): Promise<number> {
  atMost(args, 1);
  const file = args.positional[0];
  if (file === undefined) throw usageError("缺少要算分的文件（含已填写评分表的 .xlsx）。");
  return printScores(file, args.options.has("--json"), io.stdout);
}

function runRules(args: ParsedArgs, io: Io): number {
  atMost(args, 0);
  const set = setOption(args);
  const sets = set === undefined ? RULE_SETS : [set];
  io.stdout(sets.map((s) => formatRulesCatalog(s)).join("\n") + "\n");
  return 0;
}

/** A bug's own text for the maintainers; never "undefined" or "[object Object]". */
function internalErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  return message.trim() || "未知错误";
}

/** Runs one command; returns the exit code. User errors are printed in Chinese, never as a stack trace. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case "scan":
        return await runScan(args, io);
      case "flag":
        return await runFlag(args, io);
      case "unflag":
        return await runUnflag(args, io);
      case "rules":
        return runRules(args, io);
      case "report":
        return await runReport(args, io);
      case "scorecard":
        return await runScorecard(args, io);
      case "score":
        return await runScore(args, io);
      default:
        io.stdout(USAGE);
        return 0;
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`错误：${printableLines(e.message)}\n`);
      return e.exitCode;
    }
    io.stderr(`内部错误：${printableLines(internalErrorText(e))}\n请把这条信息和所用文件反馈给维护人员。\n`);
    return 70;
  }
}

/** Entry point used by bin/dalianbing.js. */
export function run(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
  });
  const io: Io = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    now: new Date(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`内部错误：${internalErrorText(e)}\n`);
      process.exitCode = 70;
    },
  );
}
