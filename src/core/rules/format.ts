/** Chinese text about items: type names, input descriptions, the `dalianbing rules` listing. */
import { listExpectedInputs } from "./coerce";
import { LEVEL1_STATED, LEVEL1_TOTALS, RULE_SETS } from "./catalog";
import type { ItemType, RuleItem, RuleSetId } from "./types";

export const ITEM_TYPE_ZH: Record<ItemType, string> = {
  score: "计分项",
  bonus: "加分项",
  deduction: "扣分项",
  veto: "否决项",
};

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
    `  分值：${pointsText(item)}　类型：${ITEM_TYPE_ZH[item.type]}`,
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
            ? `${currentLevel1}（否决项）`
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
  out.push(`合计：${Object.entries(totals).map(([k, v]) => `${k}${v}分`).join(" + ")} = ${sum}分；加分项另计，否决项一票否决。`);
  return out.join("\n");
}
