/**
 * Milestone engine: Chinese deadline phrases -> milestones; status against an as-of date.
 * The API is listed at the end of ./types.ts.
 */
export { parseMilestones } from "./parse";
export { parseDoneList, isMilestoneDone, addDoneLabel } from "./done";
export { milestoneStatus, worstStatus } from "./status";
export { addWorkingDays, type WorkingDaysResult } from "./workingDays";
export { yearFromTitle } from "./year";
