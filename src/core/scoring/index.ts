/** Generic scoring calculators (issue 3 §2): pure, 4-decimal results, Chinese errors. */
export { round4, reaches, EPSILON } from "./round";
export { InputError, showReceived, isExcelErrorValue, type InputErrorKind } from "./errors";
export { CALCULATOR_PARAMS, type CalculatorId, type ParamHelp } from "./params";
export { tier, perUnit, deduct, monthly, tierRank, proportion, step, wholeSteps } from "./calculators";
export type { Cell } from "./calculators";
export { findBand, bandPoints, checkBandTable } from "./bands";
