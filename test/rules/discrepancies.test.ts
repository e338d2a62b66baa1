/**
 * The 攻坚任务 texts of the source's 分解表 (lines 23–145) against 附件4, and the 基准 分解表's
 * 评审内容 (lines 149–187) against 附件5 (issue 7 §1.7): every difference is reported, each with its 序号.
 */
import {
  findDiscrepancies,
  findItem,
  findJizhunDiscrepancies,
  missingJizhunRows,
  pointsWrittenIn,
} from "../../src/core/rules";
import { gongjianTaskTexts, line } from "./source";

const texts = gongjianTaskTexts();

describe("findDiscrepancies on the source's 攻坚任务 cells", () => {
  const reported = [...texts].filter(([serial, text]) => findDiscrepancies(serial, text).length > 0).map(([s]) => s);

  it("reports exactly rows 15, 21, 29, 35, 36, 38, 42, 47 and 50, each message naming its 序号", () => {
    expect(reported).toEqual(["15", "21", "29", "35", "36", "38", "42", "47", "50"]);
    for (const serial of reported) {
      for (const m of findDiscrepancies(serial, texts.get(serial)!)) expect(m.startsWith(`序号${serial}“`)).toBe(true);
    }
  });
  it("row 21: not in 附件4, a 分解表自设项 not counted in the province's total", () => {
    const [m] = findDiscrepancies("21", texts.get("21")!);
    expect(m).toContain("附件4）无此项");
    expect(m).toContain("不计入省厅总分");
  });
  it("rows 36 and 38 each have their own entry (not only inside row 35's)", () => {
    const [m36] = findDiscrepancies("36", texts.get("36")!);
    expect(m36).toContain("案卷质量(6分)");
    expect(m36).toContain("抽查通报");
    const [m38] = findDiscrepancies("38", texts.get("38")!);
    expect(m38).toContain("移动执法终端使用情况(1分)");
    expect(m38).toContain("附件4第211、213行）无该项");
  });
  it("row 50: 覆盖比例 bands in the table (line 143), 0.2分 per 县区 in 附件4 (line 218)", () => {
    expect(texts.get("50")).toContain("覆盖比例达到50%");
    const [m] = findDiscrepancies("50", texts.get("50")!);
    expect(m).toContain("每个获奖县区0.2分、最高1分");
  });
  it("row 15: 每件1分 in the table, 0.5分 in 附件4", () => {
    const [m] = findDiscrepancies("15", texts.get("15")!);
    expect(m).toContain("每件得1分");
    expect(m).toContain("每件得0.5分");
  });
  it("row 29: 50%/40% in the table, 40%/30% in 附件4", () => {
    const [m] = findDiscrepancies("29", texts.get("29")!);
    expect(m).toContain("50%/40%");
    expect(m).toContain("40%/30%");
  });
  it("row 35: 6分 in the table, 7分 in 附件4, the 1分 moved to row 38", () => {
    const [m] = findDiscrepancies("35", texts.get("35")!);
    expect(m).toContain("表中写6分");
    expect(m).toContain("7分");
    expect(m).toContain("序号38");
  });
  it("row 42: 25名以下 in the table leaves ranks 21–24 unscored; 附件4 says 20名以下", () => {
    const [m] = findDiscrepancies("42", texts.get("42")!);
    expect(m).toContain("25名以下");
    expect(m).toContain("20名以下");
    expect(m).toContain("第21–24名");
  });
  it("row 47: a 1分 item whose text awards 1.5分 is capped at 1分", () => {
    const [m] = findDiscrepancies("47", texts.get("47")!);
    expect(m).toContain("分值1分");
    expect(m).toContain("得1.5分");
    expect(m).toContain("按分值上限计1分");
  });
});

