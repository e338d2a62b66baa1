/**
 * The DALIANBING functions called as Excel calls them: raw cells (null for omitted, 2-D arrays for
 * ranges, Excel serials for dates), errors as CustomFunctions.Error with a Chinese message.
 * Expected values are worked out by hand from the source document and docs/design.md §4.
 */
import { excelError } from "../support/custom-functions-mock";
import {
  deductFunction,
  milestonesFunction,
  monthlyFunction,
  maxScoreFunction,
  nextDueFunction,
  overdueFunction,
  perUnitFunction,
  proportionFunction,
  ruleFunction,
  scoreFunction,
  statusFunction,
  stepFunction,
  tierFunction,
  tierRankFunction,
} from "../../src/functions/functions";

// Excel serials, 1900 system: 2024-01-01 is 45292.
const D = {
  "2024-05-31": 45443,
  "2024-08-30": 45534,
  "2024-09-01": 45536,
  "2024-09-25": 45560,
  "2024-09-30": 45565,
  "2024-10-01": 45566,
  "2024-10-15": 45580,
  "2025-09-01": 45901,
  "2025-09-30": 45930,
};

// 市级辅助成果 cells of the 攻坚 table, as in docs/source-2024-panjin-dalianbing.txt.
/** Source line 26, 序号1: three dated items. */
const ROW1 =
  "1.5月底前,出台市级标准化建设工作方案; 2.9月底前,上报规范化建设评估报告,申请省厅验收; 3、10月15日前,完成档案归档并上报省厅。";
/** Source line 32, 序号3: item 1 has two dated clauses (1a 8月30日, 1b 9月30日). */
const ROW3 =
  "1.8月30日前,完成所有车辆和办公场所;9月30日前完成其他装备的统一标识; 2.10月15日前,上报配备工作报告和装备清单。完成档案归档并上报省厅。";
/** Source line 33, 序号4: a dated item and a recurring one (常态化). */
const ROW4 =
  "1.5月底前,加强规范着装的相关通知。日常检查情况; 2.常态化核查所有宣传材料中是否有不规范着装或亮证持证情况,及时调整改正。";
/** Source line 113, 序号36: undated, relative (下达处罚决定后,7日内) and dated items. */
const ROW36 =
  "4.所有案卷执法过程要保留执法记录仪视频资料,处罚决定要公示,重大案件附法制审核材料; 5.下达处罚决定后,7日内将案卷上传系统; 6.10月15日前,完成档案归档并上报省厅。";

