import { describeInputs, findItem, formatRulesCatalog, ITEM_TYPE_ZH, RULE_SETS, ruleWithNote } from "../../src/core/rules";

describe("ITEM_TYPE_ZH", () => {
  it("names the four item types in Chinese", () => {
    expect(ITEM_TYPE_ZH).toEqual({ score: "计分项", bonus: "加分项", deduction: "扣分项", veto: "否决项（取消参评资格）" });
  });
});

describe("describeInputs", () => {
  it("lists the inputs in order with what each expects", () => {
    expect(describeInputs(findItem(16)!)).toBe("1. 依法查办件数：不小于0的整数（件）；2. 全年推送线索件数：不小于0的整数（件）");
    expect(describeInputs(findItem(13)!)).toContain("2. 第12项得分：0–2分之间的分数，可留空（评分表引用第12项得分）");
    expect(describeInputs(findItem(18)!)).toContain("12个月（2023年12月至2024年11月）");
  });
});

describe("formatRulesCatalog", () => {
  const text = formatRulesCatalog("攻坚");
  it("has a Chinese title and one heading per 一级指标 with its 分值", () => {
    expect(text.split("\n")[0]).toBe("表现突出集体攻坚任务评审细则（附件4）");
    for (const h of ["== 队伍建设与管理（33分） ==", "== 日常监督执法工作（41分） ==", "== 实战练兵（26分） ==", "== 创新与成效（加分项） ==", "== 廉政纪律（否决项：取消参评资格） =="]) {
      expect(text).toContain(h);
    }
  });
  it("lists every item with id, 分值, 类型, 输入 and 规则", () => {
    for (const item of RULE_SETS["攻坚"]) expect(text).toContain(`【${item.id}】`);
    expect(text).toContain("【4】机构规范化建设·统一着装持证（队伍建设与管理／队伍建设）\n  分值：最多扣2分　类型：扣分项\n  输入：1. 被发现次数：不小于0的整数（次）");
    expect(text).toContain("  规则：规范建设(3分)。按照省内统一要求");
  });
  it("carries the reading of row 50 (0.2分 per county, 附件4 line 218)", () => {
    const row50 = text.slice(text.indexOf("【50】"), text.indexOf("【51】"));
    expect(row50).toContain("输入：1. 获奖县区数：不小于0的整数（个）");
    expect(row50).toContain("说明：每个获奖县区0.2分，最高1分（附件4第218行）");
  });
  it("words each kind right: only 取消参评资格 is 否决; 该项不得分 empties its heading; row 21 is apart", () => {
    const block = (id: string) => text.slice(text.indexOf(`【${id}】`), text.indexOf("\n\n", text.indexOf(`【${id}】`)));
    expect(block("44")).toContain("类型：扣分项（该项不得分：“大气监督帮扶”得0分，不取消参评资格）");
    expect(block("44")).not.toContain("否决项（");
    expect(block("51")).toContain("类型：否决项（取消参评资格）");
    expect(block("13")).toContain("类型：扣分项（扣完该项分值为止）");
    expect(block("21")).toContain("类型：加分项（分解表自设项，附件4无此项，不计入省厅总分）");
    const jizhun = formatRulesCatalog("基准市");
    const b83 = jizhun.slice(jizhun.indexOf("【基准市-8.3】"), jizhun.indexOf("【基准市-9.1】"));
    expect(b83).toContain("该项不得分");
    expect(b83).not.toContain("否决项（");
    expect(formatRulesCatalog("个人")).toContain("【个人-3.1.2】大气监督帮扶·工作纪律方面");
  });
  it("ends with the total", () => {
    expect(text.trimEnd().split("\n").pop()).toBe(
      "合计：队伍建设与管理33分 + 日常监督执法工作41分 + 实战练兵26分 = 100分；加分项另计（最多3分，分解表自设项不计入）；否决项触发即取消参评资格；“该项不得分”只让所在标题得0分，总分照算。",
    );
  });
  it("says where the county can reach less than the stated 分值", () => {
    expect(formatRulesCatalog("基准县")).toContain("== 队伍建设与管理（30分，本级可得25分） ==");
    expect(formatRulesCatalog("个人")).toContain("== 专业技能（11分） ==");
  });
});

describe("ruleWithNote", () => {
  it("adds the catalog's reading after the province's words, when there is one", () => {
    expect(ruleWithNote(findItem(50)!)).toMatch(/^表现突出集体和个人所在县、区覆盖情况\(1分\)。.*每个县区.*得0\.2分。（说明：每个获奖县区0\.2分，最高1分/);
    expect(ruleWithNote(findItem(14)!)).toBe("建立制度(1分)。制定或完善非现场监管执法规范的，得1分。");
  });
});
