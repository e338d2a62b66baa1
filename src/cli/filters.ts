/**
 * `scan --person NAME` and `--lead 部门`: keep the milestones of one person (as 盯办人, 责任人 or
 * 分管领导) or of one 牵头部门. A cell may name several ("王江、李庆海"): each name counts.
 */
import { emptyCounts } from "../core/scan";
import type { ScannedMilestone, ScanResult } from "../core/scan/types";
import type { ReportFilters } from "./report";

/** Names in one cell: split at 、 , ， ; ； / and spaces (full-width too). */
function namesIn(cell: string): string[] {
  return cell
    .split(/[、,，;；/／\s\u3000]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

const fold = (s: string) => s.replace(/[\s\u3000]+/g, "");

function names(m: ScannedMilestone): string[] {
  return namesIn(m.owners.盯办人).concat(namesIn(m.owners.责任人), namesIn(m.owners.分管领导));
}

function matches(cellNames: string[], cell: string, wanted: string): boolean {
  const w = fold(wanted);
  return fold(cell) === w || cellNames.some((n) => fold(n) === w);
}

export type FilterOutcome = { ok: true; result: ScanResult } | { ok: false; message: string };

/**
 * The scan with only the matching milestones and their counts. A name that matches no milestone at all
 * is an error naming the people (or departments) the workbook has, so a typo is seen at once.
 */
export function filterScan(result: ScanResult, filters: ReportFilters): FilterOutcome {
  let milestones = result.milestones;
  const { person, lead } = filters;
  if (person !== undefined) {
    milestones = milestones.filter((m) =>
      (["盯办人", "责任人", "分管领导"] as const).some((role) => matches(namesIn(m.owners[role]), m.owners[role], person)),
    );
    if (milestones.length === 0) {
      const known = distinct(result.milestones.flatMap(names));
      return { ok: false, message: `没有盯办人、责任人或分管领导为“${person}”的节点。${choices("表中的人员", known)}` };
    }
  }
  if (lead !== undefined) {
    const before = milestones;
    milestones = milestones.filter((m) => matches(namesIn(m.lead), m.lead, lead));
    if (milestones.length === 0) {
      const known = distinct(before.flatMap((m) => namesIn(m.lead)));
      const whose = person !== undefined ? `“${person}”的节点中` : "";
      return { ok: false, message: `${whose}没有牵头部门为“${lead}”的节点。${choices(person !== undefined ? "这些节点的牵头部门" : "表中的牵头部门", known)}` };
    }
  }
  const counts = emptyCounts();
  for (const m of milestones) counts[m.status] += 1;
  return { ok: true, result: { ...result, milestones, counts } };
}

function distinct(values: string[]): string[] {
  // "——" and the like stand for "nobody" in the tables: not a name to offer.
  return Array.from(new Set(values.filter((v) => !/^[-—－–_]+$/.test(v)))).sort((a, b) => a.localeCompare(b, "zh-CN"));
}

function choices(what: string, known: string[]): string {
  if (known.length === 0) return "工作簿中没有填写。";
  const shown = known.slice(0, 30).join("、") + (known.length > 30 ? `等${known.length}个` : "");
  return `${what}：${shown}。`;
}