describe("findDiscrepancies on texts that agree", () => {
  it("the province's own wording of rows 15, 29, 35, 36, 38, 42, 50 raises nothing", () => {
    for (const serial of ["15", "29", "35", "36", "38", "42", "50"]) {
      expect(findDiscrepancies(serial, findItem(serial)!.rule)).toEqual([]);
    }
  });
  it("a row 47 text that awards its 分值 raises nothing", () => {
    expect(findDiscrepancies("47", "技能比武违法行为查处情况（1分）。在省级组织的比武活动查获违法行为的，得1分。")).toEqual([]);
  });
  it("edited cells are read as typed: full-width digits, spaces", () => {
    expect(findDiscrepancies("15", "……每件得 ０.５ 分")).toEqual([]);
    expect(findDiscrepancies("15", "……每件得 1 分")).toHaveLength(1);
  });
  it("empty text, unknown serials and rows without a check raise nothing", () => {
    expect(findDiscrepancies("15", "")).toEqual([]);
    expect(findDiscrepancies("99", texts.get("15")!)).toEqual([]);
    expect(findDiscrepancies("1", "完全不同的文字 9分")).toEqual([]);
  });
  it("accepts the serial with spaces or leading zeros", () => {
    expect(findDiscrepancies(" 015 ", texts.get("15")!)).toHaveLength(1);
  });
});

describe("pointsWrittenIn", () => {
  it("lists the points a text states, in order", () => {
    expect(pointsWrittenIn(texts.get("47")!)).toEqual([1, 1.5]);
    expect(pointsWrittenIn(texts.get("29")!)).toEqual([1, 0.5]);
    expect(pointsWrittenIn("(3分)。得2分；扣０．５分")).toEqual([3, 2, 0.5]);
  });
  it("does not read 分别 or 百分比 as points", () => {
    expect(pointsWrittenIn("从最高3分到1分，分别赋分")).toEqual([3, 1]);
  });
});

describe("the 基准 分解表 against 附件5, row by row", () => {
  const reportAt = (n: number) => findJizhunDiscrepancies(line(n).split("\t")[0], line(n).split("\t")[1] ?? "");
  const rows: [number, string, string][] = [];
  for (let n = 149; n <= 187; n++) for (const m of reportAt(n)) rows.push([n, m.slice(0, m.indexOf("“")), m]);

  it("reports the table lines that differ, each with its 序号", () => {
    expect(rows.map(([n, serial]) => `${n}:${serial}`)).toEqual([
      "154:基准序号1", "154:基准序号1", "155:基准序号1", "158:基准序号2", "159:基准序号2", "159:基准序号2",
      "162:基准序号2", "164:基准序号3", "169:基准序号5", "171:基准序号5", "176:基准序号7", "177:基准序号8",
      "178:基准序号8", "179:基准序号8", "185:基准序号9",
    ]);
  });
  it("line 159: 线索识别 两种以上得2分 vs 每件1分, 线索查办 每件0.5分 vs 1分 (附件5 lines 231, 233)", () => {
    const [识别, 查办] = reportAt(159);
    expect(识别).toContain("每件得1分（最高2分）");
    expect(查办).toContain("每依法查办1件得0.5分");
    expect(查办).toContain("附件5第233行");
  });
  it("line 162: 现场执法人员比例 90% vs 80% (附件5 line 234)", () => {
    expect(reportAt(162)).toEqual([expect.stringContaining("表中门槛为90%，省评审细则（附件5第234行）为80%")]);
  });
  it("line 177: 前80% vs 前50% (附件5 line 244); line 179: 扣分项 vs 否决项, both 该项不得分", () => {
    expect(reportAt(177)[0]).toContain("前80%人员的平均成绩”，省评审细则（附件5第244行）为前50%");
    expect(reportAt(179)[0]).toContain("不取消参评资格");
  });
  it("附件5's 序号10 练兵成效 has no row in the table", () => {
    const serials = [];
    for (let n = 149; n <= 187; n++) if (/^\d+$/.test(line(n).split("\t")[0])) serials.push(line(n).split("\t")[0]);
    expect(missingJizhunRows(serials)).toEqual([expect.stringMatching(/^基准序号10“练兵成效/)]);
    expect(missingJizhunRows(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"])).toEqual([]);
  });
  it("the province's own wording raises nothing", () => {
    for (const n of [228, 230, 231, 233, 234, 236, 237, 238, 240, 241, 242, 244, 245, 246, 248]) {
      expect([n, findJizhunDiscrepancies("", line(n))]).toEqual([n, []]);
    }
  });
});
