/**
 * 攻坚 items scored by hand from 附件4's words (source lines 196–219), at and around every edge.
 */
import { findItem, scoreItem, type RawInput } from "../../src/core/rules";

const score = (serial: number, ...inputs: RawInput[]) => scoreItem(findItem(serial)!, inputs);
const pts = (points: number) => ({ kind: "points", points });
const twelve = (v: RawInput): RawInput[][] => [Array(12).fill(v)];
const twelveWith = (v: RawInput, i: number, w: RawInput): RawInput[][] => {
  const row = Array(12).fill(v);
  row[i] = w;
  return [row];
};

describe("队伍建设", () => {
  it("1 规范建设: 15%及以上 3；10%-15% 2；5%-10% 1；不足5% 0", () => {
    expect(score(1, 0.15)).toEqual(pts(3));
    expect(score(1, 0.1499)).toEqual(pts(2));
    expect(score(1, 0.1)).toEqual(pts(2));
    expect(score(1, 0.0999)).toEqual(pts(1));
    expect(score(1, 0.05)).toEqual(pts(1));
    expect(score(1, 0.0499)).toEqual(pts(0));
    expect(score(1, 1)).toEqual(pts(3));
    expect(score(1, "15%")).toEqual(pts(3));
  });
  it("2 装备配备: 标配25项 2/20-25项 1.5/不足20 0 + 选配10项 1/6-10项 0.5/不足6 0", () => {
    expect(score(2, 25, 10)).toEqual(pts(3));
    expect(score(2, 24, 9)).toEqual(pts(2));
    expect(score(2, 20, 6)).toEqual(pts(2));
    expect(score(2, 19, 5)).toEqual(pts(0));
    expect(score(2, 28, 0)).toEqual(pts(2));
  });
  it("3 统一标识: 车辆0.8 + 其他0.2", () => {
    expect(score(3, "是", "否")).toEqual(pts(0.8));
    expect(score(3, "是", "是")).toEqual(pts(1));
    expect(score(3, false, true)).toEqual(pts(0.2));
  });
  it("4 统一着装持证: 每次扣0.2分，最多扣2分", () => {
    expect(score(4, 3)).toEqual(pts(-0.6));
    expect(score(4, 10)).toEqual(pts(-2));
    expect(score(4, 11)).toEqual(pts(-2));
    expect(score(4, 0)).toEqual(pts(0));
  });
  it("5 岗位培训: 覆盖30%及以上 1分", () => {
    expect(score(5, 0.3)).toEqual(pts(1));
    expect(score(5, 0.2999)).toEqual(pts(0));
  });
  it("6 基地运用 0.5; 7 师资培养 每人0.1，最多0.5", () => {
    expect(score(6, "是")).toEqual(pts(0.5));
    expect(score(7, 3)).toEqual(pts(0.3));
    expect(score(7, 5)).toEqual(pts(0.5));
    expect(score(7, 8)).toEqual(pts(0.5));
  });
  it("8 集体荣誉: 国家2、省委省政府1.5、省部门每项1，最多2", () => {
    expect(score(8, "否", "是", 0)).toEqual(pts(1.5));
    expect(score(8, "否", "否", 1)).toEqual(pts(1));
    expect(score(8, "否", "是", 1)).toEqual(pts(2));
    expect(score(8, "是", "否", 0)).toEqual(pts(2));
  });
  it("9 表扬嘉奖 counts the highest praise; 10 批示 1 or 0.5", () => {
    expect(score(9, "否", "是", "是")).toEqual(pts(1.5));
    expect(score(9, "是", "是", "是")).toEqual(pts(2));
    expect(score(10, "否", "是")).toEqual(pts(0.5));
    expect(score(10, "是", "是")).toEqual(pts(1));
  });
  it("11 执法宣传: 1 + 0.5 + 1, 该项最高得2分", () => {
    expect(score(11, "是", "是", "否")).toEqual(pts(1.5));
    expect(score(11, "是", "是", "是")).toEqual(pts(2));
  });
});

