/**
 * The 评分表 of every rule set (issue 7 §2): the layout both writers share, the ExcelJS copy
 * `dalianbing scorecard` writes, and `dalianbing score` reading it back once filled by hand (as in WPS,
 * where nothing is calculated): the scores must be the catalog's own and the totals computeTotals'.
 */
import ExcelJS from "exceljs";
import { LEVEL1_TOTALS, RULE_SETS } from "../../src/core/rules";
import { scoreItem } from "../../src/core/rules/score";
import { bonusMaximum } from "../../src/core/rules/totals";
import type { RuleSetId } from "../../src/core/rules/types";
import {
  CAMPAIGN_MONTHS_ROW,
  printScale,
  readScorecards,
  ROLE_STYLES,
  scorecardJson,
  scorecardLayout,
  type ScorecardLayout,
} from "./helpers";
import { addScorecardSheet } from "../../src/xlsx/scorecard";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { scanWorkbook } from "../../src/core/scan";
import { weeklyReport } from "../../src/core/weekly";

const SETS: RuleSetId[] = ["攻坚", "基准市", "基准县", "个人"];

/** The value cell of input `k` of item `id` in the layout (1-based row/col for ExcelJS). */
function inputCell(layout: ScorecardLayout, id: string, k: number, month = 0): { row: number; col: number } {
  const place = layout.items.find((p) => p.item.id === id)!;
  const input = place.inputs[k];
  return { row: input.valueRow + 1, col: input.first + month + 1 };
}

function fill(ws: ExcelJS.Worksheet, layout: ScorecardLayout, id: string, values: (ExcelJS.CellValue | ExcelJS.CellValue[])[]): void {
  values.forEach((v, k) => {
    if (Array.isArray(v)) v.forEach((m, i) => (ws.getCell(inputCell(layout, id, k, i).row, inputCell(layout, id, k, i).col).value = m));
    else {
      const at = inputCell(layout, id, k);
      ws.getCell(at.row, at.col).value = v;
    }
  });
}

function freshCard(set: RuleSetId, candidate?: string) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("责任分解表").getCell("A1").value = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";
  addScorecardSheet(wb, set, { candidate, fontName: "仿宋_GB2312" });
  const layout = scorecardLayout(set, { candidate });
  return { wb, ws: wb.getWorksheet(layout.sheetName)!, layout };
}

function readOnly(wb: ExcelJS.Workbook) {
  const { readings, problems } = readScorecards(readWorkbook(wb));
  expect(problems).toEqual([]);
  expect(readings).toHaveLength(1);
  return readings[0];
}

