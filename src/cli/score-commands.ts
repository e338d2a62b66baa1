/**
 * `dalianbing scorecard` (a copy with a 评分表 of one rule set added) and `dalianbing score` (every
 * filled 评分表 of a workbook, scored by the core — how WPS users get their scores). main.ts parses
 * the arguments; this file opens, writes and prints.
 */
import type { RuleSetId } from "../core/rules/types";
import { problemsHeading, readScorecards, scorecardItemLines, scorecardJson, scorecardSummaryLines, tableFontCell } from "../core/scorecard";
import { scanXlsxWorkbook } from "../xlsx/adapter";
import { readWorkbook } from "../xlsx/read-workbook";
import { addScorecardSheet, cellFontName } from "../xlsx/scorecard";
import { inertJson, printableLines } from "./terminal";
import { CliError, lostOnSaveWarning, openWorkbook, saveWorkbook } from "./workbook-file";

export interface ScorecardRequest {
  input: string;
  output: string;
  set: RuleSetId;
  candidate?: string;
  /** For the table's font only; deadlines play no part. */
  asOf: string;
}

export async function writeScorecardCopy(request: ScorecardRequest, stdout: (text: string) => void): Promise<number> {
  const { wb, lostOnSave } = await openWorkbook(request.input);
  const scan = scanXlsxWorkbook(wb, { asOf: request.asOf, dueSoonDays: 0 });
  let added: ReturnType<typeof addScorecardSheet>;
  try {
    added = addScorecardSheet(wb, request.set, { candidate: request.candidate, fontName: cellFontName(wb, tableFontCell(scan)) });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  await saveWorkbook(wb, request.output);
  const lines = [
    `已在副本中${added.kept > 0 ? "重建" : "加入"}工作表“${added.sheet}”（${added.items} 项）${added.kept > 0 ? `，保留了已填写的 ${added.kept} 个单元格` : ""}：${request.output}（原文件未改动）`,
    "在黄色单元格中填写数据；在装有大练兵助手的 Excel 中打开即自动算分，在 WPS 等其他软件中填写后，用以下命令算分：",
    `  npx dalianbing score "${request.output}"`,
  ];
  const lost = lostOnSaveWarning(lostOnSave);
  if (lost) lines.push(lost);
  stdout(printableLines(lines.join("\n")) + "\n");
  return 0;
}

export async function printScores(file: string, json: boolean, stdout: (text: string) => void): Promise<number> {
  const { wb } = await openWorkbook(file);
  const { readings, problems } = readScorecards(readWorkbook(wb));
  if (json) {
    stdout(inertJson({ sheets: readings.map(scorecardJson), problems }) + "\n");
    return readings.length > 0 ? 0 : 1;
  }
  if (readings.length === 0) {
    const why = problems.map((p) => p.message).join("\n");
    throw new CliError(
      `${file} 中没有找到评分表。${why ? `\n${why}` : ""}\n先用 npx dalianbing scorecard "${file}" -o 副本.xlsx --set 攻坚 生成评分表，填写后再算分。`,
    );
  }
  const blocks = readings.map((reading) => {
    const lines = [...scorecardSummaryLines(reading), "  逐项得分：", ...scorecardItemLines(reading)];
    if (reading.problems.length > 0) {
      lines.push(`  ${problemsHeading(reading)}：`);
      for (const p of reading.problems) lines.push(`    ${p.message}`);
    }
    return lines.join("\n");
  });
  for (const p of problems) blocks.push(`注意：${p.message}`);
  stdout(printableLines(blocks.join("\n\n")) + "\n");
  return 0;
}