describe("信息化建设与应用", () => {
  it("12: both rates ≥ 95% in every month → 2", () => {
    expect(score(12, 0.95, 0.95)).toEqual(pts(2));
    expect(score(12, 0.9499, 0.99)).toEqual(pts(0));
  });
  it("13: 每次扣0.5分，扣完该项分值为止", () => {
    expect(score(13, 1)).toEqual(pts(-0.5));
    expect(score(13, 5)).toEqual(pts(-2));
    expect(score(13, 3, 1)).toEqual(pts(-1)); // item 12 scored 1: the deduction stops there
  });
  it("14 建立制度 1", () => {
    expect(score(14, "是")).toEqual(pts(1));
  });
  it("15 线索识别: 每件0.5分 (附件4), 最高1分", () => {
    expect(score(15, 1)).toEqual(pts(0.5));
    expect(score(15, 2)).toEqual(pts(1));
    expect(score(15, 3)).toEqual(pts(1));
  });
  it("16 线索查办: 每件1分，最高3分; 全年未推送线索 → 1.5", () => {
    expect(score(16, 2, 5)).toEqual(pts(2));
    expect(score(16, 4, 5)).toEqual(pts(3));
    expect(score(16, 0, 0)).toEqual(pts(1.5));
    expect(score(16, 0, 2)).toEqual(pts(0));
    expect(score(16, 3, 3)).toEqual(pts(3));
    // More cases than pushed clues is refused, naming both (line 202: 对生态环境部推送…的问题线索).
    expect(score(16, 4, 3)).toEqual({ kind: "error", message: "依法查办件数（4件）不能多于全年推送线索件数（3件）" });
  });
  it("17 整改反馈: 扣1分 + 每件扣2分", () => {
    expect(score(17, "是", 1)).toEqual(pts(-3));
    expect(score(17, "否", 1)).toEqual(pts(-2));
    expect(score(17, "是", 3)).toEqual(pts(-5));
  });
  it("18 现场执法人员比例: each month ≥ 80% → 0.1, all 12 → 2", () => {
    expect(score(18, twelve(0.8))).toEqual(pts(2));
    expect(score(18, twelveWith(0.85, 0, 0.79))).toEqual(pts(1.1));
    expect(score(18, twelveWith(0.85, 11, null))).toEqual(pts(1.1));
    expect(score(18, [[0.9, 0.5, 0.9, 0.5, 0.9, 0.5], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]])).toEqual(pts(0.3));
    // A column of twelve cells reads the same as a row.
    expect(score(18, Array.from({ length: 12 }, () => [0.81]))).toEqual(pts(2));
  });
  it("19 执法数据报送: 人均2条及以上 each month → 0.1, all → 2", () => {
    expect(score(19, twelve(2))).toEqual(pts(2));
    expect(score(19, twelveWith(3, 4, 1.99))).toEqual(pts(1.1));
  });
  it("20 执法数据质量: 0.2/起 最多1 + 0.5/起 最多1 + 按月扣分", () => {
    expect(score(20, null, 3, 1)).toEqual(pts(-1.1));
    expect(score(20, null, 10, 10)).toEqual(pts(-2));
    expect(score(20, 0.3, 1, 0)).toEqual(pts(-0.5));
    expect(score(20, 3, 10, 10)).toEqual(pts(-4));
  });
  it("21 执法处罚一体化建设: a bonus of 1", () => {
    expect(score(21, "是")).toEqual(pts(1));
  });
});

describe("执法稽查", () => {
  it("22: 计划 0.5 + 培训 0.5", () => {
    expect(score(22, "是", "否")).toEqual(pts(0.5));
    expect(score(22, "是", "是")).toEqual(pts(1));
  });
  it("23: 不少于50% → 3", () => {
    expect(score(23, 0.5)).toEqual(pts(3));
    expect(score(23, 0.4999)).toEqual(pts(0));
  });
  it("24, 25: 1 each", () => {
    expect(score(24, "是")).toEqual(pts(1));
    expect(score(25, "否")).toEqual(pts(0));
  });
  it("26: 0.1/起 最多2 + 0.5/起 最多2", () => {
    expect(score(26, 3, 1)).toEqual(pts(-0.8));
    expect(score(26, 30, 2)).toEqual(pts(-3));
    expect(score(26, 30, 9)).toEqual(pts(-4));
  });
});

