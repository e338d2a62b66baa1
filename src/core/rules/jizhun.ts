/**
 * 基准 catalogs: 附件5 表现突出集体基准任务评审细则（市、县级）(source lines 221–250), one definition
 * read twice: RuleSetId "基准市" for city candidates and "基准县" for county candidates.
 *
 * Ids follow 附件5's own numbering, which is also the 序号 of the city's 基准任务责任分解表
 * (source lines 146–188): "<序号>.<条>[.<款>]", prefixed by the set:
 *   基准市-1.1 机构规范化建设 … 基准市-11 廉政纪律; findItem("1.2.1", "基准县") also works.
 * A 序号 scored as one whole (4 “两打”专项行动, 6 案卷质量, 10 练兵成效, 11 廉政纪律) has no 条 part.
 *
 * County differences (all from the text):
 * - 3.1 稽查准备情况 and 3.2 稽查开展情况 (5分): "县级候选集体不参加上述评查" (line 236), so they are
 *   not in 基准县 and a county's 队伍建设与管理 can reach 25 of its 30分 (LEVEL1_TOTALS).
 * - 3.3 稽查抽查情况: city 0.1/起 (最多2分) + 0.2/起 (最多2分); county 0.5/起, 最多扣5分.
 * - 4 “两打”: city 2/1/1 per case, county 3/2/2; 重大案件 小项最高2分; the whole capped at 12分.
 * - 5.1 新装备 0.2 vs 0.5 per case (最高2分); 5.2 新领域 0.5 vs 1 per class (分值1分).
 * - 9 技能比武: city 9.1 比武内容, 9.2 比武形式, 9.3 组织方式; county (the unnumbered sentence of
 *   line 245) 9.4 参加比武 1分 and 9.5 获得比武先进集体或个人 3分.
 * - 10 练兵成效: the two halves name different winners for city and county.
 * Deductions without a stated total cap (2.3.4) are capped at the 分值 of their heading.
 * "扣完该项分值为止" (2.1.2, 2.2.3, lines 231, 233) floors at the points the heading earned, passed by
 * the 评分表 (scoreOf), else at the heading's 分值. 8.3 "该项不得分" (line 244) takes back 8.1 + 8.2:
 * a deduction that empties 大气监督帮扶, not a veto; only 11 (取消参评资格, line 248) is a veto.
 * 未纳入远程监督帮扶 (line 244) moves 8.2's 4分 into 8.1 (8.1 × 24/20; 8.2 "未纳入" → 0). Line 244,
 * unlike 附件4 line 215, has no 80%/20% weighting of ministry and province rounds.
 */
import { bandPoints } from "../scoring/bands";
import { InputError } from "../scoring/errors";
import { monthly, perUnit, step } from "../scoring/calculators";
import type { Band, RuleSetId } from "./types";
import { type CatalogEntry, type Coerced, count, entry, flag, max, min, months, num, points, pointsOrWord, ratio, scoreOf, VETO } from "./define";

const L1 = "队伍建设与管理";
const L2 = "日常监督执法工作";
const L3 = "实战练兵";
const L4 = "练兵成效";
const L5 = "廉政纪律";

const src = (line: number, serial: string): string =>
  `source-2024-panjin-dalianbing.txt 第${line}行 附件5；基准分解表序号${serial}`;
const m = (v: Coerced): (number | null)[] => v as (number | null)[];

/** 1.2.1, line 228: 28项标配中完成20项 2分；不足20项 0分. */
export const BANDS_J_STANDARD: Band[] = [
  { from: 0, to: 20, points: 0 },
  { from: 20, to: 28, toInclusive: true, points: 2 },
];
/** 1.2.2, line 228: 选配6项及以上 1分；3-5项 0.5分；不足3项 0分. */
export const BANDS_J_OPTIONAL: Band[] = [
  { from: 0, to: 3, points: 0 },
  { from: 3, to: 6, points: 0.5 },
  { from: 6, to: null, points: 1 },
];
/** 3.2.1, line 236: 不少于30%的下级执法机构 3分. */
export const BANDS_J_INSPECTION: Band[] = [
  { from: 0, to: 0.3, points: 0 },
  { from: 0.3, to: 1, toInclusive: true, points: 3 },
];

