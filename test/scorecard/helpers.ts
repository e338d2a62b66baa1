/** What the 评分表 tests import: the core module, and the month names as the sheet shows them. */
export * from "../../src/core/scorecard";
export { CAMPAIGN_MONTHS as CAMPAIGN_MONTHS_ROW } from "../../src/core/rules";
