import { describeInputs, findItem, formatRulesCatalog, ITEM_TYPE_ZH, RULE_SETS, ruleWithNote } from "../../src/core/rules";

describe("ITEM_TYPE_ZH", () => {
  it("names the four item types in Chinese", () => {
    expect(ITEM_TYPE_ZH).toEqual({ score: "计分项", bonus: "加分项", deduction: "扣分项", veto: "否决项" });
  });
});

describe("describeInputs", () => {
  it("lists the inputs in order with what each expects", () => {
    expect(describeInputs(findItem(16)!)).toBe("1. 依法查办件数：不小于0的整数（件）；2. 全年推送线索件数：不小于0的整数（件）");
    expect(describeInputs(findItem(13)!)).toContain("2. 第12项得分：0–2分之间的分数，可留空");
    expect(describeInputs(findItem(18)!)).toContain("12个月（2023年12月至2024年11月）");
  });
});

describe("formatRulesCatalog", () => {
  const text = formatRulesCatalog("攻坚");
  it("has a Chinese title and one heading per 一级指标 with its 分值", () => {
    expect(text.split("\n")[0]).toBe("表现突出集体攻坚任务评审细则（附件4）");
    for (const h of ["== 队伍建设与管理（33分） ==", "== 日常监督执法工作（41分） ==", "== 实战练兵（26分） ==", "== 创新与成效（加分项） ==", "== 廉政纪律（否决项） =="]) {
      expect(text).toContain(h);
    }
  });
  it("lists every item with id, 分值, 类型, 输入 and 规则", () => {
    for (const item of RULE_SETS["攻坚"]) expect(text).toContain(`【${item.id}】`);
    expect(text).toContain("【4】机构规范化建设·统一着装持证（队伍建设与管理／队伍建设）\n  分值：最多扣2分　类型：扣分项\n  输入：1. 被发现次数：不小于0的整数（次）");
    expect(text).toContain("  规则：规范建设(3分)。按照省内统一要求");
  });
  it("carries the reading of row 50 (覆盖比例 vs 0.2分 per county)", () => {
    const row50 = text.slice(text.indexOf("【50】"), text.indexOf("【51】"));
    expect(row50).toContain("说明：按分解表攻坚任务的覆盖比例分档计分");
    expect(row50).toContain("0.2分");
  });
  it("ends with the total", () => {
    expect(text.trimEnd().split("\n").pop()).toBe("合计：队伍建设与管理33分 + 日常监督执法工作41分 + 实战练兵26分 = 100分；加分项另计，否决项一票否决。");
  });
  it("says where the county can reach less than the stated 分值", () => {
    expect(formatRulesCatalog("基准县")).toContain("== 队伍建设与管理（30分，本级可得25分） ==");
    expect(formatRulesCatalog("个人")).toContain("== 专业技能（11分） ==");
  });
});

describe("ruleWithNote", () => {
  it("adds the catalog's reading after the province's words, when there is one", () => {
    expect(ruleWithNote(findItem(50)!)).toMatch(/^表现突出集体和个人所在县、区覆盖比例\(1分\)。.*（说明：按分解表攻坚任务的覆盖比例分档计分.*0\.2分/);
    expect(ruleWithNote(findItem(14)!)).toBe("建立制度(1分)。制定或完善非现场监管执法规范的，得1分。");
  });
});
