/**
 * 攻坚 catalog: 附件4 表现突出集体攻坚任务评审细则 (source lines 189–220), each item addressed by the
 * 序号 (1–51) of the city's 攻坚任务责任分解表 (source lines 23–145). Ids are "1".."51"; findItem also
 * takes 5, "5" and "攻坚5".
 *
 * The city is scored by 附件4, so every rule follows it (docs/design.md §4); where the 分解表 row says
 * otherwise, the row carries a probe that findDiscrepancies runs on the sheet's 攻坚任务 text.
 * Decisions where 分解表 rows and 附件4 items do not line up one to one:
 * - Row 21 (执法处罚一体化建设, 加1分, line 74) is not in 附件4 (it is in 附件5 line 234 for 基准): a
 *   分解表自设项 (outsideProvince), scored as the row says but shown apart and not counted in the
 *   province's total; the bonus maximum stays 附件4's 3分 (line 218).
 * - Rows 35–38 (案卷评查): 附件4 line 211/213 has 1. 组织评查工作 2分 (row 34), 2. 案卷质量 7分 按比例赋分
 *   with 2(2) 抽查通报 扣分项, 3. 三项制度 3分, 4. 行政处罚系统录入情况 5分. The 分解表 gives 案卷质量 6分
 *   (rows 35 and 36) and puts 1分 "移动执法终端使用情况" into row 38 next to 录入情况. Mapping:
 *   row 35 = 案卷质量 (7分, 附件4), row 36 = 抽查通报 (扣分项, the text row 36 carries),
 *   row 37 = 三项制度 (3分), row 38 = 行政处罚系统录入情况 (5分); the table's 1分 移动执法终端 item has no
 *   counterpart in 附件4 (its 1分 is inside 案卷质量 7分); rows 35, 36 and 38 each report their own
 *   difference.
 * - Rows 39 and 40 both carry 附件4's 典型案例发布类型 (3分). The province caps its two clauses
 *   separately (重点三类 每类1分 最高2分; 新领域 每类0.5分 最高1分), so row 39 is the first clause and
 *   row 40 the second: 2 + 1 = 3.
 * - Row 50 follows 附件4 line 218: 获奖县区数 × 0.2分, at most 1分; the 分解表's 覆盖比例 bands
 *   (line 143) are reported as a discrepancy.
 * - Rows 42–44 (大气监督帮扶 20分, line 215): 未纳入远程监督帮扶 moves 43's 4分 into 42 (16/10/6/4
 *   scaled by 20/16); rounds of both the ministry and the province weigh 80%/20% (optional
 *   provincial inputs); 44 "该项不得分" is a deduction that takes back 42 + 43, not a veto.
 * - Deductions without a stated cap in 附件4 (rows 17, 20) are capped at the 分值 of the heading
 *   they sit under ("扣完该项分值为止" reading), stated in their notes.
 */
import { bandPoints } from "../scoring/bands";
import { monthly, perUnit, proportion } from "../scoring/calculators";
import { InputError } from "../scoring/errors";
import { foldWidth } from "../width";
import type { Band } from "./types";
import {
  type CatalogEntry,
  type Coerced,
  count,
  entry,
  flag,
  max,
  min,
  months,
  num,
  points,
  pointsOrWord,
  positiveCount,
  rank,
  ratio,
  scoreOf,
  VETO,
} from "./define";

const L1 = "队伍建设与管理";
const L2 = "日常监督执法工作";
const L3 = "实战练兵";
const L4 = "创新与成效";
const L5 = "廉政纪律";

/** 分解表 line of each 序号 (source lines 23–145). */
const TABLE_LINE: Record<number, number> = {
  1: 26, 2: 27, 3: 32, 4: 33, 5: 34, 6: 39, 7: 40, 8: 45, 9: 46, 10: 47, 11: 52, 12: 53, 13: 54,
  14: 59, 15: 60, 16: 61, 17: 62, 18: 67, 19: 68, 20: 69, 21: 74, 22: 75, 23: 76, 24: 77, 25: 78,
  26: 83, 27: 84, 28: 89, 29: 90, 30: 95, 31: 96, 32: 101, 33: 102, 34: 107, 35: 108, 36: 113,
  37: 114, 38: 119, 39: 120, 40: 121, 41: 122, 42: 127, 43: 128, 44: 129, 45: 134, 46: 135,
  47: 136, 48: 137, 49: 142, 50: 143, 51: 144,
};

function src(serial: number, line: number): string {
  return `source-2024-panjin-dalianbing.txt 第${line}行 附件4；分解表序号${serial}（第${TABLE_LINE[serial]}行）`;
}

const g = (spec: Parameters<typeof entry>[1]): CatalogEntry => entry("攻坚", spec);
const m = (v: Coerced): (number | null)[] => v as (number | null)[];

/** First number captured by `pattern` in text (full-width digits read as ASCII), or null. */
function captured(text: string, pattern: RegExp): number[] | null {
  const hit = normalizeDigits(text).match(pattern);
  if (!hit) return null;
  return hit.slice(1).map(Number);
}

/** A cell's text for the probes: full-width folded (core/width.ts), spaces removed. */
export function normalizeDigits(text: string): string {
  return foldWidth(text).replace(/\s+/g, "");
}

// ---- band tables (boundary words per docs/design.md §4) -------------------------------------------------