describe("tier calculators", () => {
  test("TIER takes thresholds as a column or an unsorted row, reaching a threshold counts", () => {
    const column = [[0.9], [0.8], [0.7]];
    const points = [[3], [2], [1]];
    expect(tierFunction(0.85, column, points)).toBe(2);
    expect(tierFunction(0.95, column, points)).toBe(3);
    expect(tierFunction(0.7, column, points)).toBe(1);
    expect(tierFunction(0.5, column, points)).toBe(0);
    expect(tierFunction(0.8, [[0.7, 0.9, 0.8]], [[1, 3, 2]])).toBe(2);
  });

  test("TIER skips the empty rows of a range drawn too large, and reads 85% typed as text", () => {
    expect(tierFunction(0.8, [[0.9], [0.8], [null], [""]], [[3], [2], [null], [""]])).toBe(2);
    expect(tierFunction("85%", [[0.9], [0.8]], [[3], [2]])).toBe(2);
  });

  test("TIER answers #VALUE! naming the parameter for text that is not a number", () => {
    const error = excelError(() => tierFunction("很好", [[0.9]], [[3]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("“数值”");
    expect(error.message).toContain("很好");
    const inRange = excelError(() => tierFunction(0.8, [[0.9], ["八成"]], [[3], [2]]));
    expect(inRange.message).toContain("“门槛”的第 2 个值应为数字");
  });

  test("PERUNIT and DEDUCT stop at their cap; a deduction is never positive", () => {
    expect(perUnitFunction(1, 0.5, 1)).toBe(0.5);
    expect(perUnitFunction(3, 0.5, 1)).toBe(1);
    expect(perUnitFunction(null, 0.5, 1)).toBe(0); // an empty cell counts as 0, as in Excel
    expect(deductFunction(1, 0.5, 2)).toBe(-0.5);
    expect(deductFunction(3, 0.5, 1)).toBe(-1);
    expect(deductFunction(0, 0.5, 1)).toBe(0);
    expect(Object.is(deductFunction(0, 0.5, 1), -0)).toBe(false);
  });

  test("a fractional count is refused with a Chinese message", () => {
    const error = excelError(() => deductFunction(1.5, 0.5, 1));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/次数.*整数/);
  });

  test("MONTHLY: all twelve months reaching the threshold earn the full points, otherwise per month", () => {
    const allMonths = Array.from({ length: 12 }, () => [0.85]);
    expect(monthlyFunction(allMonths, 0.8, 0.1, 1.5)).toBe(1.5);
    const nine = allMonths.map((row, i) => (i < 3 ? [0.5] : row));
    expect(monthlyFunction(nine, 0.8, 0.1, 1.5)).toBe(0.9);
    // The twelve values may come as one row, and an empty month did not reach it.
    expect(monthlyFunction([[0.9, 0.9, null, 0.9]], 0.8, 0.25, 2)).toBe(0.75);
  });

  test("TIERRANK: ties share a rank; nothing handled earns nothing", () => {
    const peers = [[12], [10], [8], [15], [10]];
    // 12 and 15 are greater: rank 3, inside the first band (ranks 1–3).
    expect(tierRankFunction(10, peers, [[3], [6]], [[2], [1]])).toBe(2);
    // 15, 12, 10, 10 are greater: rank 5, second band.
    expect(tierRankFunction(8, peers, [[3], [6]], [[2], [1]])).toBe(1);
    expect(tierRankFunction(0, [[0], [0]], [[3]], [[2]])).toBe(0);
  });

  test("PROPORTION and STEP", () => {
    expect(proportionFunction(3, 5, 2)).toBe(1.2);
    expect(proportionFunction(6, 5, 2)).toBe(2);
    expect(proportionFunction(0, 5, 2)).toBe(0);
    // 0.93 over 0.90 is 3 whole steps of 0.01: 1 + 3 × 0.2.
    expect(stepFunction(0.93, 0.9, 1, 0.01, 0.2, 2)).toBe(1.6);
    expect(stepFunction(0.89, 0.9, 1, 0.01, 0.2, 2)).toBe(0);
    expect(stepFunction(1, 0.9, 1, 0.01, 0.2, 2)).toBe(2);
  });

  test("a range where one number is expected is refused", () => {
    const error = excelError(() => perUnitFunction([[1], [2]], 0.5, 1));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("“数量”应为单个数值");
  });
});

/** A repeating parameter arrives as one array, each argument a 2-D range: SCORE(item, a, b) → [[[a]], [[b]]]. */
const args = (...values: unknown[]) => values.map((v) => (Array.isArray(v) ? v : [[v]]));

describe("item scores (附件4)", () => {
  test("item 1 规范建设 (source line 196): 15%及以上 3分, 10%-15% 2分, 5%-10% 1分, 不足5% 0", () => {
    expect(scoreFunction(1, args(0.15))).toBe(3);
    expect(scoreFunction(1, args(0.12))).toBe(2);
    expect(scoreFunction(1, args(0.1))).toBe(2); // the shared edge belongs to the higher band
    expect(scoreFunction(1, args(0.05))).toBe(1);
    expect(scoreFunction(1, args(0.049))).toBe(0);
  });

  test("the item may be written as text: \"攻坚1\", \"1\", or full-width \"１\"", () => {
    expect(scoreFunction("攻坚1", args(0.15))).toBe(3);
    expect(scoreFunction("1", args(0.12))).toBe(2);
    expect(scoreFunction("１", args(0.12))).toBe(2);
  });

  test("a percentage typed as 15 instead of 15% answers #VALUE! saying what was expected", () => {
    const error = excelError(() => scoreFunction(1, args(15)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("完成比例应在0%–100%之间，收到 15");
  });

  test("an empty input cell is reported as missing, by its Chinese name", () => {
    const error = excelError(() => scoreFunction(1, args(null)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("完成比例");
  });

  test("item 2 装备配备 takes two inputs: 25项标配 2分 + 10项选配 1分", () => {
    expect(scoreFunction(2, args(25, 10))).toBe(3);
  });

  test("item 4 统一着装持证 (line 198) deducts 0.2 per finding, at most 2", () => {
    expect(scoreFunction(4, args(3))).toBe(-0.6);
    expect(scoreFunction(4, args(20))).toBe(-2);
    expect(maxScoreFunction(4)).toBe(2);
  });

  test("item 18 (line 204) takes the twelve months as one range: 80%以上 every month → 2分", () => {
    const months = Array.from({ length: 12 }, () => [0.8]);
    expect(scoreFunction(18, [months])).toBe(2);
    const nine = months.map((row, i) => (i < 3 ? [0.79] : row));
    expect(scoreFunction(18, [nine])).toBe(0.9);
  });

  test("a veto (取消参评资格, item 51) answers the text 否决, not a number", () => {
    expect(scoreFunction(51, args(true))).toBe("否决");
    expect(scoreFunction(51, args("是"))).toBe("否决");
    expect(scoreFunction(51, args(false))).toBe(0);
  });

  test("44 “该项不得分” (line 215): 0 when 否, −(42 + 43) when 是, #VALUE! asking for the two scores", () => {
    expect(scoreFunction(44, args("否"))).toBe(0);
    expect(scoreFunction(44, args("是", 16, 3.5))).toBe(-19.5);
    const error = excelError(() => scoreFunction(44, args("是")));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("需要第42项得分和第43项得分");
  });

  test("43 “未纳入” answers 0; 42 with 纳入远程监督帮扶 否 is scored out of 20", () => {
    expect(scoreFunction(43, args("未纳入"))).toBe(0);
    expect(scoreFunction(42, args(12, "否"))).toBe(12.5);
  });

  test("a renamed 个人 id is refused with a message naming the new one; 个人-3.2's errors point to 3.1.2", () => {
    const error = excelError(() => scoreFunction("个人-3.1", args(20)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("编号个人-3.1已改为个人-3.1.1（现场监督帮扶表现），以与附件6第263行的编号一致，请改用新编号");
    expect(excelError(() => maxScoreFunction("个人-3.3")).message).toContain("已改为个人-3.2（技能比武）");
    expect(scoreFunction("个人-3.1.1", args(20))).toBe(20);
    expect(excelError(() => scoreFunction("个人-3.2", args(2, 20))).message).toContain("原“工作纪律方面”已改为 个人-3.1.2");
  });

  test("an unknown item: #VALUE! 没有序号为99的评审项目, in SCORE, MAXSCORE and RULE", () => {
    for (const call of [() => scoreFunction(99, args(1)), () => maxScoreFunction(99), () => ruleFunction(99)]) {
      const error = excelError(call);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toBe("没有序号为99的评审项目");
    }
  });

  test("an empty item cell asks for the 序号", () => {
    const error = excelError(() => maxScoreFunction(null));
    expect(error.message).toContain("“评审项目”不能为空");
  });

  test("MAXSCORE and RULE give the item's 分值 and the province's words", () => {
    expect(maxScoreFunction(1)).toBe(3);
    expect(ruleFunction(1)).toContain("15%及以上");
    expect(ruleFunction(44)).toContain("廉政纪律");
  });
});

describe("milestone functions on the source's cells", () => {
  test("MILESTONES spills label | due date as an Excel serial | kind in Chinese", () => {
    expect(milestonesFunction(ROW1, 2024)).toEqual([
      ["1", D["2024-05-31"], "定期"],
      ["2", D["2024-09-30"], "定期"],
      ["3", D["2024-10-15"], "定期"],
    ]);
    expect(milestonesFunction(ROW36, 2024)).toEqual([
      ["4", "", "无期限"],
      ["5", "", "相对期限"],
      ["6", D["2024-10-15"], "定期"],
    ]);
    expect(milestonesFunction(ROW3, 2024).map((row) => row[0])).toEqual(["1a", "1b", "2"]);
  });

  test("MILESTONES of an empty cell is #N/A", () => {
    const error = excelError(() => milestonesFunction(null, null));
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("没有识别出时间节点");
  });

  test("STATUS as of 2024-09-01: item 1 (end of May) is overdue", () => {
    expect(statusFunction(ROW1, D["2024-09-01"], null, null)).toBe("已逾期");
    expect(overdueFunction(ROW1, D["2024-09-01"], null, null)).toBe(1);
    expect(nextDueFunction(ROW1, D["2024-09-01"], null, null)).toBe(D["2024-09-30"]);
  });

  test("with item 1 done, the worst is 未到期, then 临期 five days before 9月底", () => {
    expect(statusFunction(ROW1, D["2024-09-01"], "1", null)).toBe("未到期");
    expect(overdueFunction(ROW1, D["2024-09-01"], "1", null)).toBe(0);
    expect(statusFunction(ROW1, D["2024-09-25"], "1", null)).toBe("临期");
  });

  test("the due day itself is on time; the day after is overdue", () => {
    expect(statusFunction(ROW1, D["2024-09-30"], "1", null)).toBe("临期");
    expect(nextDueFunction(ROW1, D["2024-09-30"], "1", null)).toBe(D["2024-09-30"]);
    expect(statusFunction(ROW1, D["2024-10-01"], "1", null)).toBe("已逾期");
    expect(overdueFunction(ROW1, D["2024-10-01"], "1", null)).toBe(1);
    expect(nextDueFunction(ROW1, D["2024-10-01"], "1", null)).toBe(D["2024-10-15"]);
  });

  test("all done: 已完成 and no next due date (#N/A)", () => {
    expect(statusFunction(ROW1, D["2024-09-01"], "1,2,3", null)).toBe("已完成");
    const error = excelError(() => nextDueFunction(ROW1, D["2024-09-01"], "1,2,3", null));
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("没有未完成的后续节点");
  });

  test("the done list may be a number (a cell holding 1) or a range of cells", () => {
    expect(statusFunction(ROW1, D["2024-09-01"], 1, null)).toBe("未到期");
    expect(nextDueFunction(ROW1, D["2024-09-01"], [[1], [2]], null)).toBe(D["2024-10-15"]);
  });

  test("two dated clauses in one item: 1a overdue on 2024-09-01; done '1' covers 1a and 1b", () => {
    expect(overdueFunction(ROW3, D["2024-09-01"], null, null)).toBe(1);
    expect(overdueFunction(ROW3, D["2024-09-01"], "1a", null)).toBe(0);
    expect(nextDueFunction(ROW3, D["2024-09-01"], "1a", null)).toBe(D["2024-09-30"]);
    expect(nextDueFunction(ROW3, D["2024-09-01"], "1", null)).toBe(D["2024-10-15"]);
  });

  test("recurring and relative clauses have no fixed deadline", () => {
    expect(statusFunction(ROW4, D["2024-09-01"], null, null)).toBe("已逾期");
    expect(statusFunction(ROW4, D["2024-09-01"], "1", null)).toBe("无固定期限");
    expect(overdueFunction(ROW36, D["2024-09-01"], null, null)).toBe(0);
    expect(statusFunction(ROW36, D["2024-09-01"], null, null)).toBe("未到期");
  });

  test("year defaults to asOf's year; an explicit year wins", () => {
    expect(nextDueFunction(ROW1, D["2025-09-01"], "1", null)).toBe(D["2025-09-30"]);
    expect(statusFunction(ROW1, D["2025-09-01"], null, 2024)).toBe("已逾期");
    const error = excelError(() => nextDueFunction(ROW1, D["2025-09-01"], "1", 2024));
    expect(error.code).toBe("#N/A");
  });

  test("asOf may be typed as a date text", () => {
    expect(nextDueFunction(ROW1, "2024-09-01", null, null)).toBe(D["2024-09-30"]);
    expect(nextDueFunction(ROW1, "2024年9月1日", null, null)).toBe(D["2024-09-30"]);
  });

  test("bad asOf and year answer #VALUE! naming the parameter", () => {
    const asOf = excelError(() => statusFunction(ROW1, "明天", null, null));
    expect(asOf.code).toBe("#VALUE!");
    expect(asOf.message).toContain("“参照日期”");
    expect(asOf.message).toContain("明天");
    const year = excelError(() => statusFunction(ROW1, D["2024-09-01"], null, 24));
    expect(year.message).toContain("“年份”应为四位年份");
  });

  test("a 10,000-character cell still answers", () => {
    const long = `${ROW1}${"说明".repeat(5000)}`;
    expect(long.length).toBeGreaterThan(10_000);
    expect(statusFunction(long, D["2024-09-01"], null, null)).toBe("已逾期");
  });
});

describe("asOf omitted means today", () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  test("the functions judge by the machine's date, and year follows it", () => {
    jest.useFakeTimers({ now: new Date(2024, 8, 1, 10, 30) }); // 2024-09-01 local time
    expect(statusFunction(ROW1, null, null, null)).toBe("已逾期");
    expect(nextDueFunction(ROW1, null, null, null)).toBe(D["2024-09-30"]);
    // An empty cell passed as asOf (0 as a number, "" as text) also means today.
    expect(nextDueFunction(ROW1, 0, "", "")).toBe(D["2024-09-30"]);
    expect(milestonesFunction(ROW1, null)[0]).toEqual(["1", D["2024-05-31"], "定期"]);

    jest.setSystemTime(new Date(2025, 8, 1, 10, 30));
    expect(nextDueFunction(ROW1, null, "1", null)).toBe(D["2025-09-30"]);
  });
});
