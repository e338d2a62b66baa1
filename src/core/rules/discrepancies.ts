/**
 * Where the 分解表 text in a sheet says other points than the province's 评审细则 (docs/design.md §4 "Where
 * the source documents disagree"; issue 7 §1.7). Every entry names its 序号.
 * - 攻坚 table: each 攻坚 item that can disagree carries a probe (gongjian.ts) run on the row's
 *   攻坚任务 text: rows 15, 21, 29, 35, 36, 38, 42, 47, 50 of the source.
 * - 基准 table: its 评审内容 cells (source lines 149–187) against 附件5 (lines 228–248), row by row,
 *   by the probes below; and 附件5's 序号10 练兵成效 (line 246), which the table has no row for.
 * Rows whose text agrees with the 附件 get nothing.
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

// ---- 基准 table against 附件5 -------------------------------------------------------------------

interface JizhunProbe {
  /** 附件5 序号 the clause belongs to (the table's 序号 column). */
  serial: string;
  /** 附件5 item id ("2.2.2"), for the message. */
  item: string;
  /** Where 附件5 says it. */
  provinceLine: number;
  /** Whether the difference changes a score (true) or only what counts (false). */
  scored: boolean;
  /** The message when the text (spaces removed, full width folded) shows the table's variant. */
  check: (text: string) => string | null;
}

const j5 = (line: number) => `省评审细则（附件5第${line}行）`;

const JIZHUN_PROBES: JizhunProbe[] = [
  {
    serial: "1", item: "1.4.1", provinceLine: 230, scored: true,
    // Table line 154: "在 2024年期间获得…"; 附件5: "在2023年、2024年期间".
    check: (t) => (/集体荣誉\(2分\)。在2024年期间/.test(t) ? `基准序号1“集体荣誉”：表中只计2024年期间的荣誉，${j5(230)}为2023年、2024年期间，评分按附件5。` : null),
  },
  {
    serial: "1", item: "1.4.3", provinceLine: 230, scored: true,
    check: (t) =>
      t.includes("主要负责同志奖励表扬")
        ? `基准序号1“奖励激励(3)”：表中写“获得市委市政府主要负责同志奖励表扬的，得1分”，${j5(230)}为“2024年市委市政府主要负责同志作出批示的，得1分”，评分按附件5（批示）。`
        : null,
  },
  {
    serial: "1", item: "1.5", provinceLine: 230, scored: false,
    check: (t) => (t.includes("标识不准确") ? `基准序号1“统一着装持证”：表中另列“标识不准确”情形，${j5(230)}无此情形，扣分按附件5。` : null),
  },
  {
    serial: "2", item: "2.1.2", provinceLine: 231, scored: false,
    check: (t) =>
      t.includes("发现异常线索,并现场查实")
        ? `基准序号2“自动监测运行管理(2)”：表中写“发现异常线索，并现场查实”，${j5(231)}为“采取直接派员、飞行检查等方式查实…影响有效传输率的”，扣分按附件5。`
        : null,
  },
  {
    serial: "2", item: "2.2.1", provinceLine: 231, scored: true,
    check: (t) =>
      /线索识别\(2分\)。[^。]*两种以上[^。]*得2分/.test(t)
        ? `基准序号2“线索识别”：表中为运用两种以上平台发现线索并查办处罚的得2分，${j5(231)}为每件得1分（最高2分），评分按附件5。`
        : null,
  },
  {
    serial: "2", item: "2.2.2", provinceLine: 233, scored: true,
    check: (t) => {
      const hit = /线索查办\(3分\)。[^。]*每依法查办1件得([\d.]+)分/.exec(t);
      return hit && Number(hit[1]) !== 1
        ? `基准序号2“线索查办”：表中写“每依法查办1件得${hit[1]}分”，${j5(233)}为每件得1分（最高3分），评分按附件5。`
        : null;
    },
  },
  {
    serial: "2", item: "2.3.1", provinceLine: 234, scored: true,
    check: (t) => {
      const hit = /现场执法人员比例\(3分\)。[^。]*统计比例在(\d+)%以上/.exec(t);
      return hit && Number(hit[1]) !== 80
        ? `基准序号2“现场执法人员比例”：表中门槛为${hit[1]}%，${j5(234)}为80%（每月80%以上得0.2分，每月均达80%以上得3分），评分按附件5。`
        : null;
    },
  },
  {
    serial: "3", item: "3.2.1", provinceLine: 236, scored: false,
    check: (t) =>
      t.includes("不少于30%的县级生态环境执法机构")
        ? `基准序号3“稽查开展情况(1)”：表中写“不少于30%的县级生态环境执法机构”，${j5(236)}为“下级生态环境执法机构或派出机构”，评分按附件5。`
        : null,
  },
  {
    serial: "5", item: "5.1", provinceLine: 238, scored: false,
    check: (t) =>
      t.includes("新装备运用情况") && !t.includes("无人机")
        ? `基准序号5“新装备运用情况”：表中所列新装备少于${j5(238)}（附件5另有无人机、走航车、管道机器人、管道快速检测、遥感监测等），评分按附件5。`
        : null,
  },
  {
    serial: "5", item: "5.3", provinceLine: 240, scored: false,
    check: (t) =>
      t.includes("执法联动机制建立和执行情况") && !t.includes("跨市级区域流域")
        ? `基准序号5“执法联动机制建立和执行情况”：表中未写“(跨市级区域流域)”，${j5(240)}限于跨市级区域流域的联动机制，评分按附件5。`
        : null,
  },
  {
    serial: "7", item: "7.2", provinceLine: 242, scored: true,
    check: (t) =>
      t.includes("典型案例发布类") && t.includes("轻微免罚、执法稽查的")
        ? `基准序号7“典型案例发布类型”：表中新领域未列“自然保护区环境污染和生态破坏”，${j5(242)}列有此类（每类0.5分），评分按附件5。`
        : null,
  },
  {
    serial: "8", item: "8.1", provinceLine: 244, scored: true,
    check: (t) => {
      const hit = /排名前(\d+)%人员的平均成绩/.exec(t);
      return hit && Number(hit[1]) !== 50
        ? `基准序号8“现场监督帮扶表现”：表中写“综合评分排名前${hit[1]}%人员的平均成绩”，${j5(244)}为前50%，评分按附件5。`
        : null;
    },
  },
  {
    serial: "8", item: "8.2", provinceLine: 244, scored: true,
    check: (t) =>
      t.includes("远程监督帮扶表现(4分)") && !t.includes("取平均值")
        ? `基准序号8“远程监督帮扶表现”：表中未写“参加多个轮次的，得分取平均值”，${j5(244)}按各轮平均计分，评分按附件5。`
        : null,
  },
  {
    serial: "8", item: "8.3", provinceLine: 244, scored: false,
    check: (t) =>
      t.includes("廉政纪律方面(扣分项)")
        ? `基准序号8“廉政纪律方面”：表中标为扣分项，${j5(244)}标为否决项；两处都写“该项不得分”，按“大气监督帮扶”得0分计（扣回8.1、8.2得分），不取消参评资格。`
        : null,
  },
  {
    serial: "9", item: "9.2", provinceLine: 245, scored: false,
    check: (t) =>
      t.includes("比武形式(2分)") && !t.includes("联合执法")
        ? `基准序号9“比武形式”：表中未列“联合执法”方式，${j5(245)}含交叉检查、非现场监管巡查、联合执法等方式，评分按附件5。`
        : null,
  },
];

