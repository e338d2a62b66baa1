/**
 * Rule catalogs and item scoring (issue 3 §1, §3, §5). See catalog.ts for the id scheme and
 * gongjian.ts / jizhun.ts / geren.ts for how each document is read.
 */
export type { RuleSetId, ItemType, InputKind, InputSpec, Band, RuleItem, ScoreOutcome, RawInput } from "./types";
export { RULE_SETS, RULE_SET_IDS, LEVEL1_TOTALS, LEVEL1_STATED, findItem, retiredIdMessage } from "./catalog";
export { scoreItem, VETO_TEXT } from "./score";
export {
  pointsWrittenIn,
  findDiscrepancies,
  PROBED_SERIALS,
  findJizhunDiscrepancies,
  missingJizhunRows,
  JIZHUN_PROBED,
} from "./discrepancies";
export {
  ITEM_TYPE_ZH,
  RULE_SET_ZH,
  describeInputs,
  describeItem,
  pointsText,
  ruleWithNote,
  formatRulesCatalog,
} from "./format";
export { expectedText, listExpectedInputs, CAMPAIGN_MONTHS } from "./coerce";
export { sampleValidInputs } from "./samples";
export { computeTotals, bonusMaximum, floorIdsOf, forfeitedHeading, maxReachable, type ItemScore, type SetTotals } from "./totals";
export { kindText } from "./format";