describe("the layout of each 评分表", () => {
  test.each(SETS)("%s: one live SCORE formula per item, 小计 maxima as the 附件 states, a total", (set) => {
    const layout = scorecardLayout(set);
    // Cells a merged 得分 covers carry its role but no formula.
    const scoreCells = layout.cells.filter((c) => (c.role === "score" || c.role === "vetoScore") && c.value !== undefined);
    expect(scoreCells).toHaveLength(RULE_SETS[set].length);
    for (const c of scoreCells) expect(String(c.value)).toContain("DALIANBING.SCORE(");
    const maxima = layout.cells.filter((c) => c.role === "summaryMax" && layout.cells.some((l) => l.row === c.row && l.role === "summaryLabel" && String(l.value).endsWith(" 小计")));
    expect(maxima.map((c) => c.value)).toEqual(Object.values(LEVEL1_TOTALS[set]));
    const bonus = layout.cells.find((c) => c.role === "summaryScore" && layout.cells.some((l) => l.row === c.row && String(l.value).startsWith("加分合计")))!;
    if (RULE_SETS[set].some((i) => i.type === "bonus")) expect(String(bonus.value)).toMatch(new RegExp(`^=MIN\\(SUM\\(.+\\),${bonusMaximum(set)}\\)$`));
    expect(layout.cells.find((c) => c.row === layout.totalRow && c.role === "totalScore")?.value).toMatch(/^=IF\(F\d+="否决","否决",F\d+\+F\d+\)$/);
  });

  test("a monthly item (攻坚18) carries the twelve month names above its twelve value cells, read by its formula", () => {
    const layout = scorecardLayout("攻坚");
    const place = layout.items.find((p) => p.item.id === "18")!;
    const input = place.inputs[0];
    const months = layout.cells.filter((c) => c.row === input.labelRow && c.role === "month").sort((a, b) => a.col - b.col);
    expect(months.map((c) => c.value)).toEqual(CAMPAIGN_MONTHS_ROW);
    expect(months[0].col).toBe(input.first);
    expect(input.valueRow).toBe(input.labelRow + 1);
    const score = layout.cells.find((c) => c.row === place.row && c.role === "score")!;
    expect(score.value).toBe(`=IF(COUNTA(H${input.valueRow + 1}:S${input.valueRow + 1})=0,"",DALIANBING.SCORE(18,H${input.valueRow + 1}:S${input.valueRow + 1}))`);
    // 序号 … 得分 span both rows of the item.
    expect(layout.merges).toContainEqual({ top: place.row, left: 0, bottom: place.row + 1, right: 0 });
  });

  test("inputs that are other items' scores refer to their 得分 cells (攻坚13 → 12, 攻坚44 → 42 and 43, 基准市-2.2.3 → 2.2.1 + 2.2.2)", () => {
    const gongjian = scorecardLayout("攻坚");
    const scoreCell = (layout: ScorecardLayout, id: string) => `F${layout.items.find((p) => p.item.id === id)!.row + 1}`;
    const ref = (layout: ScorecardLayout, id: string, k: number) => {
      const at = inputCell(layout, id, k);
      return layout.cells.find((c) => c.row === at.row - 1 && c.col === at.col - 1 && c.value !== undefined)!;
    };
    // N(…): an unfilled item ("") earned 0, so nothing is taken back from it.
    expect(ref(gongjian, "13", 1)).toMatchObject({ role: "reference", value: `=N(${scoreCell(gongjian, "12")})` });
    expect(ref(gongjian, "44", 1).value).toBe(`=N(${scoreCell(gongjian, "42")})`);
    expect(ref(gongjian, "44", 2).value).toBe(`=N(${scoreCell(gongjian, "43")})`);
    const city = scorecardLayout("基准市");
    const a = scoreCell(city, "基准市-2.2.1");
    const b = scoreCell(city, "基准市-2.2.2");
    expect(ref(city, "基准市-2.2.3", 2).value).toBe(`=N(${a})+N(${b})`);
    // The 44 formula's COUNTA covers only what staff type, or it would never be blank.
    const f44 = gongjian.cells.find((c) => c.row === gongjian.items.find((p) => p.item.id === "44")!.row && c.role === "score")!;
    expect(String(f44.value)).toMatch(/^=IF\(COUNTA\(H\d+\)=0,"",DALIANBING\.SCORE\(44,H\d+,H\d+,H\d+\)\)$/);
  });

  test("攻坚21 (not in 附件4) sits in its own section, outside every 小计 and the total", () => {
    const layout = scorecardLayout("攻坚");
    const row21 = layout.items.find((p) => p.item.id === "21")!.row;
    const section = layout.cells.filter((c) => c.role === "section" && c.row < row21 && c.value !== undefined).pop()!;
    expect(section.value).toContain("分解表自设项");
    const sums = layout.cells.filter((c) => c.role === "summaryScore" || c.role === "totalScore").map((c) => String(c.value));
    for (const formula of sums) {
      for (const range of formula.matchAll(/\$F\$(\d+):\$F\$(\d+)/g)) {
        expect(row21 + 1 >= Number(range[1]) && row21 + 1 <= Number(range[2])).toBe(false);
      }
    }
  });

  test.each(SETS)("%s prints A3 landscape one page wide with every text at 9 pt or more, and no empty bordered column", (set) => {
    const layout = scorecardLayout(set);
    const smallest = Math.min(...layout.cells.map((c) => ROLE_STYLES[c.role].size));
    expect(smallest * printScale(layout)).toBeGreaterThanOrEqual(9);
    for (let col = 0; col <= layout.lastCol; col++) {
      const bordered = layout.cells.filter((c) => c.col === col && ROLE_STYLES[c.role].border);
      if (bordered.length === 0) continue;
      // A bordered column holds something outside the header and section bands.
      expect(layout.cells.some((c) => c.col === col && !["header", "section", "group"].includes(c.role) && (ROLE_STYLES[c.role].fill || c.value !== undefined))).toBe(true);
    }
  });
});

