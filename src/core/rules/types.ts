/**
 * Rule catalogs as data (docs/design.md §4, issue 3 §1). The province's 评审细则 (附件4/5/6) is what the city is
 * scored by, so every item follows it and cites the source line it comes from.
 */
export type RuleSetId = "攻坚" | "基准市" | "基准县" | "个人";

export type ItemType = "score" | "bonus" | "deduction" | "veto";

export type InputKind =
  | "ratio" // an Excel fraction in [0, 1]; 12% is 0.12
  | "count" // a whole number ≥ 0
  | "rank" // a whole number ≥ 1
  | "flag" // yes/no: TRUE/FALSE, 1/0, 是/否
  | "points" // a score already computed elsewhere (e.g. 评查得分), within [min, max]
  | "monthly"; // twelve ratios or counts, one per month (2023-12 … 2024-11), as one range

export interface InputSpec {
  /** Chinese name shown in help and errors: "完成比例". */
  name: string;
  kind: InputKind;
  /** Unit for display: "%", "项", "件", "次", "人", "名", "分". */
  unit: string;
  min?: number;
  max?: number;
  /** Optional inputs may be left empty (null); the rule says what empty means. */
  optional?: boolean;
  /**
   * This input is the sum of the scores of these items (ids in the same set); the 评分表 passes them
   * by reference. Set on the earned-points inputs of "扣完该项分值为止" deductions (攻坚13 ["12"]) and
   * of the "该项不得分" clauses (攻坚44 ["42"] and ["43"]).
   */
  scoreOf?: string[];
  /**
   * A word the cell may hold instead of a value, meaning "this item does not apply" (攻坚43 "未纳入":
   * the candidate was not in the remote rounds, line 215). Coerced to null; the item answers 0.
   */
  orText?: string;
}

/** A band: value in [from, to) — or [from, to] when toInclusive — earns points. */
export interface Band {
  from: number;
  to: number | null; // null: no upper end
  toInclusive?: boolean;
  points: number;
}

export interface RuleItem {
  /** 攻坚: "1".."51"; others: documented in src/core/rules/README or catalog file. */
  id: string;
  set: RuleSetId;
  level1: string; // 一级指标, e.g. "队伍建设与管理"
  level2: string; // 二级指标
  name: string; // e.g. "规范建设"
  maxPoints: number; // 分值; for a deduction, its cap (positive); for a veto, 0
  type: ItemType;
  inputs: InputSpec[];
  /** Band tables as data, when the rule is banded (checked for gaps and overlaps by tests). */
  bands?: Band[][];
  /** The rule in the province's words (Chinese). */
  rule: string;
  /** Where it comes from: "source-2024-panjin-dalianbing.txt 第195行 附件4". */
  source: string;
  /** The heading the item sits under in the source, when it is one of several (e.g. "机构规范化建设"). */
  group?: string;
  /** How the catalog reads the rule where the source leaves a choice (Chinese, shown in help). */
  note?: string;
  /**
   * A 分解表自设项 that 附件4 does not have (攻坚21): shown apart in the 评分表 and not counted in the
   * province's total (docs/design.md §4 Totals); the bonus maximum stays 附件4's 3分.
   */
  outsideProvince?: true;
}

export type ScoreOutcome =
  | { kind: "points"; points: number }
  | { kind: "veto"; text: string } // e.g. "否决"
  | { kind: "error"; message: string }; // Chinese, names the parameter and what was expected

/** A raw input as it arrives from a cell: number, text, boolean, empty, or a range (2-D). */
export type RawInput = number | string | boolean | null | RawInput[][];
