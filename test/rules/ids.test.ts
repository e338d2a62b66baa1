/**
 * Every 基准 and 个人 id is its 附件's own number (issue 7 §1.5): written by hand from the headings
 * of 附件5 (lines 228–248) and 附件6 (lines 258–267), "序号.条.款".
 */
import { findItem, RULE_SETS, retiredIdMessage, scoreItem } from "../../src/core/rules";

const JIZHUN: Record<string, string> = {
  "1.1": "机构规范化建设", "1.2.1": "标配装备", "1.2.2": "选配装备", "1.3": "统一标识",
  "1.4.1": "集体荣誉", "1.4.2": "表扬嘉奖", "1.4.3": "领导批示", "1.5": "统一着装持证",
  "2.1.1": "自动监测数据传输率", "2.1.2": "虚假标记查实", "2.2.1": "线索识别", "2.2.2": "线索查办", "2.2.3": "整改反馈",
  "2.3.1": "现场执法人员比例", "2.3.2": "执法数据报送", "2.3.3": "抽查案卷现场检查信息", "2.3.4": "执法数据质量",
  "2.3.5": "执法处罚一体化建设", "3.1": "稽查准备情况", "3.2.1": "下级执法机构稽查", "3.2.2": "稽查报告报送",
  "3.3": "稽查抽查情况", "4": "“两打”专项行动", "5.1": "新装备运用情况", "5.2": "新领域案件办理",
  "5.3": "执法联动机制建立和执行情况", "6": "案卷质量", "7.1": "典型案例发布情况", "7.2": "典型案例发布类型",
  "8.1": "现场监督帮扶表现", "8.2": "远程监督帮扶表现", "8.3": "廉政纪律方面",
  "9.1": "比武内容", "9.2": "比武形式", "9.3": "组织方式", "10": "表现突出集体和个人覆盖情况", "11": "廉政纪律",
};
/** Line 245's county sentence has no number of its own: 9.4 and 9.5 follow 9.3 (documented in catalog.ts). */
const COUNTY_ONLY: Record<string, string> = { "9.4": "县级参加技能比武", "9.5": "县级获得比武先进" };
const CITY_ONLY = ["3.1", "3.2.1", "3.2.2", "9.1", "9.2", "9.3"];

const GEREN: Record<string, string> = {
  "1.1": "获得荣誉称号情况", "1.2": "入选人才师资库", "1.3": "参加执法稽查情况", "1.4": "法律资格",
  "2.1": "重大案件查办", "2.2": "关键领域案件查办", "2.3": "案卷质量",
  "3.1.1": "现场监督帮扶表现", "3.1.2": "工作纪律方面", "3.2": "技能比武",
  "4.1.1": "移动执法终端上传检查记录", "4.1.2": "抽查案卷现场检查信息", "4.1.3": "执法数据质量",
  "4.2.1": "新装备查办案件", "4.2.2": "非现场监管平台查办案件", "5": "廉政纪律与依法行政",
};

const idsAndNames = (set: "基准市" | "基准县" | "个人") =>
  Object.fromEntries(RULE_SETS[set].map((i) => [i.id.slice(i.id.indexOf("-") + 1), i.name]));

describe("ids follow the 附件's own numbering", () => {
  it("基准市: 附件5's numbers", () => {
    const city = Object.fromEntries(Object.entries(JIZHUN));
    expect(idsAndNames("基准市")).toEqual(city);
  });
  it("基准县: the same without the city-only items, plus 9.4 and 9.5", () => {
    const county: Record<string, string> = { ...JIZHUN, ...COUNTY_ONLY };
    for (const id of CITY_ONLY) delete county[id];
    expect(idsAndNames("基准县")).toEqual(county);
  });
  it("个人: 附件6 line 263 numbers 三、1.(1) 现场, 1.(2) 工作纪律, 2. 技能比武", () => {
    expect(idsAndNames("个人")).toEqual(GEREN);
  });
});

describe("ids typed with full-width digits and punctuation", () => {
  it("read as their ASCII forms (core/width.ts foldWidth)", () => {
    expect(findItem("基准市－１．２．１")?.id).toBe("基准市-1.2.1");
    expect(findItem("３．１．２", "个人")?.id).toBe("个人-3.1.2");
    expect(findItem("攻坚４４")?.id).toBe("44");
    expect(retiredIdMessage("个人－３．１")).toContain("已改为个人-3.1.1");
  });
});

describe("old 个人 ids (one release)", () => {
  it("个人-3.1 and 个人-3.3 are refused with a message naming the new id", () => {
    expect(findItem("个人-3.1")).toBeNull();
    expect(retiredIdMessage("个人-3.1")).toBe("编号个人-3.1已改为个人-3.1.1（现场监督帮扶表现），以与附件6第263行的编号一致，请改用新编号");
    expect(retiredIdMessage("3.3", "个人")).toContain("已改为个人-3.2（技能比武）");
    expect(retiredIdMessage("个人-2.1")).toBeNull();
    expect(retiredIdMessage("3.1", "基准市")).toBeNull();
  });
  it("个人-3.2 now names 技能比武; an old 工作纪律 call is refused with a note pointing to 3.1.2", () => {
    const r = scoreItem(findItem("个人-3.2")!, [2, 20]);
    expect(r).toEqual({ kind: "error", message: expect.stringContaining("原“工作纪律方面”已改为 个人-3.1.2") });
  });
});