/** The 附件5 序号 whose 分解表 text is checked (for tests and docs). */
export const JIZHUN_PROBED: readonly { serial: string; item: string; provinceLine: number; scored: boolean }[] =
  JIZHUN_PROBES.map(({ serial, item, provinceLine, scored }) => ({ serial, item, provinceLine, scored }));

/**
 * Chinese messages for a 基准 分解表 评审内容 cell that says otherwise than 附件5. Each message names
 * the clause's own 附件5 序号; `_serial` (the row's, possibly inherited from the block above) is
 * accepted for symmetry with findDiscrepancies.
 */
export function findJizhunDiscrepancies(_serial: string, contentText: string): string[] {
  if (typeof contentText !== "string" || contentText.trim() === "") return [];
  const text = normalizeDigits(contentText);
  const out: string[] = [];
  // Each clause names its own 附件5 序号: a 基准 sub-row's inherited 序号 may be the block above.
  for (const probe of JIZHUN_PROBES) {
    const message = probe.check(text);
    if (message) out.push(message);
  }
  return out;
}

/** 附件5 序号 a 基准 分解表 must have: 1–11 (lines 228–248). */
const JIZHUN_SERIALS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"];
const JIZHUN_NAMES: Record<string, string> = { "10": "练兵成效（表现突出集体和个人覆盖情况，加分项，第246行）" };

/** Messages for 附件5 序号 the 基准 分解表 has no row for (the source's table lacks 序号10). */
export function missingJizhunRows(serialsInTable: readonly string[]): string[] {
  const present = new Set(serialsInTable.map((s) => String(Number(String(s).trim()))));
  return JIZHUN_SERIALS.filter((s) => !present.has(s)).map(
    (s) => `基准序号${s}${JIZHUN_NAMES[s] ? `“${JIZHUN_NAMES[s]}”` : ""}：省评审细则（附件5）有此项，分解表没有这一行；评分表仍按附件5计分。`,
  );
}
