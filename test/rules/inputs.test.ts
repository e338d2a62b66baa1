/** Raw cell inputs and the Chinese messages a user sees when one is wrong (issue 3 §3). */
import { findItem, RULE_SETS, sampleValidInputs, scoreItem, type RawInput } from "../../src/core/rules";

const score = (id: string | number, ...inputs: RawInput[]) => scoreItem(findItem(id)!, inputs);
const error = (message: string) => ({ kind: "error", message });

describe("coercion of cell values", () => {
  it("ratios: fractions, percent text, numeric text", () => {
    expect(score(5, 0.3)).toEqual({ kind: "points", points: 1 });
    expect(score(5, "30%")).toEqual({ kind: "points", points: 1 });
    expect(score(5, " 0.3 ")).toEqual({ kind: "points", points: 1 });
  });
  it("flags: 是/否, TRUE/FALSE, 1/0", () => {
    for (const yes of ["是", true, 1, "TRUE", "true", "1"] as RawInput[]) {
      expect(score(14, yes)).toEqual({ kind: "points", points: 1 });
    }
    for (const no of ["否", false, 0, "FALSE", "0"] as RawInput[]) {
      expect(score(14, no)).toEqual({ kind: "points", points: 0 });
    }
  });
  it("a single-cell range is its cell", () => {
    expect(score(5, [[0.3]])).toEqual({ kind: "points", points: 1 });
  });
  it("trailing empty arguments are ignored", () => {
    expect(score(5, 0.3, null, null)).toEqual({ kind: "points", points: 1 });
  });
});

describe("messages name the parameter, what was expected and what came", () => {
  it("a ratio typed as a percent number", () => {
    expect(score(1, 15)).toEqual(error("完成比例应在0%–100%之间，收到 15"));
    expect(score(5, -0.1)).toEqual(error("培训覆盖比例应在0%–100%之间，收到 -0.1"));
  });
  it("text where a number is expected", () => {
    expect(score(1, "很多")).toEqual(error("完成比例应为0%–100%之间的比例，收到 “很多”"));
    expect(score(4, "三")).toEqual(error("被发现次数应为不小于0的整数（次），收到 “三”"));
  });
  it("a count that is not whole, negative or above its maximum", () => {
    expect(score(4, 1.5)).toEqual(error("被发现次数应为不小于0的整数（次），收到 1.5"));
    expect(score(7, -1)).toEqual(error("入库人数应为不小于0的整数（人），收到 -1"));
    expect(score(2, 29, 3)).toEqual(error("标配项数应为0–28之间的整数（项），收到 29"));
    expect(score(27, 2, 0)).toEqual(error("基准案件数应为不小于1的整数（件），收到 0"));
  });
  it("a rank below 1, a flag that is neither yes nor no, points out of range", () => {
    expect(score(42, 0)).toEqual(error("当轮名次应为不小于1的整数名次，收到 0"));
    expect(score(14, "也许")).toEqual(error("制定或完善非现场监管执法规范应为“是”或“否”（也可填 TRUE/FALSE 或 1/0），收到 “也许”"));
    expect(score(43, 5)).toEqual(error("远程监督帮扶得分（各轮平均）应为0–4分之间的分数或“未纳入”，收到 5"));
  });
  it("an empty required cell", () => {
    expect(score(16, 2, null)).toEqual(error("缺少全年推送线索件数：应为不小于0的整数（件）"));
  });
  it("too few or too many inputs list what the item takes", () => {
    expect(score(16, 2)).toEqual(
      error("评审项目16“线索查办”需要2个输入：1. 依法查办件数：不小于0的整数（件）；2. 全年推送线索件数：不小于0的整数（件）；收到 1 个"),
    );
    expect(score(5, 0.3, 1)).toEqual(
      error("评审项目5“岗位培训”需要1个输入：1. 培训覆盖比例：0%–100%之间的比例；收到 2 个"),
    );
  });
  it("monthly: the range must hold twelve cells; a bad month is named", () => {
    expect(score(18, [[0.9, 0.9, 0.9]])).toEqual(
      error("各月录入移动执法系统人员比例应为12个月（2023年12月至2024年11月）的比例（0%–100%），选中一个含12个单元格的区域，收到 3 个单元格"),
    );
    expect(score(18, 0.9)).toEqual(
      error("各月录入移动执法系统人员比例应为12个月（2023年12月至2024年11月）的比例（0%–100%），选中一个含12个单元格的区域，收到 0.9"),
    );
    const row: RawInput[] = Array(12).fill(0.9);
    row[3] = 85;
    expect(score(18, [row])).toEqual(error("各月录入移动执法系统人员比例第4个月（2024年3月）应在0%–100%之间，收到 85"));
    const counts: RawInput[] = Array(12).fill(2);
    counts[0] = -1;
    expect(score(19, [counts])).toEqual(error("各月人均有效检查记录数第1个月（2023年12月）应为不小于0的数值（条），收到 -1"));
  });
  it("a range where one cell is expected", () => {
    expect(score(5, [[0.3, 0.4]])).toEqual(error("培训覆盖比例应为单个单元格的0%–100%之间的比例，收到 一个区域"));
  });
});

describe("sampleValidInputs", () => {
  it("scores every item of every catalog without an error", () => {
    for (const set of Object.values(RULE_SETS)) {
      for (const item of set) {
        const outcome = scoreItem(item, sampleValidInputs(item));
        expect([item.id, outcome.kind]).not.toEqual([item.id, "error"]);
      }
    }
  });
});

describe("items not in the catalog", () => {
  it("a copy of an item still scores (looked up by id); an unknown id is reported", () => {
    const copy = { ...findItem(5)! };
    expect(scoreItem(copy, [0.3])).toEqual({ kind: "points", points: 1 });
    expect(scoreItem({ ...copy, id: "99" }, [0.3])).toEqual(error("没有序号为99的评审项目"));
  });
});
