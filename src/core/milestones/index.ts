/**
 * Milestone engine: Chinese deadline phrases -> milestones; status against an as-of date.
 * The API is listed at the end of ./types.ts.
 */
export { parseMilestones, readMilestones } from "./parse";
export { parseDoneList, readDoneList, isMilestoneDone, addDoneLabel, type DoneReading } from "./done";
export { milestoneStatus, worstStatus } from "./status";
export { addWorkingDays, countWorkingDays, type WorkingDaysResult } from "./workingDays";
export { relativeDue, startNeeded, withStartDate } from "./relative";
export { yearFromTitle } from "./year";
