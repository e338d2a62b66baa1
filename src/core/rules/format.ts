/** Chinese text about items: type names, input descriptions, the `dalianbing rules` listing. */
import { listExpectedInputs } from "./coerce";
import { entryOf, LEVEL1_STATED, LEVEL1_TOTALS, RULE_SETS } from "./catalog";
import { bonusMaximum } from "./totals";
import type { ItemType, RuleItem, RuleSetId } from "./types";

export const ITEM_TYPE_ZH: Record<ItemType, string> = {
  score: "计分项",
  bonus: "加分项",
  deduction: "扣分项",
  veto: "否决项（取消参评资格）",
};

/**
 * The kind of an item in words (`dalianbing rules`, the 评分表): a veto is 取消参评资格 only
 * (攻坚51, 基准11, 个人5); "该项不得分" (攻坚44, 基准8.3) empties its heading and the total stays a
 * number; "扣完该项分值为止" floors at what the heading earned; a 分解表自设项 is not counted.
 */
export function kindText(item: RuleItem): string {
  const forfeits = entryOf(item)?.forfeits;
  if (forfeits) return `扣分项（该项不得分：“${forfeits}”得0分，不取消参评资格）`;
  if (item.outsideProvince) return `${ITEM_TYPE_ZH[item.type]}（分解表自设项，附件4无此项，不计入省厅总分）`;
  if (item.type === "deduction" && item.inputs.some((i) => i.scoreOf)) return "扣分项（扣完该项分值为止）";
  return ITEM_TYPE_ZH[item.type];
}

export const RULE_SET_ZH: Record<RuleSetId, string> = {
  攻坚: "表现突出集体攻坚任务评审细则（附件4）",
  基准市: "表现突出集体基准任务评审细则·市级（附件5）",
  基准县: "表现突出集体基准任务评审细则·县级（附件5）",
  个人: "表现突出个人评审细则（附件6）",
};

/** "1. 完成比例（0%–100%之间的比例）；2. …" with a trailing note when the catalog made a reading. */
export function describeInputs(item: RuleItem): string {
  return listExpectedInputs(item);
}

/** The rule text followed by the catalog's reading of it, for DALIANBING.RULE and help. */
export function ruleWithNote(item: RuleItem): string {
  return item.note ? `${item.rule}（说明：${item.note}）` : item.rule;
}

/** 分值 as shown: "3分", "扣分上限2分", "否决项". */
export function pointsText(item: RuleItem): string {
  if (entryOf(item)?.forfeits) return `扣回所在标题得分（最多${item.maxPoints}分）`;
  switch (item.type) {
    case "deduction":
      return `最多扣${item.maxPoints}分`;
    case "veto":
      return "—";
    case "bonus":
      return `加${item.maxPoints}分`;
    default:
      return `${item.maxPoints}分`;
  }
}

/** One item as a help paragraph: 项目, 分值, 类型, 输入, 规则, 说明, 出处. */
export function describeItem(item: RuleItem): string {
  const lines = [
    `【${item.id}】${item.group ? `${item.group}·` : ""}${item.name}（${item.level2 && item.level2 !== item.level1 ? `${item.level1}／${item.level2}` : item.level1}）`,
    `  分值：${pointsText(item)}　类型：${kindText(item)}`,
    `  输入：${describeInputs(item)}`,
    `  规则：${item.rule}`,
  ];
  if (item.note) lines.push(`  说明：${item.note}`);
  lines.push(`  出处：${item.source}`);
  return lines.join("\n");
}

/** The plain-text listing of a catalog for `dalianbing rules`. */
export function formatRulesCatalog(set: RuleSetId): string {
  const items = RULE_SETS[set];
  const out: string[] = [RULE_SET_ZH[set], ""];
  let currentLevel1 = "";
  for (const item of items) {
    if (item.level1 !== currentLevel1) {
      currentLevel1 = item.level1;
      const stated = LEVEL1_STATED[set][currentLevel1];
      const reachable = LEVEL1_TOTALS[set][currentLevel1];
      const heading =
        stated === undefined
          ? item.type === "veto"
            ? `${currentLevel1}（否决项：取消参评资格）`
            : `${currentLevel1}（加分项）`
          : reachable !== stated
            ? `${currentLevel1}（${stated}分，本级可得${reachable}分）`
            : `${currentLevel1}（${stated}分）`;
      out.push(`== ${heading} ==`);
    }
    out.push(describeItem(item), "");
  }
  const totals = LEVEL1_TOTALS[set];
  const sum = Object.values(totals).reduce((a, b) => a + b, 0);
  out.push(
    `合计：${Object.entries(totals).map(([k, v]) => `${k}${v}分`).join(" + ")} = ${sum}分；` +
      `加分项另计（最多${bonusMaximum(set)}分${RULE_SETS[set].some((i) => i.outsideProvince) ? "，分解表自设项不计入" : ""}）；` +
      `否决项触发即取消参评资格；“该项不得分”只让所在标题得0分，总分照算。`,
  );
  return out.join("\n");
}