describe("日常监督执法工作", () => {
  it("27, 28, 30: 达标4分，未达标按比例，未办理不得分", () => {
    for (const serial of [27, 28, 30]) {
      expect(score(serial, 0, 3)).toEqual(pts(0));
      expect(score(serial, 2, 3)).toEqual(pts(2.6667));
      expect(score(serial, 3, 3)).toEqual(pts(4));
      expect(score(serial, 5, 3)).toEqual(pts(4));
    }
  });
  it("29: 40%以上 1；30%-40% 0.5；30%以下 0 (30% itself: the higher band)", () => {
    expect(score(29, 0.4)).toEqual(pts(1));
    expect(score(29, 0.3999)).toEqual(pts(0.5));
    expect(score(29, 0.3)).toEqual(pts(0.5));
    expect(score(29, 0.2999)).toEqual(pts(0));
  });
  it("31: 三部门 2; 省级每件1; 最多2", () => {
    expect(score(31, "否", 1)).toEqual(pts(1));
    expect(score(31, "否", 3)).toEqual(pts(2));
    expect(score(31, "是", 1)).toEqual(pts(2));
  });
  it("32: 每类1分，最高2分", () => {
    expect(score(32, 1)).toEqual(pts(1));
    expect(score(32, 4)).toEqual(pts(2));
  });
  it("33: 新建立 1 + 全部执行 1 / 未全部执行 0.5 / 无机制 0", () => {
    expect(score(33, "是", "是")).toEqual(pts(2));
    expect(score(33, "是", "否")).toEqual(pts(1.5));
    expect(score(33, "否", null)).toEqual(pts(0));
    expect(score(33, "否")).toEqual(pts(0));
  });
  it("34 组织评查工作 2; 35 案卷质量 7 × 得分率", () => {
    expect(score(34, "是")).toEqual(pts(2));
    expect(score(35, 0.9)).toEqual(pts(6.3));
    expect(score(35, 1)).toEqual(pts(7));
  });
  it("36 抽查通报: 每通报1次扣1分，最多扣4分", () => {
    expect(score(36, 2)).toEqual(pts(-2));
    expect(score(36, 5)).toEqual(pts(-4));
  });
  it("37 三项制度: 3分, 每种缺失扣1分", () => {
    expect(score(37, "否", "否", "否")).toEqual(pts(3));
    expect(score(37, "是", "否", "是")).toEqual(pts(1));
    expect(score(37, "是", "是", "是")).toEqual(pts(0));
  });
  it("38 录入情况: 每月录入率达到95% → 5, any month short → 0", () => {
    expect(score(38, twelve(0.95))).toEqual(pts(5));
    expect(score(38, twelveWith(0.99, 6, 0.94))).toEqual(pts(0));
    expect(score(38, twelveWith(0.99, 6, null))).toEqual(pts(0));
  });
  it("39 重点三类 每类1 最高2; 40 新领域 每类0.5 最高1; 41 采纳1个 → 2", () => {
    expect(score(39, 1)).toEqual(pts(1));
    expect(score(39, 3)).toEqual(pts(2));
    expect(score(40, 1)).toEqual(pts(0.5));
    expect(score(40, 3)).toEqual(pts(1));
    expect(score(41, 0)).toEqual(pts(0));
    expect(score(41, 1)).toEqual(pts(2));
    expect(score(41, 2)).toEqual(pts(2));
  });
});