/** Row 1, line 196: 15%及以上 3分；10%-15% 2分；5%-10% 1分；不足5% 0分. */
export const BANDS_1: Band[] = [
  { from: 0, to: 0.05, points: 0 },
  { from: 0.05, to: 0.1, points: 1 },
  { from: 0.1, to: 0.15, points: 2 },
  { from: 0.15, to: 1, toInclusive: true, points: 3 },
];
/** Row 2 ①, line 196: 28项标配中完成25项 2分；20-25项 1.5分；不足20项 0分. */
export const BANDS_2_STANDARD: Band[] = [
  { from: 0, to: 20, points: 0 },
  { from: 20, to: 25, points: 1.5 },
  { from: 25, to: 28, toInclusive: true, points: 2 },
];
/** Row 2 ②, line 196: 选配10项及以上 1分；6-10项 0.5分；不足6项 0分. */
export const BANDS_2_OPTIONAL: Band[] = [
  { from: 0, to: 6, points: 0 },
  { from: 6, to: 10, points: 0.5 },
  { from: 10, to: null, points: 1 },
];
/** Row 23, line 205: 不少于50%的下级执法机构 3分. */
export const BANDS_23: Band[] = [
  { from: 0, to: 0.5, points: 0 },
  { from: 0.5, to: 1, toInclusive: true, points: 3 },
];
/** Row 29, line 207: 比值40%以上 1分；30%-40% 0.5分；30%以下 0分 (30% itself: the higher band). */
export const BANDS_29: Band[] = [
  { from: 0, to: 0.3, points: 0 },
  { from: 0.3, to: 0.4, points: 0.5 },
  { from: 0.4, to: 1, toInclusive: true, points: 1 },
];
/**
 * Row 42, line 215, over ranks: 前10名 16分；10-15名 10分；15-20名 6分；20名以下 4分. Ranks are
 * better when smaller, so the shared edge goes to the better band: 10 → 16分, 15 → 10分, 20 → 6分.
 */
export const BANDS_42: Band[] = [
  { from: 1, to: 11, points: 16 },
  { from: 11, to: 16, points: 10 },
  { from: 16, to: 21, points: 6 },
  { from: 21, to: null, points: 4 },
];
/**
 * Row 42 for a candidate not in the remote rounds (line 215: "相应分值纳入现场监督帮扶表现分值"):
 * 43's 4分 move into 42, so each band is scaled by 20/16: 20 / 12.5 / 7.5 / 5.
 */
export const BANDS_42_NO_REMOTE: Band[] = BANDS_42.map((b) => ({ ...b, points: (b.points * 20) / 16 }));