function build(set: "基准市" | "基准县"): CatalogEntry[] {
  const city = set === "基准市";
  const j = (spec: Parameters<typeof entry>[1]): CatalogEntry => entry(set, { ...spec, id: `${set}-${spec.id}` });
  const list: CatalogEntry[] = [
    // ---------------- 一、队伍建设与管理（30分） / 队伍建设（11分） ----------------
    j({
      id: "1.1", level1: L1, level2: "队伍建设", name: "机构规范化建设", maxPoints: 2, type: "score",
      inputs: [flag("列入省级试点并通过验收"), flag("列入国家级试点")],
      rule: "机构规范化建设(2分)。列入省级机构规范化建设试点并通过验收的，得1分；列入国家级机构规范化建设试点的，得1分。",
      source: src(228, "1"),
      score: (v) => num(v[0]) + num(v[1]),
    }),
    j({
      id: "1.2.1", level1: L1, level2: "队伍建设", group: "装备配备", name: "标配装备", maxPoints: 2, type: "score",
      inputs: [count("标配项数", "项", 28)],
      bands: [BANDS_J_STANDARD],
      rule: "装备配备(1)。以2024年11月30日辖区内所有生态环境执法机构在编在岗执法人员数为基准，按照《装备指导标准》中28项标配装备要求，完成20项类别配备的，得2分；配备不足20项的，不得分。",
      source: src(228, "1"),
      score: (v) => bandPoints(num(v[0]), BANDS_J_STANDARD),
    }),
    j({
      id: "1.2.2", level1: L1, level2: "队伍建设", group: "装备配备", name: "选配装备", maxPoints: 1, type: "score",
      inputs: [count("选配项数", "项")],
      bands: [BANDS_J_OPTIONAL],
      rule: "装备配备(2)。按照《装备指导标准》要求，候选集体结合实际情况，配备6项及以上选配装备的，得1分；配备3-5项的，得0.5分；配备不足3项的，不得分。",
      source: src(228, "1"),
      score: (v) => bandPoints(num(v[0]), BANDS_J_OPTIONAL),
    }),
    j({
      id: "1.3", level1: L1, level2: "队伍建设", name: "统一标识", maxPoints: 1, type: "score",
      inputs: [flag("执法执勤车辆完成统一标识"), flag("其他办公场所或执法装备统一标识")],
      rule: "统一标识(1分)。完成执法执勤车辆统一标识的，得0.8分(纳入政府公车管理或通过购买服务方式租车的地区提供相关说明材料)；在其他办公场所或执法装备上统一标识的，得0.2分。",
      source: src(228, "1"),
      score: (v) => 0.8 * num(v[0]) + 0.2 * num(v[1]),
    }),
    j({
      id: "1.4.1", level1: L1, level2: "队伍建设", group: "奖励激励", name: "集体荣誉", maxPoints: 2, type: "score",
      inputs: [flag("获得国家或省委省政府颁发荣誉"), count("省级部门及群团组织颁发荣誉项数", "项"), count("市级颁发荣誉项数", "项")],
      rule: "集体荣誉(2分)。在2023年、2024年期间获得国家颁发“全国先进基层党组织”“人民满意公务员集体”“全国生态环境系统先进集体”等荣誉，或省委省政府颁发荣誉的，得2分；获得省组织部门、机关工委、人事部门、群团组织、总工会、生态环境部门等颁发“先进基层党组织”“工人先锋号”等荣誉的，每项得1分；获得市委市政府或市组织部门、机关工委、人事部门、群团组织、总工会等颁发荣誉的，每项得0.8分。",
      note: "各项荣誉累加，以本项分值2分为上限。",
      source: src(230, "1"),
      score: (v) => min(2 * num(v[0]) + num(v[1]) + 0.8 * num(v[2]), 2),
    }),
    j({
      id: "1.4.2", level1: L1, level2: "队伍建设", group: "奖励激励", name: "表扬嘉奖", maxPoints: 2, type: "score",
      inputs: [flag("获得记功嘉奖"), flag("省级生态环境部门联合其他部门奖励或授予荣誉称号"), flag("省级生态环境部门单独奖励表扬")],
      rule: "表扬嘉奖(2分)。2023年执法大练兵或污染防治攻坚战，集体或个人获得记功嘉奖的，得2分；获得省级生态环境部门联合其他部门给予奖励或授予荣誉称号的，得1.5分；获得省级生态环境部门单独奖励表扬的，得1分。",
      note: "按最高一种计分，不累加。",
      source: src(230, "1"),
      score: (v) => max(2 * num(v[0]), 1.5 * num(v[1]), num(v[2])),
    }),
    j({
      id: "1.4.3", level1: L1, level2: "队伍建设", group: "奖励激励", name: "领导批示", maxPoints: 1, type: "score",
      inputs: [flag("市委市政府主要负责同志作出批示")],
      rule: "2024年市委市政府主要负责同志作出批示的，得1分。",
      source: src(230, "1"),
      score: (v) => num(v[0]),
    }),
    j({
      id: "1.5", level1: L1, level2: "队伍建设", name: "统一着装持证", maxPoints: 2, type: "deduction",
      inputs: [count("被发现次数", "次")],
      rule: "统一着装持证(扣分项)。生态环境部在日常工作调度中发现未规范着装、未按要求规范亮证持证等情况的，每发现一次扣0.2分，最多扣2分。",
      source: src(230, "1"),
      score: (v) => -perUnit(num(v[0]), 0.2, 2),
    }),
    // ---------------- 信息化建设与应用（14分） ----------------
    j({
      id: "2.1.1", level1: L1, level2: "信息化建设与应用", group: "自动监测运行管理", name: "自动监测数据传输率", maxPoints: 2, type: "score",
      inputs: [ratio("即时有效传输率"), ratio("补全有效传输率")],
      rule: "辖区内重点排污单位自动监测数据即时有效传输率未达到90%，但补全有效传输率达到95%以上的，得0.5分；即时有效传输率达到90%的，得1分，每增加1%多得0.2分，最高得2分。",
      note: "即时有效传输率达到90%：1分＋每满1个百分点0.2分（如93%得1.6分），最高2分；未达到90%而补全有效传输率达到95%（含）得0.5分。",
      source: src(231, "2"),
      score: (v) =>
        num(v[0]) >= 0.9 - 1e-9 ? step(num(v[0]), 0.9, 1, 0.01, 0.2, 2) : num(v[1]) >= 0.95 - 1e-9 ? 0.5 : 0,
    }),
    j({
      id: "2.1.2", level1: L1, level2: "信息化建设与应用", group: "自动监测运行管理", name: "虚假标记查实", maxPoints: 2, type: "deduction",
      inputs: [count("查实次数", "次"), scoreOf("2.1.1得分", 2, [`${set}-2.1.1`])],
      rule: "生态环境部通过数据分析发现异常，并采取直接派员、飞行检查等方式查实虚假标记或虚假录入手工监测数据，影响有效传输率的，每发现1次扣0.5分，扣完该项分值为止。",
      note: "每次扣0.5分，扣完“自动监测运行管理”实得的分为止：填写2.1.1得分（评分表引用）时最多扣到该得分，留空时最多扣该标题分值2分。",
      source: src(231, "2"),
      score: (v) => -min(0.5 * num(v[0]), v[1] === null ? 2 : num(v[1])),
    }),
    j({
      id: "2.2.1", level1: L1, level2: "信息化建设与应用", group: "非现场监管推进情况", name: "线索识别", maxPoints: 2, type: "score",
      inputs: [count("发现线索并依法处罚件数", "件")],
      rule: "线索识别(2分)。运用污染源自动监控、用电用能监控、视频监控、排污许可、卫星遥感等非现场监管执法平台，或者运用水质指纹溯源等新技术手段发现问题线索并依法处罚的，每件得1分。",
      note: "每件1分，以本项分值2分为上限。",
      source: src(231, "2"),
      score: (v) => perUnit(num(v[0]), 1, 2),
    }),
    j({
      id: "2.2.2", level1: L1, level2: "信息化建设与应用", group: "非现场监管推进情况", name: "线索查办", maxPoints: 3, type: "score",
      inputs: [count("依法查办件数", "件")],
      rule: "线索查办(3分)。对上级生态环境部门推送涉及污染源自动监测数据、水质断面溯源、饮用水水源地、“清废行动”、自然保护地、危险废物等方面的问题线索，每依法查办1件得1分。",
      note: "每件1分，以本项分值3分为上限。",
      source: src(233, "2"),
      score: (v) => perUnit(num(v[0]), 1, 3),
    }),
    j({
      id: "2.2.3", level1: L1, level2: "信息化建设与应用", group: "非现场监管推进情况", name: "整改反馈", maxPoints: 5, type: "deduction",
      inputs: [
        flag("未按要求查办并及时反馈"),
        count("反馈不实或查处不到位件数", "件"),
        scoreOf("2.2.1与2.2.2得分合计", 5, [`${set}-2.2.1`, `${set}-2.2.2`]),
      ],
      rule: "整改反馈(扣分项)。对上级生态环境部门推送的问题线索，未按要求查办并及时反馈的，扣1分；被生态环境部发现反馈情况不实或问题线索查处不到位的，每件扣0.2分，扣完该项分值为止。",
      note: "扣完“非现场监管推进情况”实得的分为止：填写2.2.1与2.2.2得分合计（评分表引用）时最多扣到该得分，留空时最多扣该标题分值5分。",
      source: src(233, "2"),
      score: (v) => -min(num(v[0]) + 0.2 * num(v[1]), v[2] === null ? 5 : num(v[2])),
    }),
    j({
      id: "2.3.1", level1: L1, level2: "信息化建设与应用", group: "执法记录及上报情况", name: "现场执法人员比例", maxPoints: 3, type: "score",
      inputs: [months("各月录入移动执法系统人员比例", "%", 1)],
      rule: "现场执法人员比例(3分)。2023年12月至2024年11月期间，每个月统计辖区内所有在编在岗持证人员录入移动执法系统的比例，统计比例在80%以上的，得0.2分；每月统计比例均达80%以上的，得3分。",
      note: "12个月的比例作为一个区域输入；空单元格按未达到计。",
      source: src(234, "2"),
      score: (v) => monthly(m(v[0]), 0.8, 0.2, 3),
    }),
    j({
      id: "2.3.2", level1: L1, level2: "信息化建设与应用", group: "执法记录及上报情况", name: "执法数据报送", maxPoints: 3, type: "score",
      inputs: [months("各月人均有效检查记录数", "条")],
      rule: "执法数据报送(3分)。以辖区内所有在编在岗持证人员数量为基数，2023年12月至2024年11月期间，当月人均上报至部执法监管平台有效检查记录数量达到2条及以上的，得0.2分。每月人均检查记录数均达到2条以上的，得3分。",
      note: "12个月的人均条数作为一个区域输入；空单元格按未达到计。",
      source: src(234, "2"),
      score: (v) => monthly(m(v[0]), 2, 0.2, 3),
    }),
    j({
      id: "2.3.3", level1: L1, level2: "信息化建设与应用", group: "执法记录及上报情况", name: "抽查案卷现场检查信息", maxPoints: 1, type: "score",
      inputs: [count("能查询到现场检查信息的抽查案卷份数", "份", 2)],
      rule: "能在移动执法系统中查询到抽查的候选集体2份案卷相关现场检查信息的，每1份案卷得0.5分。",
      source: src(234, "2"),
      score: (v) => 0.5 * num(v[0]),
    }),
    j({
      id: "2.3.4", level1: L1, level2: "信息化建设与应用", group: "执法记录及上报情况", name: "执法数据质量", maxPoints: 7, type: "deduction",
      inputs: [points("按问题占比按月扣分合计", 7, true), count("检查记录表填报不规范起数", "起"), count("处罚案件查询不到现场笔录起数", "起")],
      rule: "执法数据质量(扣分项)。移动执法系统数据存在完整性、规范性或时效性错误等质量问题的，根据问题占比按月扣分；移动执法系统中现场检查记录表信息填报不规范、内容与结论不一致，每发现1起扣0.5分，最多扣2分；已作出行政处罚决定的案件在移动执法系统中查询不到现场检查(勘察)笔录等相关信息的，每发现一起扣0.5分，该小项最多扣2分。",
      note: "按月扣分由上级核定后填入（可留空）；附件5未写总上限，按所属“执法记录及上报情况”的7分扣完为止。",
      source: src(234, "2"),
      score: (v) => -min(num(v[0]) + perUnit(num(v[1]), 0.5, 2) + perUnit(num(v[2]), 0.5, 2), 7),
    }),
    j({
      id: "2.3.5", level1: L1, level2: "信息化建设与应用", group: "执法记录及上报情况", name: "执法处罚一体化建设", maxPoints: 1, type: "bonus",
      inputs: [flag("实现全过程数据融合互通、闭环管理")],
      rule: "执法处罚一体化建设(加分项)。深化移动执法、处罚案件管理系统建设，实现执法现场检查、案源登记、调查取证、处罚决定等全过程数据信息融合互通，闭环式管理的，加1分。",
      source: src(234, "2"),
      score: (v) => num(v[0]),
    }),
  ];
  // ---------------- 执法稽查（5分；县级不参加 3.1、3.2） ----------------
  if (city) {
    list.push(
      j({
        id: "3.1", level1: L1, level2: "执法稽查", name: "稽查准备情况", maxPoints: 1, type: "score",
        inputs: [flag("制定执法稽查计划或方案"), flag("开展执法稽查培训")],
        rule: "稽查准备情况(1分)。按照《生态环境行政执法稽查办法》，制定执法稽查计划或方案，得0.5分；开展执法稽查培训的，得0.5分。",
        source: src(236, "3"),
        score: (v) => 0.5 * num(v[0]) + 0.5 * num(v[1]),
      }),
      j({
        id: "3.2.1", level1: L1, level2: "执法稽查", group: "稽查开展情况", name: "下级执法机构稽查", maxPoints: 3, type: "score",
        inputs: [ratio("开展稽查的下级执法机构比例")],
        bands: [BANDS_J_INSPECTION],
        rule: "按照稽查办法对本行政区域内不少于30%的下级生态环境执法机构或派出机构开展执法稽查的，得3分。",
        source: src(236, "3"),
        score: (v) => bandPoints(num(v[0]), BANDS_J_INSPECTION),
      }),
      j({
        id: "3.2.2", level1: L1, level2: "执法稽查", group: "稽查开展情况", name: "稽查报告报送", maxPoints: 1, type: "score",
        inputs: [flag("稽查报告按要求报送")],
        rule: "稽查报告按要求报送的，得1分。",
        source: src(236, "3"),
        score: (v) => num(v[0]),
      }),
      j({
        id: "3.3", level1: L1, level2: "执法稽查", name: "稽查抽查情况", maxPoints: 4, type: "deduction",
        inputs: [count("稽查不规范被发现起数", "起"), count("问题未及时整改被发现起数", "起")],
        rule: "稽查抽查情况(扣分项)。被上级生态环境部门稽查发现存在稽查人员不符合条件、内容不完整、程序不符合规定、档案不完整等情形的，市级候选集体每被发现1起扣0.1分，最多扣2分。被上级生态环境部门稽查发现问题未及时整改到位的，市级候选集体每被发现1起扣0.2分，最多扣2分。",
        source: src(236, "3"),
        score: (v) => -(perUnit(num(v[0]), 0.1, 2) + perUnit(num(v[1]), 0.2, 2)),
      }),
    );
  } else {
    list.push(
      j({
        id: "3.3", level1: L1, level2: "执法稽查", name: "稽查抽查情况", maxPoints: 5, type: "deduction",
        inputs: [count("问题未及时整改被发现起数", "起")],
        rule: "稽查抽查情况(扣分项)。被上级生态环境部门稽查发现问题未及时整改到位的，县级候选集体每被发现1起，扣0.5分，最多扣5分。",
        note: "县级候选集体不参加稽查准备情况、稽查开展情况评查（共5分）。",
        source: src(236, "3"),
        score: (v) => -perUnit(num(v[0]), 0.5, 5),
      }),
    );
  }
  const perCrime = city ? 2 : 3;
  const perCase = city ? 1 : 2;
  const perMajor = city ? 1 : 2;
  const perEquipment = city ? 0.2 : 0.5;
  const perClass = city ? 0.5 : 1;
  const level = city ? "市级" : "县级";
  list.push(
    // ---------------- 二、日常监督执法工作（42分） ----------------
    j({
      id: "4", level1: L2, level2: "专项行动", name: "“两打”专项行动", maxPoints: 12, type: "score",
      inputs: [count("涉嫌犯罪移送公安机关且立案件数", "件"), count("行政处罚案件件数", "件"), count("其中重大案件件数", "件")],
      rule: `“两打”专项行动(12分)。(1)办理涉嫌犯罪移送公安机关且立案的案件，市级集体每件得2分，县级集体每件得3分。(2)办理行政处罚案件，市级集体每件得1分，县级集体每件得2分。(3)上述案件中属于重大案件的，市级集体每件得1分，县级集体每件得2分，该小项最高得2分。`,
      note: `${level}集体：移送立案每件${perCrime}分，行政处罚每件${perCase}分，重大案件每件${perMajor}分（该小项最高2分），合计以12分为上限。`,
      source: src(237, "4"),
      score: (v) => min(perCrime * num(v[0]) + perCase * num(v[1]) + perUnit(num(v[2]), perMajor, 2), 12),
    }),
    j({
      id: "5.1", level1: L2, level2: "案件查办", name: "新装备运用情况", maxPoints: 2, type: "score",
      inputs: [count("运用新装备发现线索并形成处罚案件件数", "件")],
      rule: "新装备运用情况(2分)。运用无人机、无人船、FID、PID、红外热成像气体泄漏检测仪、探地雷达、走航车、管道机器人、管道快速检测、遥感监测等新装备发现环境违法线索，并形成处罚案件的，市级每件得0.2分，县级每件得0.5分，最高得2分。",
      note: `${level}每件${perEquipment}分，最高2分。`,
      source: src(238, "5"),
      score: (v) => perUnit(num(v[0]), perEquipment, 2),
    }),
    j({
      id: "5.2", level1: L2, level2: "案件查办", name: "新领域案件办理", maxPoints: 1, type: "score",
      inputs: [count("新领域案件类数", "类")],
      rule: "新领域案件办理(1分)。依法查处涉及自然保护地、土壤污染、地下水污染、温室气体排放、规模畜禽养殖污染、新化学物质、消耗臭氧层物质(ODS)、核与辐射等案件的，市级每类得0.5分，县级每类得1分。",
      note: `${level}每类${perClass}分，以本项分值1分为上限。`,
      source: `source-2024-panjin-dalianbing.txt 第238、240行 附件5；基准分解表序号5`,
      score: (v) => perUnit(num(v[0]), perClass, 1),
    }),
    j({
      id: "5.3", level1: L2, level2: "案件查办", name: "执法联动机制建立和执行情况", maxPoints: 1, type: "score",
      inputs: [flag("建立跨区域跨流域联动机制"), flag("全部执行落实")],
      rule: "执法联动机制建立和执行情况(1分)。建立跨区域跨流域联动机制的(跨市级区域流域)，得0.5分；全部执行落实的，得0.5分。",
      source: src(240, "5"),
      score: (v) => 0.5 * num(v[0]) + 0.5 * num(v[1]),
    }),
    j({
      id: "6", level1: L2, level2: "案卷评查", name: "案卷质量", maxPoints: 22, type: "score",
      inputs: [ratio("案卷评查得分率"), count("出现5种情形之一的案卷份数", "份", 2)],
      rule: "案卷质量(22分)。(1)随机抽查候选集体办理的2份案卷(包括1份一般行政处罚案卷和1份配套办法案卷)。(2)系统中无相应类型案卷的，该案卷不得分。(3)抽取案卷中出现以下5种情形之一的，在该案卷不得分基础上，另扣1分：①办案人员不具有行政执法资格，或少于两人的；②违法主体不清或认定错误的；③证据取得的方式、手段、途径不符合法定要求的；④作出的决定无法律、法规、规章依据的；⑤违反法定程序的。(4)候选集体不得与候选个人共用同一份案卷。",
      note: "得分＝22分×案卷评查得分率（2份案卷评查成绩合计÷满分），每份出现5种情形之一的案卷另扣1分，最低0分。",
      source: src(241, "6"),
      score: (v) => 22 * num(v[0]) - num(v[1]),
    }),
    j({
      id: "7.1", level1: L2, level2: "典型案例发布", name: "典型案例发布情况", maxPoints: 2, type: "score",
      inputs: [count("被生态环境部发布个数", "个"), count("被省级生态环境部门发布个数", "个"), count("被市委市政府相关栏目发布个数", "个")],
      rule: "典型案例发布情况(2分)。典型案例被生态环境部发布的，每个得2分；被省级生态环境部门发布的，每个得1分；被市委市政府相关栏目发布的，每个得0.5分。",
      note: "累加，以本项分值2分为上限。",
      source: src(242, "7"),
      score: (v) => min(2 * num(v[0]) + num(v[1]) + 0.5 * num(v[2]), 2),
    }),
    j({
      id: "7.2", level1: L2, level2: "典型案例发布", name: "典型案例发布类型", maxPoints: 2, type: "score",
      inputs: [count("第三方弄虚作假、危险废物、自动监测弄虚作假类数", "类", 3), count("新领域典型案例类数", "类")],
      rule: "典型案例发布类型(2分)。发布的典型案例涉及第三方环保服务机构弄虚作假、危险废物环境违法犯罪、自动监测数据弄虚作假的，每一类得1分；涉及举报奖励、正面清单、轻微免罚、执法稽查、自然保护区环境污染和生态破坏等新领域典型案例的，每一类得0.5分。",
      note: "累加，以本项分值2分为上限。",
      source: src(242, "7"),
      score: (v) => min(num(v[0]) + 0.5 * num(v[1]), 2),
    }),
    // ---------------- 三、实战练兵（28分） ----------------
    j({
      id: "8.1", level1: L3, level2: "大气监督帮扶", name: "现场监督帮扶表现", maxPoints: 20, type: "score",
      inputs: [points("综合评分排名前50%人员的平均成绩", 20), flag("纳入远程监督帮扶", true)],
      rule: "现场监督帮扶表现(20分)。根据所有选派人员的表现情况进行综合评分，其中，每轮次现场检查任务完成情况得分比重占40%，发现环境问题得分比重占50%，提供符合要求的典型案例和宣传材料得分比重占10%。综合评分排名前50%人员的平均成绩为该项得分。未纳入远程监督帮扶的候选集体，不参与此项评审，相应分值纳入现场监督帮扶表现分值。",
      note: "填写20分制的平均成绩；纳入远程监督帮扶填“否”时，8.2的4分并入本项，得分＝平均成绩×24/20（最高24分）；留空按“是”。",
      source: src(244, "8"),
      ceiling: 24,
      score: (v) => (v[1] === null || v[1] === 1 ? num(v[0]) : (num(v[0]) * 24) / 20),
    }),
    j({
      id: "8.2", level1: L3, level2: "大气监督帮扶", name: "远程监督帮扶表现", maxPoints: 4, type: "score",
      inputs: [pointsOrWord("远程监督帮扶得分（各轮平均）", 4, "未纳入")],
      rule: "远程监督帮扶表现(4分)。以参与所有轮次发现环境问题情况进行综合评分。参加多个轮次的，得分取平均值。未纳入远程监督帮扶的候选集体，不参与此项评审，相应分值纳入现场监督帮扶表现分值。",
      note: "未纳入远程监督帮扶的填“未纳入”，本项得0分，其4分并入8.1（8.1的“纳入远程监督帮扶”填“否”）。",
      source: src(244, "8"),
      score: (v) => (v[0] === null ? 0 : num(v[0])),
    }),
    j({
      id: "8.3", level1: L3, level2: "大气监督帮扶", name: "廉政纪律方面", maxPoints: 24, type: "deduction",
      inputs: [flag("监督帮扶期间存在廉政纪律问题"), scoreOf("8.1得分", 24, [`${set}-8.1`]), scoreOf("8.2得分", 4, [`${set}-8.2`])],
      rule: "廉政纪律方面(否决项)。监督帮扶期间发现存在廉政纪律问题的，该项不得分。",
      note:
        "“该项不得分”不是取消参评资格：它让“大气监督帮扶”一项（8.1、8.2）得0分，总分照算。" +
        "存在问题填“是”时，本项扣回8.1与8.2的得分（评分表引用这两格），否则得0分。",
      source: src(244, "8"),
      forfeits: "大气监督帮扶",
      score: (v) => {
        if (num(v[0]) !== 1) return 0;
        const missing = [v[1] === null ? "8.1得分" : "", v[2] === null ? "8.2得分" : ""].filter(Boolean);
        if (missing.length > 0) {
          throw new InputError(
            `存在廉政纪律问题时“大气监督帮扶”该项不得分，需要${missing.join("和")}才能扣回（请引用8.1、8.2的得分单元格）`,
            missing[0],
          );
        }
        return -(num(v[1]) + num(v[2]));
      },
    }),
  );
  if (city) {
    list.push(
      j({
        id: "9.1", level1: L3, level2: "技能比武活动", name: "比武内容", maxPoints: 1, type: "score",
        inputs: [flag("组织全市执法技能比武且内容符合要求")],
        rule: "比武内容(1分)。候选集体组织开展全市生态环境执法技能比武，应包含但不限于新技术新装备使用、案卷制作、知识竞赛、队列展示等内容的，得1分。",
        source: src(245, "9"),
        score: (v) => num(v[0]),
      }),
      j({
        id: "9.2", level1: L3, level2: "技能比武活动", name: "比武形式", maxPoints: 2, type: "score",
        inputs: [flag("实战比武并作出行政处罚"), flag("场景模拟实操比武")],
        rule: "比武形式(2分)。在技能比武活动中，聚焦区域产业特点，有针对性地通过开展交叉检查、非现场监管巡查、联合执法等方式进行实战比武，并作出行政处罚的，得2分。通过组织场景模拟实操开展技能比武的，得1分。",
        note: "按最高一种计分。",
        source: src(245, "9"),
        score: (v) => max(2 * num(v[0]), num(v[1])),
      }),
      j({
        id: "9.3", level1: L3, level2: "技能比武活动", name: "组织方式", maxPoints: 1, type: "score",
        inputs: [flag("联合其他部门开展"), flag("本部门单独开展")],
        rule: "组织方式(1分)。联合其他部门开展技能比武活动的，得1分；本部门单独开展的得0.5分。",
        note: "按最高一种计分。",
        source: src(245, "9"),
        score: (v) => max(num(v[0]), 0.5 * num(v[1])),
      }),
    );
  } else {
    list.push(
      j({
        id: "9.4", level1: L3, level2: "技能比武活动", name: "县级参加技能比武", maxPoints: 1, type: "score",
        inputs: [flag("参加技能比武")],
        rule: "县级候选集体参加的，得1分；获得比武先进集体或个人的，得3分。",
        note: "县级候选集体：参加技能比武得1分（本项），获得比武先进集体或个人得3分（9.5）。",
        source: src(245, "9"),
        score: (v) => num(v[0]),
      }),
      j({
        id: "9.5", level1: L3, level2: "技能比武活动", name: "县级获得比武先进", maxPoints: 3, type: "score",
        inputs: [flag("获得比武先进集体或个人")],
        rule: "县级候选集体参加的，得1分；获得比武先进集体或个人的，得3分。",
        note: "县级候选集体：获得比武先进集体或个人得3分（本项），参加技能比武得1分（9.4）。",
        source: src(245, "9"),
        score: (v) => 3 * num(v[0]),
      }),
    );
  }
  list.push(
    // ---------------- 四、练兵成效（加分项） ----------------
    j({
      id: "10", level1: L4, level2: "练兵成效", name: "表现突出集体和个人覆盖情况", maxPoints: 1, type: "bonus",
      inputs: city
        ? [flag("市级候选集体获得表现突出集体"), flag("辖区内县级执法机构或人员获得表现突出集体或个人")]
        : [flag("县级候选集体获得表现突出集体"), flag("辖区内执法人员获得表现突出个人")],
      rule: "表现突出集体和个人覆盖情况(1分)。截至2023年，市级候选集体获得表现突出集体的，加0.5分，辖区内县级执法机构或执法人员获得表现突出集体或表现突出个人的，加0.5分。县级候选集体获得表现突出集体的，加0.5分，辖区内执法人员获得表现突出个人的，加0.5分。",
      source: src(246, "10"),
      score: (v) => 0.5 * num(v[0]) + 0.5 * num(v[1]),
    }),
    // ---------------- 五、廉政纪律（否决项） ----------------
    j({
      id: "11", level1: L5, level2: "廉政纪律", name: "廉政纪律", maxPoints: 0, type: "veto",
      inputs: [flag("主要负责人存在廉政纪律问题或严重弄虚作假"), flag("因环境污染问题造成较大负面舆论影响")],
      rule: "候选集体存在以下廉政纪律问题之一的，取消参评资格：1. 候选集体主要负责人存在廉政纪律问题或候选集体在练兵活动中严重弄虚作假的；2. 因环境污染问题造成较大负面舆论影响的。",
      source: src(248, "11"),
      score: (v) => (num(v[0]) === 1 || num(v[1]) === 1 ? VETO : 0),
    }),
  );
  return list;
}

export const JIZHUN_CITY_ENTRIES: CatalogEntry[] = build("基准市");
export const JIZHUN_COUNTY_ENTRIES: CatalogEntry[] = build("基准县");
export type JizhunSet = Extract<RuleSetId, "基准市" | "基准县">;