describe("dalianbing score reads a 评分表 filled by hand (no formula results, as WPS saves it)", () => {
  test("攻坚: item scores are the catalog's, 44 empties 大气监督帮扶 only, subtotals and total add up", () => {
    const { wb, ws, layout } = freshCard("攻坚");
    fill(ws, layout, "1", [1]); // 完成比例 100%
    fill(ws, layout, "12", [0.99, 0.99]);
    fill(ws, layout, "13", [5]); // five 虚假标记: −5, floored at what 12 earned
    fill(ws, layout, "18", [new Array(12).fill(0.85)]);
    fill(ws, layout, "42", [1]);
    fill(ws, layout, "43", [3]);
    fill(ws, layout, "44", ["是"]);
    const reading = readOnly(wb);
    const by = Object.fromEntries(reading.items.map((i) => [i.id, i.score]));
    const item = (id: string) => RULE_SETS["攻坚"].find((i) => i.id === id)!;
    const expected = (id: string, inputs: (number | string | null | (number | null)[][])[]) => {
      const o = scoreItem(item(id), inputs);
      return o.kind === "points" ? o.points : o.kind;
    };
    expect(by["1"]).toBe(expected("1", [1]));
    expect(by["18"]).toBe(2);
    const s12 = expected("12", [0.99, 0.99]) as number;
    expect(by["12"]).toBe(s12);
    expect(by["13"]).toBe(-Math.min(s12, 2));
    expect(by["42"]).toBe(16);
    const s43 = by["43"] as number;
    expect(by["44"]).toBe(-(16 + s43));
    expect(reading.totals.subtotals["实战练兵"]).toBe(0);
    expect(reading.totals.veto).toBe(false);
    const sum = Object.values(reading.totals.subtotals).reduce((a, b) => a + b, 0);
    expect(reading.totals.total).toBeCloseTo(sum + reading.totals.bonus, 4);
    expect(reading.totals.total).toBeGreaterThan(0);
    expect(reading.problems).toEqual([]);
  });

  test("攻坚51 (取消参评资格) turns the total into 否决, the subtotals are still given", () => {
    const { wb, ws, layout } = freshCard("攻坚");
    fill(ws, layout, "1", [1]);
    fill(ws, layout, "51", ["是"]);
    const json = scorecardJson(readOnly(wb));
    expect(json.total).toBe("否决");
    expect(json.veto).toBe(true);
    expect(json.items.find((i) => i.id === "51")!.score).toBe("否决");
    expect(json.subtotals["队伍建设与管理"]).toBeGreaterThan(0);
  });

  test("a garbled input names its cell and the item in Chinese; the other items still score", () => {
    const { wb, ws, layout } = freshCard("基准市");
    fill(ws, layout, "基准市-1.1", ["很多"]);
    fill(ws, layout, "基准市-4", [3, 2, 1]);
    const reading = readOnly(wb);
    const at = inputCell(layout, "基准市-1.1", 0);
    const problem = reading.items.find((i) => i.id === "基准市-1.1")!.problem!;
    expect(problem).toContain(`${layout.sheetName}!${ws.getCell(at.row, at.col).address}`);
    expect(problem).toContain("第1.1项“机构规范化建设”");
    expect(reading.items.find((i) => i.id === "基准市-1.1")!.score).toBeNull();
    expect(typeof reading.items.find((i) => i.id === "基准市-4")!.score).toBe("number");
  });

  test("an error value in an input cell is named, not read as empty", () => {
    const { wb, ws, layout } = freshCard("基准县");
    const at = inputCell(layout, "基准县-1.1", 0);
    ws.getCell(at.row, at.col).value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    const reading = readOnly(wb);
    expect(reading.problems[0].message).toMatch(/错误值 #N\/A/);
    expect(reading.problems[0].cell).toBe(ws.getCell(at.row, at.col).address);
  });

  test("个人: one sheet per candidate, named after the candidate; both are read, each with its name", () => {
    const wb = new ExcelJS.Workbook();
    addScorecardSheet(wb, "个人", { candidate: "张三" });
    addScorecardSheet(wb, "个人", { candidate: "李四" });
    const zhang = scorecardLayout("个人", { candidate: "张三" });
    expect(zhang.sheetName).toBe("评分表（个人-张三）");
    fill(wb.getWorksheet(zhang.sheetName)!, zhang, "个人-3.1.2", [2]);
    const { readings } = readScorecards(readWorkbook(wb));
    expect(readings.map((r) => [r.sheet, r.candidate])).toEqual([
      ["评分表（个人-张三）", "张三"],
      ["评分表（个人-李四）", "李四"],
    ]);
    // 工作纪律 never takes more than 3.1.1 earned (nothing here): the heading stays at 0.
    expect(readings[0].totals.subtotals["实战练兵"]).toBe(0);
  });

  test("rebuilding a filled 评分表 keeps every typed input and scores the same", () => {
    const { wb, ws, layout } = freshCard("攻坚");
    fill(ws, layout, "1", [0.8]);
    fill(ws, layout, "19", [[2, 2, 3, 1, 2, 2, 2, 2, 2, 2, 2, 2]]);
    const before = readOnly(wb).totals;
    const again = addScorecardSheet(wb, "攻坚", {});
    expect(again.kept).toBe(13);
    expect(readOnly(wb).totals).toEqual(before);
  });

  test("a rebuilt 评分表 keeps its place among the sheets, in the saved file too", async () => {
    const { wb } = freshCard("攻坚");
    wb.addWorksheet("说明");
    addScorecardSheet(wb, "攻坚");
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(saved.worksheets.map((w) => w.name)).toEqual(["责任分解表", "评分表", "说明"]);
  });

  test("rebuilding 评分表（个人） keeps the name typed in its 候选人姓名 cell unless a new one is given", () => {
    const wb = new ExcelJS.Workbook();
    addScorecardSheet(wb, "个人");
    const layout = scorecardLayout("个人");
    const at = layout.candidateCell!;
    wb.getWorksheet(layout.sheetName)!.getCell(at.row + 1, at.col + 1).value = "赵六";
    expect(addScorecardSheet(wb, "个人").kept).toBe(1);
    expect(readScorecards(readWorkbook(wb)).readings[0].candidate).toBe("赵六");
  });

  test("a 序号 that names no item is said with its cell (a retired 个人 id with its new one); section titles are not", () => {
    const { wb, ws, layout } = freshCard("个人");
    const free = layout.lastRow + 3;
    ws.getCell(free, 1).value = "3.3";
    ws.getCell(free + 1, 1).value = "9.9";
    const reading = readOnly(wb);
    expect(reading.problems.map((p) => [p.cell, p.message])).toEqual([
      [`A${free}`, expect.stringMatching(new RegExp(`^${layout.sheetName.replace(/[()（）]/g, ".")}!A${free}：编号个人-3.3已改为个人-3.2.*，这一行未读取。$`))],
      [`A${free + 1}`, `${layout.sheetName}!A${free + 1}：序号“9.9”不是表现突出个人评审细则（附件6）中的评审项目，这一行未读取。`],
    ]);
  });

  test("a sheet that looks like a 评分表 but names no set is said, not guessed", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("评分表2");
    ws.getCell("A1").value = "评分表";
    ws.getRow(3).values = ["序号", "二级指标", "评审项目", "类型", "分值", "得分"];
    const { readings, problems } = readScorecards(readWorkbook(wb));
    expect(readings).toEqual([]);
    expect(problems[0].message).toContain("看不出是哪一套细则");
  });
});

describe("a scan of a workbook with 评分表", () => {
  test("does not call a 评分表 unrecognised, and hands the first filled one to the 周报's 评分情况", () => {
    const { wb, ws, layout } = freshCard("攻坚");
    addScorecardSheet(wb, "基准市");
    const empty = scanWorkbook(readWorkbook(wb), { asOf: "2024-09-25" });
    expect(empty.unrecognised.map((u) => u.sheet)).toEqual(["责任分解表"]);
    // Nothing typed yet: no 评分情况 rather than a 0 that looks like a result.
    expect(empty.score).toBeNull();
    expect(weeklyReport(empty).score).toBeNull();
    fill(ws, layout, "1", [1]);
    const scan = scanWorkbook(readWorkbook(wb), { asOf: "2024-09-25" });
    expect(scan.score).toMatchObject({ sheet: "评分表", total: 3, max: 100 });
    expect(weeklyReport(scan).score).toMatchObject({ sheet: "评分表", total: 3 });
    // The caller can still leave the section out.
    expect(weeklyReport(scan, { score: null }).score).toBeNull();
  });
});
