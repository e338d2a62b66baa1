/**
 * The three catalogs indexed once at load: by item object and by id, so scoreItem and findItem do no
 * search or regular expression per call.
 *
 * Ids (see the catalog files' headers):
 *   攻坚  "1".."51" (the 攻坚分解表's 序号); findItem also takes 5 and "攻坚5" / "攻坚-5".
 *   基准  "基准市-1.2.1", "基准县-1.2.1" (附件5 序号.条.款); findItem("1.2.1", "基准县") too.
 *   个人  "个人-1.1" (附件6 序号.条.款); findItem("1.1", "个人") too.
 * Every id is its 附件's own number (checked by test/rules/ids.test.ts); 基准县-9.4 and 9.5 are the
 * exception: 附件5 line 245 gives the county sentence of 技能比武 no number, so they follow 9.3.
 */
import { foldWidth } from "../width";
import type { CatalogEntry } from "./define";
import { GONGJIAN_ENTRIES } from "./gongjian";
import { GEREN_ENTRIES } from "./geren";
import { JIZHUN_CITY_ENTRIES, JIZHUN_COUNTY_ENTRIES } from "./jizhun";
import type { RuleItem, RuleSetId } from "./types";

export const RULE_SET_IDS: readonly RuleSetId[] = ["攻坚", "基准市", "基准县", "个人"];

export const ENTRIES: Record<RuleSetId, CatalogEntry[]> = {
  攻坚: GONGJIAN_ENTRIES,
  基准市: JIZHUN_CITY_ENTRIES,
  基准县: JIZHUN_COUNTY_ENTRIES,
  个人: GEREN_ENTRIES,
};

export const RULE_SETS: Record<RuleSetId, RuleItem[]> = {
  攻坚: GONGJIAN_ENTRIES.map((e) => e.item),
  基准市: JIZHUN_CITY_ENTRIES.map((e) => e.item),
  基准县: JIZHUN_COUNTY_ENTRIES.map((e) => e.item),
  个人: GEREN_ENTRIES.map((e) => e.item),
};

/**
 * Stated 分值 of each 一级指标 (the score items' maxima must sum to these; bonus and veto 一级指标
 * are not listed). 基准县's 队伍建设与管理 is 25: county candidates do not take part in 稽查准备情况 and
 * 稽查开展情况 (附件5 line 236, "县级候选集体不参加上述评查"), 5 of the stated 30分.
 */
export const LEVEL1_TOTALS: Record<RuleSetId, Record<string, number>> = {
  攻坚: { 队伍建设与管理: 33, 日常监督执法工作: 41, 实战练兵: 26 },
  基准市: { 队伍建设与管理: 30, 日常监督执法工作: 42, 实战练兵: 28 },
  基准县: { 队伍建设与管理: 25, 日常监督执法工作: 42, 实战练兵: 28 },
  个人: { 荣誉称号: 8, 案件办理: 50, 实战练兵: 31, 专业技能: 11 },
};

/** The 分值 the province states for each 一级指标, as printed (基准县 included: 30/42/28). */
export const LEVEL1_STATED: Record<RuleSetId, Record<string, number>> = {
  攻坚: { 队伍建设与管理: 33, 日常监督执法工作: 41, 实战练兵: 26 },
  基准市: { 队伍建设与管理: 30, 日常监督执法工作: 42, 实战练兵: 28 },
  基准县: { 队伍建设与管理: 30, 日常监督执法工作: 42, 实战练兵: 28 },
  个人: { 荣誉称号: 8, 案件办理: 50, 实战练兵: 31, 专业技能: 11 },
};

const ENTRY_BY_ITEM = new Map<RuleItem, CatalogEntry>();
const ENTRY_BY_ID = new Map<string, CatalogEntry>();
for (const set of RULE_SET_IDS) {
  for (const e of ENTRIES[set]) {
    if (ENTRY_BY_ID.has(e.item.id)) throw new Error(`duplicate rule id ${e.item.id}`);
    ENTRY_BY_ITEM.set(e.item, e);
    ENTRY_BY_ID.set(e.item.id, e);
  }
}

/** The entry behind an item (also for a copy of the item, by id). */
export function entryOf(item: RuleItem): CatalogEntry | undefined {
  return ENTRY_BY_ITEM.get(item) ?? ENTRY_BY_ID.get(item.id);
}

const SET_PREFIXES: readonly RuleSetId[] = ["基准市", "基准县", "攻坚", "个人"];

/**
 * The item for an id as staff type it: 5, "5", "攻坚5", "攻坚-5", "基准市-1.2.1", "个人-1.1", or a
 * bare "1.2.1" with its set. Without a set a bare id is a 攻坚 序号. Unknown → null.
 */
export function findItem(idOrText: string | number, set?: RuleSetId): RuleItem | null {
  let text: string;
  if (typeof idOrText === "number") {
    if (!Number.isInteger(idOrText)) return null;
    text = String(idOrText);
  } else if (typeof idOrText === "string") {
    text = foldWidth(idOrText).trim().replace(/\s+/g, "");
  } else {
    return null;
  }
  if (text === "") return null;
  let target: RuleSetId = set ?? "攻坚";
  for (const prefix of SET_PREFIXES) {
    if (text.startsWith(prefix)) {
      target = prefix;
      text = text.slice(prefix.length);
      if (text.startsWith("-") || text.startsWith("—")) text = text.slice(1);
      break;
    }
  }
  if (target === "攻坚") {
    // "05" or "5.0" typed as text still mean 5.
    const n = Number(text);
    if (!Number.isInteger(n)) return null;
    text = String(n);
    return ENTRY_BY_ID.get(text)?.item ?? null;
  }
  return ENTRY_BY_ID.get(`${target}-${text}`)?.item ?? null;
}

/**
 * Ids renamed to follow 附件6's own numbering (line 263: 三、1.(1) 现场监督帮扶表现, 1.(2) 工作纪律方面,
 * 2. 技能比武). Old ids that now name nothing are refused with a message naming the new id; 个人-3.2
 * names a different item now (技能比武), so its errors carry a note pointing to 个人-3.1.2.
 * Kept for this release only.
 */
const RETIRED_IDS: Record<string, string> = {
  "个人-3.1": "个人-3.1.1",
  "个人-3.3": "个人-3.2",
};
const MEANING_CHANGED: Record<string, string> = {
  "个人-3.2": "个人-3.2 现为“技能比武”（附件6第263行编号）；原“工作纪律方面”已改为 个人-3.1.2",
};

/** The note for an id whose meaning changed in this release, or null. */
export function renamedNote(id: string): string | null {
  return MEANING_CHANGED[id] ?? null;
}

/**
 * For an id that findItem no longer knows because it was renamed: a Chinese message naming the new
 * id ("个人-3.1 已改为 个人-3.1.1 …"); null for any other id.
 */
export function retiredIdMessage(idOrText: string | number, set?: RuleSetId): string | null {
  if (typeof idOrText !== "string" && typeof idOrText !== "number") return null;
  let text = foldWidth(String(idOrText)).trim().replace(/\s+/g, "").replace(/^个人[-—]?/, "个人-");
  if (!text.startsWith("个人-")) {
    if (set !== "个人") return null;
    text = `个人-${text}`;
  }
  const now = RETIRED_IDS[text];
  if (!now) return null;
  const item = ENTRY_BY_ID.get(now)?.item;
  return `编号${text}已改为${now}${item ? `（${item.name}）` : ""}，以与附件6第263行的编号一致，请改用新编号`;
}