export const GONGJIAN_ENTRIES: CatalogEntry[] = [
  // ---------------- 一、队伍建设与管理（33分） / 队伍建设（16分） ----------------
  g({
    id: "1", level1: L1, level2: "队伍建设", group: "机构规范化建设", name: "规范建设", maxPoints: 3, type: "score",
    inputs: [ratio("完成比例")],
    bands: [BANDS_1],
    rule: "规范建设(3分)。按照省内统一要求，完成市本级和辖区内15%及以上生态环境执法机构规范化建设的，得3分；完成10%-15%的，得2分；完成5%-10%的，得1分；不足5%的，不得分。",
    source: src(1, 196),
    score: (v) => bandPoints(num(v[0]), BANDS_1),
  }),
  g({
    id: "2", level1: L1, level2: "队伍建设", group: "机构规范化建设", name: "装备配备", maxPoints: 3, type: "score",
    inputs: [count("标配项数", "项", 28), count("选配项数", "项")],
    bands: [BANDS_2_STANDARD, BANDS_2_OPTIONAL],
    rule: "装备配备(3分)。①按照《装备指导标准》中28项标配装备要求，完成25项类别配备的，得2分；完成20-25项的，得1.5分；配备不足20项的，不得分。②辖区内市级生态环境执法机构结合实际情况，配备10项及以上选配装备的，得1分；配备6-10项的，得0.5分；配备不足6项的，不得分。",
    source: src(2, 196),
    score: (v) => bandPoints(num(v[0]), BANDS_2_STANDARD) + bandPoints(num(v[1]), BANDS_2_OPTIONAL),
  }),
  g({
    id: "3", level1: L1, level2: "队伍建设", group: "机构规范化建设", name: "统一标识", maxPoints: 1, type: "score",
    inputs: [flag("执法执勤车辆完成统一标识"), flag("其他办公场所或执法装备统一标识")],
    rule: "统一标识(1分)。完成执法执勤车辆统一标识的，得0.8分(纳入政府公车管理或通过购买服务方式租车的地区提供相关说明材料)；在其他办公场所或执法装备上统一标识的，得0.2分。",
    source: src(3, 198),
    score: (v) => 0.8 * num(v[0]) + 0.2 * num(v[1]),
  }),
  g({
    id: "4", level1: L1, level2: "队伍建设", group: "机构规范化建设", name: "统一着装持证", maxPoints: 2, type: "deduction",
    inputs: [count("被发现次数", "次")],
    rule: "统一着装持证(扣分项)。生态环境部在日常工作调度中发现未规范着装、未按要求规范亮证执证等情况的，每发现一次扣0.2分，最多扣2分。",
    source: src(4, 198),
    score: (v) => -min(0.2 * num(v[0]), 2),
  }),
  g({
    id: "5", level1: L1, level2: "队伍建设", group: "执法培训", name: "岗位培训", maxPoints: 1, type: "score",
    inputs: [ratio("培训覆盖比例")],
    rule: "岗位培训(1分)。以2023年11月30日辖区内所有生态环境执法机构在编在岗执法人员数为基准，省级岗位培训覆盖30%及以上人员的，得1分。",
    source: src(5, 198),
    score: (v) => (num(v[0]) >= 0.3 - 1e-9 ? 1 : 0),
  }),
  g({
    id: "6", level1: L1, level2: "队伍建设", group: "执法培训", name: "基地运用", maxPoints: 0.5, type: "score",
    inputs: [flag("参加省级实战实训基地现场实训")],
    rule: "基地运用(0.5分)。参加省级组织运用省级实战实训基地进行现场实战实训的，得0.5分。",
    source: src(6, 198),
    score: (v) => 0.5 * num(v[0]),
  }),
  g({
    id: "7", level1: L1, level2: "队伍建设", group: "执法培训", name: "师资培养", maxPoints: 0.5, type: "score",
    inputs: [count("入库人数", "人")],
    rule: "师资培养(0.5分)。入选省级执法人才库(含师资库)的，每人得0.1分。",
    note: "每人0.1分，以本项分值0.5分为上限。",
    source: src(7, 198),
    score: (v) => perUnit(num(v[0]), 0.1, 0.5),
  }),
  g({
    id: "8", level1: L1, level2: "队伍建设", group: "奖励激励", name: "集体荣誉", maxPoints: 2, type: "score",
    inputs: [flag("获得国家颁发荣誉"), flag("获得省委省政府颁发荣誉"), count("省级部门及群团组织颁发荣誉项数", "项")],
    rule: "集体荣誉(2分)。在2023年、2024年获得国家颁发的“全国先进基层党组织”“人民满意公务员集体”“全国生态环境系统先进集体”等荣誉的，得2分；获得省委省政府颁发荣誉的，得1.5分；获得省组织部门、机关工委、人事部门、群团组织、总工会等颁发“先进基层党组织”“工人先锋号”等荣誉的，每1项得1分。",
    note: "各项荣誉累加，以本项分值2分为上限。",
    source: src(8, 199),
    score: (v) => min(2 * num(v[0]) + 1.5 * num(v[1]) + num(v[2]), 2),
  }),
  g({
    id: "9", level1: L1, level2: "队伍建设", group: "奖励激励", name: "表扬嘉奖", maxPoints: 2, type: "score",
    inputs: [flag("经组织或人社部门批准记功嘉奖"), flag("联合其他部门奖励或授予荣誉称号"), flag("单独奖励表扬")],
    rule: "表扬嘉奖(2分)。对2023年执法大练兵或污染防治攻坚战中表现突出的集体和个人，省级生态环境部门经过组织部门或人社部门批准记功嘉奖的，得2分；联合其他部门奖励或授予荣誉称号的，得1.5分；单独奖励表扬的，得1分。",
    note: "三种表扬按最高一种计分（2分、1.5分或1分），不累加。",
    source: src(9, 199),
    score: (v) => max(2 * num(v[0]), 1.5 * num(v[1]), num(v[2])),
  }),
  g({
    id: "10", level1: L1, level2: "队伍建设", group: "奖励激励", name: "领导批示", maxPoints: 1, type: "score",
    inputs: [flag("省级党委政府主要负责同志批示"), flag("省级政府分管负责同志批示")],
    rule: "2024年省级党委政府主要负责同志作出批示的，得1分；省级政府分管负责同志作出批示的，得0.5分。",
    note: "按最高一种批示计分。",
    source: src(10, 199),
    score: (v) => max(num(v[0]), 0.5 * num(v[1])),
  }),
  g({
    id: "11", level1: L1, level2: "队伍建设", name: "执法宣传", maxPoints: 2, type: "score",
    inputs: [flag("生态环境部“两微”平台铁军风采专栏刊发"), flag("部级媒体或省级主要新闻单位宣传报道"), flag("中央主要新闻单位宣传报道")],
    rule: "执法宣传(2分)。执法大练兵开展情况在生态环境部“两微”平台铁军风采专栏刊发的，得1分；在“中国环境报”“中国法制报”等部级媒体平台或省级主要新闻单位相关平台渠道宣传报道的，得0.5分；在人民日报社、光明日报社、新华社、中央广播电视总台等中央主要新闻单位相关平台渠道宣传报道的，得1分。该项最高得2分。",
    source: src(11, 201),
    score: (v) => min(num(v[0]) + 0.5 * num(v[1]) + num(v[2]), 2),
  }),
  // ---------------- 信息化建设与应用（11分） ----------------
  g({
    id: "12", level1: L1, level2: "信息化建设与应用", group: "自动监测运行管理", name: "自动监测数据传输率", maxPoints: 2, type: "score",
    inputs: [ratio("各月即时有效传输率最低值"), ratio("各月补全有效传输率最低值")],
    rule: "每月辖区内重点排污单位自动监测数据即时有效传输率和补全有效传输率均在95%以上的，得2分。",
    note: "填写12个月中最低的一个月的两项传输率；两项均达到95%（含）得2分，否则不得分。",
    source: src(12, 202),
    score: (v) => (num(v[0]) >= 0.95 - 1e-9 && num(v[1]) >= 0.95 - 1e-9 ? 2 : 0),
  }),
  g({
    id: "13", level1: L1, level2: "信息化建设与应用", group: "自动监测运行管理", name: "虚假标记查实", maxPoints: 2, type: "deduction",
    inputs: [count("查实次数", "次"), scoreOf("第12项得分", 2, ["12"])],
    rule: "生态环境部通过数据分析发现异常，并采取直接派员、飞行检查等方式查实虚假标记或虚假录入手工监测数据，影响有效传输率的，每发现1次扣0.5分，扣完该项分值为止。",
    note: "每次扣0.5分，扣完“自动监测运行管理”实得的分为止：填写第12项得分（评分表引用）时最多扣到该得分，留空时最多扣该标题分值2分。",
    source: src(13, 202),
    score: (v) => -min(0.5 * num(v[0]), v[1] === null ? 2 : num(v[1])),
  }),
  g({
    id: "14", level1: L1, level2: "信息化建设与应用", group: "非现场监管推进情况", name: "建立制度", maxPoints: 1, type: "score",
    inputs: [flag("制定或完善非现场监管执法规范")],
    rule: "建立制度(1分)。制定或完善非现场监管执法规范的，得1分。",
    source: src(14, 202),
    score: (v) => num(v[0]),
  }),
  g({
    id: "15", level1: L1, level2: "信息化建设与应用", group: "非现场监管推进情况", name: "线索识别", maxPoints: 1, type: "score",
    inputs: [count("查办并依法处罚件数", "件")],
    rule: "线索识别(1分)。省级参与或指导运用污染源自动监控、用电用能监控、视频监控、排污许可、卫星遥感等非现场监管执法平台，或者运用水质指纹溯源等新技术手段发现问题线索、并查办并依法处罚的，每件得0.5分。",
    note: "按附件4每件0.5分，最高1分（分解表写每件1分）。",
    source: src(15, 202),
    score: (v) => perUnit(num(v[0]), 0.5, 1),
    probe: (text) => {
      const hit = captured(text, /每件得([\d.]+)分/);
      if (!hit || hit[0] === 0.5) return null;
      return `序号15“线索识别”：表中写“每件得${hit[0]}分”，省评审细则（附件4）为每件得0.5分（最高1分），评分按附件4。`;
    },
  }),
  g({
    id: "16", level1: L1, level2: "信息化建设与应用", group: "非现场监管推进情况", name: "线索查办", maxPoints: 3, type: "score",
    inputs: [count("依法查办件数", "件"), count("全年推送线索件数", "件")],
    rule: "线索查办(3分)。对生态环境部推送涉及污染源自动监测数据、水质断面溯源、饮用水水源地、“清废行动”、自然保护地、危险废物等方面的问题线索，每依法查办1件得1分。全年未推送线索的，按照1.5分核算。",
    note: "每件1分，最高3分；全年推送线索件数为0时得1.5分；依法查办件数不能多于推送线索件数。",
    source: src(16, 202),
    score: (v) => {
      const handled = num(v[0]);
      const pushed = num(v[1]);
      if (pushed === 0) return 1.5;
      // Line 202: only pushed clues are 查办 here, so more cases than clues is a typing mistake.
      if (handled > pushed) {
        throw new InputError(`依法查办件数（${handled}件）不能多于全年推送线索件数（${pushed}件）`, "依法查办件数");
      }
      return perUnit(handled, 1, 3);
    },
  }),
  g({
    id: "17", level1: L1, level2: "信息化建设与应用", group: "非现场监管推进情况", name: "整改反馈", maxPoints: 5, type: "deduction",
    inputs: [flag("未按要求查办并及时反馈"), count("反馈不实或查处不到位件数", "件")],
    rule: "整改反馈(扣分项)。对生态环境部推送的问题线索，未按要求查办并及时反馈的，扣1分；被生态环境部发现反馈情况不实或问题线索查处不到位的，每件扣2分。",
    note: "附件4未写扣分上限，按所属“非现场监管推进情况”的5分扣完为止。",
    source: src(17, 202),
    score: (v) => -min(num(v[0]) + 2 * num(v[1]), 5),
  }),
  g({
    id: "18", level1: L1, level2: "信息化建设与应用", group: "执法记录及上报情况", name: "现场执法人员比例", maxPoints: 2, type: "score",
    inputs: [months("各月录入移动执法系统人员比例", "%", 1)],
    rule: "现场执法人员比例(2分)。2023年12月至2024年11月期间，每个月统计辖区内生态环境执法机构在编在岗持证人员录入移动执法系统的比例，统计比例在80%以上的，得0.1分；每月统计比例均达80%以上的，得2分。",
    note: "12个月的比例作为一个区域输入；空单元格按未达到计。",
    source: src(18, 204),
    score: (v) => monthly(m(v[0]), 0.8, 0.1, 2),
  }),
  g({
    id: "19", level1: L1, level2: "信息化建设与应用", group: "执法记录及上报情况", name: "执法数据报送", maxPoints: 2, type: "score",
    inputs: [months("各月人均有效检查记录数", "条")],
    rule: "执法数据报送(2分)。以辖区内生态环境执法机构在编在岗持证人员数量为基数，2023年12月至2024年11月期间，当月人均上报至部执法监管平台有效检查记录数量达到2条及以上的，得0.1分；每月人均检查记录数均达到2条以上的，得2分。",
    note: "12个月的人均条数作为一个区域输入；空单元格按未达到计。",
    source: src(19, 204),
    score: (v) => monthly(m(v[0]), 2, 0.1, 2),
  }),
  g({
    id: "20", level1: L1, level2: "信息化建设与应用", group: "执法记录及上报情况", name: "执法数据质量", maxPoints: 4, type: "deduction",
    inputs: [points("按问题占比按月扣分合计", 4, true), count("检查记录表填报不规范起数", "起"), count("处罚案件查询不到现场笔录起数", "起")],
    rule: "执法数据质量(扣分项)。移动执法系统数据存在完整性、规范性或时效性错误等质量问题的，根据问题占比按月扣分；移动执法系统中现场检查记录表信息填报不规范、内容与结论不一致的，每发现1起扣0.2分，最多扣1分；已作出行政处罚决定的案件在移动执法系统中查询不到现场检查(勘察)笔录等相关信息的，每发现1起扣0.5分，最多扣1分。",
    note: "按月扣分由省厅核定后填入（可留空）；附件4未写总上限，按所属“执法记录及上报情况”的4分扣完为止。",
    source: src(20, 204),
    score: (v) => -min(num(v[0]) + perUnit(num(v[1]), 0.2, 1) + perUnit(num(v[2]), 0.5, 1), 4),
  }),
  g({
    id: "21", level1: L1, level2: "信息化建设与应用", group: "执法记录及上报情况", name: "执法处罚一体化建设", maxPoints: 1, type: "bonus",
    inputs: [flag("实现全过程数据融合互通、闭环管理")],
    rule: "执法处罚一体化建设(加分项)。深化移动执法、行政处罚案件信息系统建设，实现执法现场检查、案源登记、调查取证、处罚决定等全过程数据信息融合互通，闭环式管理的，加1分。",
    note: "附件4未列此项，是分解表自设项（附件5第234行有同名加分项）：评分表中单列，不计入省厅总分，加分项上限仍为附件4的3分。",
    outsideProvince: true,
    source: `source-2024-panjin-dalianbing.txt 分解表序号21（第74行）；附件4无此项，附件5第234行同名加分项`,
    score: (v) => num(v[0]),
    probe: (text) =>
      text.trim() === ""
        ? null
        : "序号21“执法处罚一体化建设”：省评审细则（附件4）无此项，是分解表自设项（附件5第234行有同名加分项）；评分表中单列，不计入省厅总分。",
  }),
  // ---------------- 执法稽查（6分） ----------------
  g({
    id: "22", level1: L1, level2: "执法稽查", name: "稽查准备情况", maxPoints: 1, type: "score",
    inputs: [flag("制定执法稽查计划或方案"), flag("开展执法稽查培训")],
    rule: "稽查准备情况(1分)。按照《生态环境行政执法稽查办法》，制定执法稽查计划或方案，得0.5分；开展执法稽查培训的，得0.5分。",
    source: src(22, 205),
    score: (v) => 0.5 * num(v[0]) + 0.5 * num(v[1]),
  }),
  g({
    id: "23", level1: L1, level2: "执法稽查", group: "稽查开展情况", name: "下级执法机构稽查", maxPoints: 3, type: "score",
    inputs: [ratio("开展稽查的下级执法机构比例")],
    bands: [BANDS_23],
    rule: "按照稽查办法对本行政区域内不少于50%的下级生态环境执法机构或派出机构开展执法稽查的，得3分。",
    source: src(23, 205),
    score: (v) => bandPoints(num(v[0]), BANDS_23),
  }),
  g({
    id: "24", level1: L1, level2: "执法稽查", group: "稽查开展情况", name: "专项或专案稽查", maxPoints: 1, type: "score",
    inputs: [flag("开展专项或专案稽查")],
    rule: "结合工作实际开展专项或者专案稽查的，得1分。",
    source: src(24, 205),
    score: (v) => num(v[0]),
  }),
  g({
    id: "25", level1: L1, level2: "执法稽查", group: "稽查开展情况", name: "稽查报告报送", maxPoints: 1, type: "score",
    inputs: [flag("稽查报告按要求报送")],
    rule: "稽查报告按要求报送的，得1分。",
    source: src(25, 205),
    score: (v) => num(v[0]),
  }),
  g({
    id: "26", level1: L1, level2: "执法稽查", name: "稽查抽查情况", maxPoints: 4, type: "deduction",
    inputs: [count("稽查不规范被发现起数", "起"), count("问题未及时整改被发现起数", "起")],
    rule: "稽查抽查情况(扣分项)。被上级生态环境部门稽查发现存在稽查人员不符合条件、内容不完整、程序不符合规定、档案不完整等情形的，市级候选集体每被发现1起扣0.1分，最多扣2分。被上级生态环境部门稽查发现问题未及时整改到位的，市级候选集体每被发现1起扣0.5分，最多扣2分。",
    source: src(26, 205),
    score: (v) => -(perUnit(num(v[0]), 0.1, 2) + perUnit(num(v[1]), 0.5, 2)),
  }),
  // ---------------- 二、日常监督执法工作（41分） / 专项行动（13分） ----------------
  g({
    id: "27", level1: L2, level2: "专项行动", group: "“两打”专项行动", name: "涉危险废物案件办理情况", maxPoints: 4, type: "score",
    inputs: [count("办理案件数", "件"), positiveCount("基准案件数", "件")],
    rule: "涉危险废物案件办理情况(4分)。开展危险废物领域专项行动，加大案件办理力度，严厉查处各类环境违法行为，涉嫌环境污染犯罪的，要及时移送公安机关。",
    note: "按分解表攻坚任务计分：14个市分别赋予基准案件数量，达标及以上4分，未达标按办理数÷基准数的比例赋分；未办理案件的不得分。",
    source: src(27, 207),
    score: (v) => proportionChecked(v, 4),
  }),
  g({
    id: "28", level1: L2, level2: "专项行动", group: "“两打”专项行动", name: "污染源监测数据弄虚作假案件办理情况", maxPoints: 4, type: "score",
    inputs: [count("办理案件数", "件"), positiveCount("基准案件数", "件")],
    rule: "污染源监测数据弄虚作假案件办理情况(4分)。开展自动监控领域专项行动，加大案件办理力度，严厉查处各类环境违法行为，涉嫌环境污染犯罪的，要及时移送公安机关。",
    note: "按分解表攻坚任务计分：14个市分别赋予基准案件数量，达标及以上4分，未达标按办理数÷基准数的比例赋分；未办理案件的不得分。",
    source: src(28, 207),
    score: (v) => proportionChecked(v, 4),
  }),
  g({
    id: "29", level1: L2, level2: "专项行动", group: "“两打”专项行动", name: "“两打”刑事案件判决情况", maxPoints: 1, type: "score",
    inputs: [ratio("判决数与移送数之比")],
    bands: [BANDS_29],
    rule: "“两打”刑事案件判决情况(1分)。以2022年至2024年法院判决的“两打”刑事案件数量与移送公安机关数量的比值作为赋分依据，比值40%以上的，得1分；30%-40%的，得0.5分，30%以下的，不得分。",
    note: "按附件4分档（分解表写50%/40%）；恰为30%时按较高一档得0.5分。",
    source: src(29, 207),
    score: (v) => bandPoints(num(v[0]), BANDS_29),
    probe: (text) => {
      const top = captured(text, /比值([\d.]+)%以上/);
      const mid = captured(text, /([\d.]+)%[-–—~～至]([\d.]+)%/);
      const found = [top ? top[0] : null, mid ? mid[0] : null];
      if ((found[0] === null || found[0] === 40) && (found[1] === null || found[1] === 30)) return null;
      const tableSays = [found[0], found[1]].filter((x) => x !== null).map((x) => `${x}%`).join("/");
      return `序号29“‘两打’刑事案件判决情况”：表中分档为${tableSays}，省评审细则（附件4）为40%/30%（40%以上得1分，30%-40%得0.5分，30%以下不得分），评分按附件4。`;
    },
  }),
  g({
    id: "30", level1: L2, level2: "专项行动", name: "第三方环保服务机构弄虚作假专项整治", maxPoints: 4, type: "score",
    inputs: [count("办理案件数", "件"), positiveCount("基准案件数", "件")],
    rule: "第三方环保服务机构弄虚作假专项整治(4分)。开展第三方服务机构专项行动，加大案件办理力度，严厉查处各类环境违法行为，涉嫌环境污染犯罪的，要及时移送公安机关。",
    note: "按分解表攻坚任务计分：14个市分别赋予基准案件数量，达标及以上4分，未达标按办理数÷基准数的比例赋分；未办理案件的不得分。",
    source: src(30, 207),
    score: (v) => proportionChecked(v, 4),
  }),
  // ---------------- 案件查办（6分） ----------------
  g({
    id: "31", level1: L2, level2: "案件查办", name: "联合挂牌督办案件", maxPoints: 2, type: "score",
    inputs: [flag("完成三部门联合挂牌督办重大案件"), count("省级三部门联合挂牌督办件数", "件")],
    rule: "联合挂牌督办案件(2分)。主动申请并完成生态环境部、最高人民检察院、公安部三部门联合挂牌督办重大案件的，得2分；生态环境厅会同省级检察机关、公安机关联合挂牌督办的，每件得1分。",
    note: "累加，以本项分值2分为上限。",
    source: src(31, 208),
    score: (v) => min(2 * num(v[0]) + num(v[1]), 2),
  }),
  g({
    id: "32", level1: L2, level2: "案件查办", name: "新领域案件办理", maxPoints: 2, type: "score",
    inputs: [count("新领域案件类数", "类")],
    rule: "新领域案件办理(2分)。省级指导地市办理涉及自然保护地、土壤污染、地下水污染、温室气体排放、规模畜禽养殖污染、新化学物质、消耗臭氧层物质(ODS)、核与辐射等案件的，每类得1分，最高得2分。",
    source: src(32, 208),
    score: (v) => perUnit(num(v[0]), 1, 2),
  }),
  g({
    id: "33", level1: L2, level2: "案件查办", name: "执法联动机制建立和执行情况", maxPoints: 2, type: "score",
    inputs: [flag("新建立或调整完善跨区域跨流域联动机制"), flag("已建立机制全部执行落实", true)],
    rule: "执法联动机制建立和执行情况(2分)。2024年联动机制如新建立或调整完善，省级直接参与省界城市与跨省相邻市建立跨区域跨流域联动机制的或省级指导非省界城市建立跨市区域、流域联动机制的，得1分；已建立机制全部执行实的，得1分；未全部执行落实的，得0.5分。",
    note: "第2个输入：是＝全部执行落实得1分，否＝未全部执行落实得0.5分，留空＝没有已建立的机制得0分。",
    source: src(33, 208),
    score: (v) => num(v[0]) + (v[1] === null ? 0 : v[1] === 1 ? 1 : 0.5),
  }),
  // ---------------- 案卷评查（17分） ----------------
  g({
    id: "34", level1: L2, level2: "案卷评查", name: "组织评查工作", maxPoints: 2, type: "score",
    inputs: [flag("每月组织评查、通报反馈并按时报送总结")],
    rule: "组织评查工作(2分)。每月组织开展案卷评查并通报、反馈情况，且于每月30日前向省厅报送评查工作总结的，得2分。未开展或未完成相关工作要求的，该项不得分。",
    source: src(34, 211),
    score: (v) => 2 * num(v[0]),
  }),
  g({
    id: "35", level1: L2, level2: "案卷评查", name: "案卷质量", maxPoints: 7, type: "score",
    inputs: [ratio("案卷评查得分率")],
    rule: "案卷质量(7分，按比例赋分)。依照《生态环境行政执法案卷评查细则(修订版)》及档案管理规范计分，以国家生态环境保护综合行政执法监管平台内案卷为基数，每月对各地区上传行政处罚案卷进行抽查评查。抽查地区不定，但每年度各地区抽查案卷总数一致。重点评查上传内容完整度、案卷制作规范程度等内容。评查的案卷出现7种情形之一的，确定为不合格案卷，当次评查该案卷不得分。",
    note: "得分＝7分×案卷评查得分率（评查成绩÷满分）。分解表写6分并把1分列为序号38“移动执法终端使用情况”，附件4无该项，此1分在案卷质量7分之内。",
    source: src(35, 211),
    score: (v) => 7 * num(v[0]),
    probe: (text) => {
      const hit = captured(text, /案卷质量[（(]([\d.]+)分/);
      if (!hit || hit[0] === 7) return null;
      return `序号35“案卷质量”：表中写${hit[0]}分，省评审细则（附件4）为7分（按比例赋分）；分解表把其余${7 - hit[0]}分列在序号38“移动执法终端使用情况”，附件4无该项，评分按附件4计案卷质量7分。`;
    },
  }),
  g({
    id: "36", level1: L2, level2: "案卷评查", group: "案卷质量", name: "抽查通报", maxPoints: 4, type: "deduction",
    inputs: [count("被通报次数", "次")],
    rule: "抽查通报(扣分项)。对各地案卷的规范性(全国生态环境行政处罚案件管理信息系统是否规范、是否漏传案卷)、及时性(是否在下达行政处罚、查封扣押、移交移送决定书之日起15个工作日内将文书材料上传系统)、完整性(是否在结案后上传完整案卷)情况组织开展抽查，并通报突出问题。抽查过程中首次发现突出问题的，对相关市发出提醒，再次发现同类型突出问题，对该市份进行通报的，每通报1次扣1分，最多扣4分。",
    note: "分解表序号36的攻坚任务含案卷质量(1)(2)两款，其中(2)抽查通报为本扣分项；(1)不合格案卷已体现在序号35的评查得分率中。",
    source: src(36, 211),
    score: (v) => -perUnit(num(v[0]), 1, 4),
    probe: (text) => {
      const hit = captured(text, /案卷质量[（(]([\d.]+)分/);
      if (!hit || hit[0] === 7) return null;
      return `序号36“抽查通报”：表中本行的攻坚任务为“案卷质量(${hit[0]}分)”及其(1)(2)两款，省评审细则（附件4第211行）案卷质量为7分（按比例赋分，计在序号35）；本行按附件4的(2)抽查通报计分（扣分项，每通报1次扣1分，最多扣4分）。`;
    },
  }),
  g({
    id: "37", level1: L2, level2: "案卷评查", name: "“三项制度”落实评分", maxPoints: 3, type: "score",
    inputs: [flag("执法记录仪视频材料缺失"), flag("重大案件审核制度内容缺失"), flag("处罚决定未按法定时限公示")],
    rule: "“三项制度”落实评分(3分)。(1)被评查案卷，执法过程中，执法记录仪记录的相关视频材料内容缺失的，扣1分；(2)被评查案卷重大案件审核制度相关内容缺失的，扣1分。(3)对应的案件处罚决定，在生态环境部门门户网站按法定时限未公示，扣1分。",
    note: "3分起，每种缺失（填“是”）扣1分。",
    source: src(37, 211),
    score: (v) => 3 - num(v[0]) - num(v[1]) - num(v[2]),
  }),
  g({
    id: "38", level1: L2, level2: "案卷评查", name: "行政处罚系统录入情况", maxPoints: 5, type: "score",
    inputs: [months("各月行政处罚系统录入率", "%", 1)],
    rule: "行政处罚系统录入情况(5分)。每月录入率没达到95%的扣5分。",
    note: "12个月录入率作为一个区域输入：每月均达到95%（含）得5分，任一月未达到（含空单元格）得0分。分解表序号38另列“移动执法终端使用情况(1分)”，附件4无该项（见序号35）。",
    source: `source-2024-panjin-dalianbing.txt 第213行 附件4；分解表序号38（第119行）`,
    score: (v) => monthly(m(v[0]), 0.95, 0, 5),
    probe: (text) => {
      const hit = captured(text, /移动执法终端使用情况[（(]([\d.]+)分/);
      if (!hit) return null;
      return `序号38“行政处罚系统录入情况”：表中另列“移动执法终端使用情况(${hit[0]}分)”，省评审细则（附件4第211、213行）无该项，这${hit[0]}分在案卷质量7分之内（序号35）；本行只按“行政处罚系统录入情况(5分)”计分。`;
    },
  }),
  // ---------------- 典型案例发布（5分） ----------------
  g({
    id: "39", level1: L2, level2: "典型案例发布", group: "典型案例发布类型", name: "重点领域典型案例类型", maxPoints: 2, type: "score",
    inputs: [count("危险废物、自动监测弄虚作假、第三方弄虚作假类数", "类", 3)],
    rule: "典型案例发布类型(3分)。被省厅发布的典型案例涉及危险废物环境违法犯罪、自动监测数据弄虚作假违法犯罪、第三方环保服务机构弄虚作假典型案例的，每一类得1分，最高得2分。",
    note: "分解表序号39、40同为“典型案例发布类型(3分)”；按附件4两款分别封顶：序号39为重点三类（每类1分，最高2分），序号40为新领域（每类0.5分，最高1分）。",
    source: src(39, 214),
    score: (v) => perUnit(num(v[0]), 1, 2),
  }),
  g({
    id: "40", level1: L2, level2: "典型案例发布", group: "典型案例发布类型", name: "新领域典型案例类型", maxPoints: 1, type: "score",
    inputs: [count("新领域典型案例类数", "类")],
    rule: "典型案例发布类型(3分)。涉及举报奖励、正面清单、轻微免罚、执法稽查、自然保护区环境污染和生态破坏等新领域典型案例的，每一类得0.5分，最高得1分。",
    note: "分解表序号39、40同为“典型案例发布类型(3分)”；序号40为新领域一款（每类0.5分，最高1分）。",
    source: src(40, 214),
    score: (v) => perUnit(num(v[0]), 0.5, 1),
  }),
  g({
    id: "41", level1: L2, level2: "典型案例发布", name: "采纳发布", maxPoints: 2, type: "score",
    inputs: [count("被生态环境部采纳发布个数", "个")],
    rule: "采纳发布(2分)。典型案例被生态环境部采纳发布1个，得2分。",
    source: src(41, 214),
    score: (v) => perUnit(num(v[0]), 2, 2),
  }),
  // ---------------- 三、实战练兵（26分） / 大气监督帮扶（20分） ----------------
  g({
    id: "42", level1: L3, level2: "大气监督帮扶", name: "现场监督帮扶表现", maxPoints: 16, type: "score",
    inputs: [rank("当轮名次"), flag("纳入远程监督帮扶", true), points("省级监督帮扶得分", 20, true)],
    bands: [BANDS_42],
    rule: "现场监督帮扶表现(16分)。根据所有选派人员的表现情况进行综合评分，其中，每轮次现场检查任务完成情况得分比重占40%，发现环境问题得分比重占50%，提供符合要求的典型案例和宣传材料得分比重占10%。当轮次进入全国前10名，得16分，10-15名，得10分，15-20名得6分，20名以下得4分。未纳入远程监督帮扶的候选集体，不参与此项评审，相应分值纳入现场监督帮扶表现分值。同时参与生态环境部和省级监督帮扶的，按照80%和20%权重分别赋分。",
    note:
      "按附件4（分解表写“25名以下”）：第1–10名16分，第11–15名10分，第16–20名6分，第21名起4分。" +
      "纳入远程监督帮扶填“否”时，远程的4分并入本项，按20分计：20、12.5、7.5、5分（留空按“是”）。" +
      "同时参加省级监督帮扶的，填省级监督帮扶得分（与本项同一分制：纳入远程时0–16分，否则0–20分），" +
      "得分＝按名次所得×80%＋省级得分×20%；留空则只按名次计。",
    source: src(42, 215),
    ceiling: 20,
    score: (v) => {
      const remote = v[1] === null || v[1] === 1;
      const scale = remote ? 16 : 20;
      const ministry = bandPoints(num(v[0]), remote ? BANDS_42 : BANDS_42_NO_REMOTE);
      if (v[2] === null) return ministry;
      // Line 215: "同时参与生态环境部和省级监督帮扶的，按照80%和20%权重分别赋分".
      if (num(v[2]) > scale) {
        throw new InputError(`省级监督帮扶得分应为0–${scale}分之间的分数（${remote ? "纳入" : "未纳入"}远程监督帮扶），收到 ${num(v[2])}`, "省级监督帮扶得分");
      }
      return 0.8 * ministry + 0.2 * num(v[2]);
    },
    probe: (text) => {
      const hit = captured(text, /(\d+)名以下/);
      if (!hit || hit[0] === 20) return null;
      const n = hit[0];
      const gap = n > 21 ? `按表中写法第21–${n - 1}名没有分值，` : "";
      return `序号42“现场监督帮扶表现”：表中写“${n}名以下得4分”，省评审细则（附件4）为“20名以下得4分”；${gap}评分按附件4（第21名起得4分）。`;
    },
  }),
  g({
    id: "43", level1: L3, level2: "大气监督帮扶", name: "远程监督帮扶表现", maxPoints: 4, type: "score",
    inputs: [pointsOrWord("远程监督帮扶得分（各轮平均）", 4, "未纳入"), points("省级远程监督帮扶得分", 4, true)],
    rule: "远程监督帮扶表现(4分)。以所有参与城市所有轮次发现环境问题情况进行综合评分。参加多个轮次的，得分取平均值。未纳入远程监督帮扶的候选集体，不参与此项评审，相应分值纳入现场监督帮扶表现分值。同时参与生态环境部和省级监督帮扶的，按照80%和20%权重分别赋分。",
    note:
      "填写按评分细则折算后的远程监督帮扶得分（0–4分，各轮平均）；未纳入远程监督帮扶的填“未纳入”，本项得0分，" +
      "其4分并入第42项（第42项的“纳入远程监督帮扶”填“否”）。同时参加省级远程监督帮扶的，填省级得分，得分＝部级×80%＋省级×20%。",
    source: src(43, 215),
    score: (v) => {
      if (v[0] === null) return 0; // "未纳入": line 215, 不参与此项评审
      return v[1] === null ? num(v[0]) : 0.8 * num(v[0]) + 0.2 * num(v[1]);
    },
  }),
  g({
    id: "44", level1: L3, level2: "大气监督帮扶", name: "廉政纪律方面", maxPoints: 20, type: "deduction",
    inputs: [flag("监督帮扶期间存在廉政纪律问题"), scoreOf("第42项得分", 20, ["42"]), scoreOf("第43项得分", 4, ["43"])],
    rule: "廉政纪律方面(否决项)。监督帮扶期间存在廉政纪律问题的，该项不得分。",
    note:
      "“该项不得分”不是取消参评资格：它让“大气监督帮扶”一项（第42、43项）得0分，总分照算。" +
      "存在问题填“是”时，本项扣回第42项与第43项的得分（评分表引用这两格），否则得0分。",
    source: src(44, 215),
    forfeits: "大气监督帮扶",
    score: (v) => {
      if (num(v[0]) !== 1) return 0;
      const missing = [v[1] === null ? "第42项得分" : "", v[2] === null ? "第43项得分" : ""].filter(Boolean);
      if (missing.length > 0) {
        throw new InputError(
          `存在廉政纪律问题时“大气监督帮扶”该项不得分，需要${missing.join("和")}才能扣回（请引用第42、43项的得分单元格）`,
          missing[0],
        );
      }
      return -(num(v[1]) + num(v[2]));
    },
  }),
  // ---------------- 技能比武活动（6分） ----------------
  g({
    id: "45", level1: L3, level2: "技能比武活动", name: "技能比武承办情况", maxPoints: 1.5, type: "score",
    inputs: [flag("承办2024年省级技能比武活动")],
    rule: "技能比武承办情况(1.5分)。承办2024年省级技能比武活动的，得1.5分。",
    source: src(45, 217),
    score: (v) => 1.5 * num(v[0]),
  }),
  g({
    id: "46", level1: L3, level2: "技能比武活动", name: "技能比武参与情况", maxPoints: 0.5, type: "score",
    inputs: [flag("按要求参加省厅组织的技能比武")],
    rule: "技能比武参与情况(0.5分)。根据省厅统一组织重点行业或重点领域的执法技能比武，按要求参加的，得0.5分。",
    source: src(46, 217),
    score: (v) => 0.5 * num(v[0]),
  }),
  g({
    id: "47", level1: L3, level2: "技能比武活动", name: "技能比武违法行为查处情况", maxPoints: 1, type: "score",
    inputs: [flag("在省级比武活动中查获违法行为")],
    rule: "技能比武违法行为查处情况(1分)。在省级组织的比武活动查获违法行为的，得1.5分。",
    note: "分值为1分而条文写“得1.5分”（附件4与分解表相同）；按分值上限计1分，技能比武活动合计仍为6分。",
    source: src(47, 217),
    score: (v) => min(1.5 * num(v[0]), 1),
    probe: (text) => {
      const heading = captured(text, /查处情况[（(]([\d.]+)分?[)）]/);
      const awarded = captured(text, /得([\d.]+)分/);
      if (!heading || !awarded || awarded[0] <= heading[0]) return null;
      return `序号47“技能比武违法行为查处情况”：分值${heading[0]}分，条文却写“得${awarded[0]}分”（附件4原文如此），评分按分值上限计${heading[0]}分。`;
    },
  }),
  g({
    id: "48", level1: L3, level2: "技能比武活动", name: "技能比武总体成绩情况", maxPoints: 3, type: "score",
    inputs: [points("按全省比武成绩所赋分数", 3)],
    rule: "技能比武总体成绩情况(3分)。按照全省技能比武成绩，从最高3分到1分，分别赋分。",
    note: "填写省厅按全省比武成绩赋予的分数（1–3分；未参加填0）。",
    source: src(48, 217),
    score: (v) => num(v[0]),
  }),
  // ---------------- 四、创新与成效（加分项） ----------------
  g({
    id: "49", level1: L4, level2: "创新与成效", name: "执法创新", maxPoints: 2, type: "bonus",
    inputs: [flag("创新举措被提升为省级举措"), flag("实现全流程非现场执法监管")],
    rule: "执法创新(2分)。2023年以来，出台执法监管等方面创新举措被提升到省级举措的，加1分。能在发现线索、固定证据、问询笔录、文书制作、整改监督等环节实现全流程非现场执法监管的，加1分。",
    source: src(49, 218),
    score: (v) => num(v[0]) + num(v[1]),
  }),
  g({
    id: "50", level1: L4, level2: "创新与成效", name: "表现突出集体和个人所在县、区覆盖情况", maxPoints: 1, type: "bonus",
    inputs: [count("获奖县区数", "个")],
    rule: "表现突出集体和个人所在县、区覆盖情况(1分)。截至2024年，辖区内每个县区执法机构或其执法人员获得突出表现集体或个人的，得0.2分。",
    note: "每个获奖县区0.2分，最高1分（附件4第218行）；分解表写覆盖比例分档（第143行），评分按附件4。",
    source: src(50, 218),
    score: (v) => perUnit(num(v[0]), 0.2, 1),
    probe: (text) =>
      text.includes("覆盖比例")
        ? "序号50“表现突出集体和个人所在县、区覆盖情况”：表中按覆盖比例分档（达到50%加1分，40%-50%加0.8分，30%-40%加0.5分），省评审细则（附件4第218行）为每个获奖县区0.2分、最高1分，评分按附件4（输入获奖县区数）。"
        : null,
  }),
  // ---------------- 五、廉政纪律（否决项） ----------------
  g({
    id: "51", level1: L5, level2: "廉政纪律", name: "廉政纪律", maxPoints: 0, type: "veto",
    inputs: [flag("主要负责人存在廉政纪律问题或严重弄虚作假")],
    rule: "候选集体主要负责人存在廉政纪律问题或候选集体在练兵活动中严重弄虚作假的，取消参评资格。",
    source: src(51, 219),
    score: (v) => (num(v[0]) === 1 ? VETO : 0),
  }),
];

/** PROPORTION for rows 27, 28, 30; the 基准案件数 must be > 0 (the message names it). */
function proportionChecked(v: Coerced[], full: number): number {
  const baseline = num(v[1]);
  if (baseline <= 0) throw new InputError(`基准案件数应为大于0的整数（件），收到 ${baseline}`, "基准案件数");
  return proportion(num(v[0]), baseline, full);
}
