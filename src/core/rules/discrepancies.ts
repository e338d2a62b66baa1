/**
 * Where the 分解表 text in a sheet says other points than the province's 评审细则 (docs/design.md §4 "Where
 * the source documents disagree"). Each 攻坚 item that can disagree carries a probe (see gongjian.ts);
 * rows whose text agrees with 附件4 get nothing.
 */
import { normalizeDigits } from "./gongjian";
import { ENTRIES } from "./catalog";
import type { CatalogEntry } from "./define";

const PROBE_BY_SERIAL = new Map<string, NonNullable<CatalogEntry["probe"]>>();
for (const e of ENTRIES["攻坚"]) if (e.probe) PROBE_BY_SERIAL.set(e.item.id, e.probe);

/** The 攻坚 序号 whose 分解表 text is checked against 附件4. */
export const PROBED_SERIALS: readonly string[] = [...PROBE_BY_SERIAL.keys()];

/** The points a text awards or states, in order: "得0.5分", "扣1分", "(3分)" → 0.5, 1, 3. */
export function pointsWrittenIn(text: string): number[] {
  const out: number[] = [];
  const re = /(\d+(?:\.\d+)?)分(?!之|钟|别|类|数|项|档|值)/g;
  const normal = normalizeDigits(text);
  let hit: RegExpExecArray | null;
  while ((hit = re.exec(normal)) !== null) out.push(Number(hit[1]));
  return out;
}

/**
 * Chinese messages for the points written in a 攻坚任务 cell that differ from the catalog (附件4),
 * for the 攻坚 序号 `serial`; empty when they agree or the row has nothing to compare.
 */
export function findDiscrepancies(serial: string, taskText: string): string[] {
  if (typeof taskText !== "string" || taskText.trim() === "") return [];
  const key = String(Number(String(serial).trim()));
  const probe = PROBE_BY_SERIAL.get(key);
  if (!probe) return [];
  const message = probe(taskText);
  return message ? [message] : [];
}
