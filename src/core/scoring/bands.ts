/**
 * Band tables (src/core/rules/types.ts Band): a value in [from, to) — or [from, to] when
 * toInclusive — earns the band's points. Catalog items keep their tables as data, written from the
 * province's boundary words (docs/design.md §4): 以上/以下/以内/及以上 include the number, 不满/不足/超过/
 * 低于/以外 exclude it, and a range "a-b" is [a, b) when a higher band already claims b.
 */
import type { Band } from "../rules/types";
import { EPSILON } from "./round";
import { round4 } from "./round";

function inBand(value: number, band: Band): boolean {
  if (value < band.from - EPSILON) return false;
  if (band.to === null) return true;
  return band.toInclusive ? value <= band.to + EPSILON : value < band.to - EPSILON;
}

/** The band holding value, or null when none does. */
export function findBand(value: number, bands: readonly Band[]): Band | null {
  for (let i = 0; i < bands.length; i++) {
    if (inBand(value, bands[i])) return bands[i];
  }
  return null;
}

/** The points of the band holding value; 0 when no band holds it. */
export function bandPoints(value: number, bands: readonly Band[]): number {
  const band = findBand(value, bands);
  return band === null ? 0 : round4(band.points);
}

/**
 * Problems of a band table, in Chinese: a gap, an overlap, an open end in the middle, or a table
 * that does not start at `domainMin` / end at `domainMax` (null: open-ended). Empty when sound.
 */
export function checkBandTable(
  bands: readonly Band[],
  domainMin: number,
  domainMax: number | null,
): string[] {
  const problems: string[] = [];
  if (bands.length === 0) return ["分档表为空"];
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  if (Math.abs(sorted[0].from - domainMin) > EPSILON) {
    problems.push(`分档表从 ${sorted[0].from} 开始，未覆盖 ${domainMin} 至 ${sorted[0].from}`);
  }
  for (let i = 0; i < sorted.length; i++) {
    const band = sorted[i];
    if (band.to !== null && band.to < band.from) problems.push(`分档 [${band.from}, ${band.to}) 上下限颠倒`);
    const next = sorted[i + 1];
    if (!next) break;
    if (band.to === null) {
      problems.push(`分档 [${band.from}, 无上限) 与其后的分档 [${next.from}, …) 重叠`);
      continue;
    }
    if (next.from > band.to + EPSILON) {
      problems.push(`分档之间有空档：${band.to} 至 ${next.from}`);
    } else if (next.from < band.to - EPSILON) {
      problems.push(`分档重叠：[${band.from}, ${band.to}) 与 [${next.from}, …)`);
    } else if (band.toInclusive) {
      problems.push(`分档重叠：${band.to} 同时属于两个分档`);
    }
  }
  const last = sorted[sorted.length - 1];
  if (domainMax === null) {
    if (last.to !== null) problems.push(`最后一档止于 ${last.to}，更大的值没有分档`);
  } else if (last.to !== null) {
    if (Math.abs(last.to - domainMax) > EPSILON) {
      problems.push(`最后一档止于 ${last.to}，未覆盖到 ${domainMax}`);
    } else if (!last.toInclusive) {
      problems.push(`最后一档不含上限 ${domainMax}`);
    }
  }
  return problems;
}