describe("实战练兵", () => {
  it("42: 前10名 16；10-15名 10；15-20名 6；20名以下 4 (附件4)", () => {
    expect(score(42, 1)).toEqual(pts(16));
    expect(score(42, 10)).toEqual(pts(16));
    expect(score(42, 11)).toEqual(pts(10));
    expect(score(42, 15)).toEqual(pts(10));
    expect(score(42, 16)).toEqual(pts(6));
    expect(score(42, 20)).toEqual(pts(6));
    expect(score(42, 21)).toEqual(pts(4));
    expect(score(42, 24)).toEqual(pts(4)); // unscored by the 分解表's "25名以下"
    expect(score(42, 80)).toEqual(pts(4));
  });
  it("42/43 未纳入远程监督帮扶 (line 215): 43 answers 0, its 4分 move into 42 (20/12.5/7.5/5)", () => {
    expect(score(43, 3.25)).toEqual(pts(3.25));
    expect(score(43, "未纳入")).toEqual(pts(0));
    expect(score(42, 10, "否")).toEqual(pts(20));
    expect(score(42, 11, "否")).toEqual(pts(12.5));
    expect(score(42, 20, "否")).toEqual(pts(7.5));
    expect(score(42, 21, "否")).toEqual(pts(5));
    expect(score(42, 10, "是")).toEqual(pts(16));
    expect(score(42, 10, null)).toEqual(pts(16));
  });
  it("42/43 rounds of the ministry and the province weigh 80%/20% (line 215)", () => {
    expect(score(42, 10, "是", 6)).toEqual(pts(0.8 * 16 + 0.2 * 6));
    expect(score(42, 21, "否", 20)).toEqual(pts(0.8 * 5 + 0.2 * 20));
    expect(score(42, 21, "是", 18)).toEqual({ kind: "error", message: expect.stringContaining("省级监督帮扶得分应为0–16分") });
    expect(score(43, 3, 1)).toEqual(pts(2.6));
    expect(score(43, "未纳入", 4)).toEqual(pts(0));
  });
  it("44 廉政纪律 “该项不得分” takes back 42 + 43 (a deduction, not a veto)", () => {
    expect(score(44, "否")).toEqual(pts(0));
    expect(score(44, "否", 16, 4)).toEqual(pts(0));
    expect(score(44, "是", 10, 3.5)).toEqual(pts(-13.5));
    expect(score(44, "是", 20, 0)).toEqual(pts(-20));
    const missing = score(44, "是");
    expect(missing.kind).toBe("error");
    expect(missing.kind === "error" && missing.message).toContain("需要第42项得分和第43项得分");
    expect(score(44, "是", 10)).toEqual({ kind: "error", message: expect.stringContaining("需要第43项得分") });
  });
  it("45 承办 1.5; 46 参加 0.5; 47 查获违法行为: text says 1.5, capped at its 分值 1", () => {
    expect(score(45, "是")).toEqual(pts(1.5));
    expect(score(46, "是")).toEqual(pts(0.5));
    expect(score(47, "是")).toEqual(pts(1));
    expect(findItem(47)!.maxPoints).toBe(1);
  });
  it("48: 1–3分 as assigned", () => {
    expect(score(48, 2)).toEqual(pts(2));
  });
});

describe("创新与成效 and 廉政纪律", () => {
  it("49: 1 + 1", () => {
    expect(score(49, "是", "否")).toEqual(pts(1));
    expect(score(49, "是", "是")).toEqual(pts(2));
  });
  it("50 per 附件4 line 218: 获奖县区数 × 0.2, at most 1; a ratio is refused", () => {
    expect(score(50, 0)).toEqual(pts(0));
    expect(score(50, 1)).toEqual(pts(0.2));
    expect(score(50, 4)).toEqual(pts(0.8));
    expect(score(50, 5)).toEqual(pts(1));
    expect(score(50, 9)).toEqual(pts(1));
    expect(score(50, 0.5).kind).toBe("error");
    expect(findItem(50)!.source).toContain("第218行");
  });
  it("51: veto", () => {
    expect(score(51, true)).toEqual({ kind: "veto", text: "否决" });
    expect(score(51, false)).toEqual(pts(0));
  });
});
