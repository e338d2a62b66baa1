/**
 * 个人 catalog: 附件6 表现突出个人评审细则 (source lines 251–268). Ids follow 附件6's numbering,
 * "个人-<序号>.<条>[.<款>]": 个人-1.1 获得荣誉称号 … 个人-5 廉政纪律与依法行政; findItem("1.1", "个人")
 * also works. 一级指标 8 + 50 + 31 + 11 = 100, 法律资格 is the bonus, 序号5 the veto.
 */
import { monthly, perUnit } from "../scoring/calculators";
import { type CatalogEntry, type Coerced, count, entry, flag, max, min, months, num, points, ratio, VETO } from "./define";

const L1 = "荣誉称号";
const L2 = "案件办理";
const L3 = "实战练兵";
const L4 = "专业技能";
const L5 = "廉政纪律与依法行政";

const src = (line: number): string => `source-2024-panjin-dalianbing.txt 第${line}行 附件6`;
const m = (v: Coerced): (number | null)[] => v as (number | null)[];
const p = (spec: Parameters<typeof entry>[1]): CatalogEntry => entry("个人", { ...spec, id: `个人-${spec.id}` });

export const GEREN_ENTRIES: CatalogEntry[] = [
  // ---------------- 一、荣誉称号（8分） ----------------
  p({
    id: "1.1", level1: L1, level2: "荣誉称号", name: "获得荣誉称号情况", maxPoints: 4, type: "score",
    inputs: [count("省级以上荣誉称号项数", "项"), count("地市级荣誉称号项数", "项"), count("县级荣誉称号项数", "项"), flag("被省级及以上权威媒体正向宣传")],
    rule: "获得荣誉称号情况(4分)。在2024年获得各类荣誉称号的，省级以上每项得3分；地市级每项得2分；县级每项得1分。被省级及以上权威媒体平台正向宣传的，加2分。",
    note: "原文“地市级入项得2分”按“每项”读；各项累加，以本项分值4分为上限。",
    source: src(258),
    score: (v) => min(3 * num(v[0]) + 2 * num(v[1]) + num(v[2]) + 2 * num(v[3]), 4),
  }),
  p({
    id: "1.2", level1: L1, level2: "荣誉称号", name: "入选人才师资库", maxPoints: 2, type: "score",
    inputs: [flag("入选省级执法人才库"), flag("入选省级师资库"), flag("入选国家级师资库")],
    rule: "入选人才师资库(2分)。入选省级执法人才库的，得1分；入选省级师资库的，得1.5分；入选国家级师资库的，得2分。",
    note: "按最高一种计分。",
    source: src(258),
    score: (v) => max(num(v[0]), 1.5 * num(v[1]), 2 * num(v[2])),
  }),
  p({
    id: "1.3", level1: L1, level2: "荣誉称号", name: "参加执法稽查情况", maxPoints: 2, type: "score",
    inputs: [flag("被抽调参加国家级执法稽查"), flag("被抽调参加省级执法稽查")],
    rule: "参加执法稽查情况(2分)。被抽调参加国家级执法稽查工作的，得2分；被抽调参加省级执法稽查工作的，得1分。",
    note: "按最高一种计分。",
    source: src(258),
    score: (v) => max(2 * num(v[0]), num(v[1])),
  }),
  p({
    id: "1.4", level1: L1, level2: "荣誉称号", name: "法律资格", maxPoints: 1, type: "bonus",
    inputs: [flag("取得国家统一法律职业资格")],
    rule: "法律资格(加分项)。取得国家统一法律职业资格的，加1分。",
    source: src(258),
    score: (v) => num(v[0]),
  }),
  // ---------------- 二、案件办理（50分） ----------------
  p({
    id: "2.1", level1: L2, level2: "案件办理", name: "重大案件查办", maxPoints: 10, type: "score",
    inputs: [
      count("公安机关立案的环境污染犯罪案件数", "件"),
      count("公安机关立案的行政拘留案件数", "件"),
      count("被省级生态环境部门作为典型案例发布件数", "件"),
      count("被生态环境部作为典型案例发布件数", "件"),
    ],
    rule: "重大案件查办(10分)。本年度作为主要承办人查处重大违法案件的，公安机关每立案1件环境污染犯罪案件的，得6分，每立案1件行政拘留案件的，得2分，最高得6分。被省级生态环境部门作为典型案例发布的，每件得2分；被生态环境部作为典型案例发布的，每件得4分，最高得4分。",
    note: "立案部分最高6分，典型案例部分最高4分。",
    source: src(260),
    score: (v) => min(6 * num(v[0]) + 2 * num(v[1]), 6) + min(2 * num(v[2]) + 4 * num(v[3]), 4),
  }),
  p({
    id: "2.2", level1: L2, level2: "案件办理", name: "关键领域案件查办", maxPoints: 5, type: "score",
    inputs: [count("关键领域案件类数", "类", 4)],
    rule: "关键领域案件查办(5分)。本年度作为主要承办人查处第三方环保服务机构弄虚作假、涉危险废物环境违法犯罪、自动监测数据弄虚作假和举报奖励等案件的，每类得2.5分，最高得5分(不与第一项查办案件重复)。",
    source: src(260),
    score: (v) => perUnit(num(v[0]), 2.5, 5),
  }),
  p({
    id: "2.3", level1: L2, level2: "案件办理", name: "案卷质量", maxPoints: 35, type: "score",
    inputs: [ratio("案卷评查得分率"), count("出现5种情形之一的案卷份数", "份", 2)],
    rule: "案卷质量(35分)。(1)随机抽查候选个人办理的2份案卷(包括1份一般行政处罚案卷和1份配套办法案卷)。(2)系统中无候选个人办理对应类型案卷的，该案卷不得分，后补上传案卷不再给予评查。(3)抽取案卷中出现以下5种情形之一的，在该案卷不得分基础上，另扣1分：①办案人员不具有行政执法资格，或少于两人的；②违法主体不清或认定错误的；③证据取得的方式、手段、途径不符合法定要求的；④作出的决定无法律、法规、规章依据的；⑤违反法定程序的。(4)候选个人需作为办案的主要承办人。(5)候选个人不得与候选集体共用同一份案卷，不同候选个人不得共用同一份案卷。",
    note: "得分＝35分×案卷评查得分率，每份出现5种情形之一的案卷另扣1分，最低0分。",
    source: src(260),
    score: (v) => 35 * num(v[0]) - num(v[1]),
  }),
  // ---------------- 三、实战练兵（31分） ----------------
  p({
    id: "3.1", level1: L3, level2: "大气监督帮扶", group: "大气监督帮扶", name: "现场监督帮扶表现", maxPoints: 28, type: "score",
    inputs: [points("各轮次最好成绩", 28)],
    rule: "现场监督帮扶表现(28分)。根据候选个人参加大气监督帮扶的表现情况进行综合评分，其中每轮次现场检查任务完成情况得分比重占40%，发现问题得分比重占50%，提供符合要求的典型案例和宣传材料得分比重占10%。参加多轮次的，取各轮次最好成绩；未参加的，该项不得分。",
    source: src(263),
    score: (v) => num(v[0]),
  }),
  p({
    id: "3.2", level1: L3, level2: "大气监督帮扶", group: "大气监督帮扶", name: "工作纪律方面", maxPoints: 28, type: "deduction",
    inputs: [count("不服从指挥调度、不遵守组织纪律次数", "次"), points("3.1得分", 28, true)],
    rule: "工作纪律方面(扣分项)。存在不服从指挥调度、不遵守组织纪律的，每次扣5分。扣完该项分值为止。",
    note: "每次扣5分，最多扣完“现场监督帮扶表现”的28分；填写3.1得分时，最多扣到该得分为止。",
    source: src(263),
    score: (v) => -min(5 * num(v[0]), v[1] === null ? 28 : num(v[1])),
  }),
  p({
    id: "3.3", level1: L3, level2: "技能比武", name: "技能比武", maxPoints: 3, type: "score",
    inputs: [flag("获得省级比武先进个人"), flag("获得市级比武先进个人")],
    rule: "技能比武(3分)。候选个人参加省市技能比武活动，获得省级比武先进个人的，得2分，获得市级比武先进个人的，得1分。",
    note: "省级、市级可累加，合计3分。",
    source: src(263),
    score: (v) => 2 * num(v[0]) + num(v[1]),
  }),
  // ---------------- 四、专业技能（11分） ----------------
  p({
    id: "4.1.1", level1: L4, level2: "专业技能", group: "执法记录及上报情况", name: "移动执法终端上传检查记录", maxPoints: 4, type: "score",
    inputs: [months("各月上传检查记录条数", "条")],
    rule: "2023年12月至2024年11月期间，候选个人使用移动执法终端上传检查记录，每月上传2条及以上的得0.3分，每月均上传2条及以上的得4分。",
    note: "12个月的条数作为一个区域输入；空单元格按未达到计。",
    source: src(264),
    score: (v) => monthly(m(v[0]), 2, 0.3, 4),
  }),
  p({
    id: "4.1.2", level1: L4, level2: "专业技能", group: "执法记录及上报情况", name: "抽查案卷现场检查信息", maxPoints: 3, type: "score",
    inputs: [count("能查询到现场检查信息的抽查案卷份数", "份", 2)],
    rule: "能在移动执法系统中查询到抽查的候选个人2份案卷相关现场检查信息的，每一份案卷得1.5分。",
    source: src(264),
    score: (v) => 1.5 * num(v[0]),
  }),
  p({
    id: "4.1.3", level1: L4, level2: "专业技能", group: "执法记录及上报情况", name: "执法数据质量", maxPoints: 4, type: "deduction",
    inputs: [count("检查记录表填报不规范起数", "起"), count("处罚案件查询不到现场检查信息起数", "起")],
    rule: "执法数据质量(扣分项)。移动执法系统中现场检查记录表信息填报不规范、内容与结论不一致，每发现1起扣0.5分，最多扣2分；已作出行政处罚决定的案件在移动执法系统中查询不到相关现场检查信息的，每发现一起扣0.5分，最多扣2分。",
    source: src(264),
    score: (v) => -(perUnit(num(v[0]), 0.5, 2) + perUnit(num(v[1]), 0.5, 2)),
  }),
  p({
    id: "4.2.1", level1: L4, level2: "专业技能", group: "执法装备运用情况", name: "新装备查办案件", maxPoints: 2, type: "score",
    inputs: [flag("运用新装备依法查办环境违法案件")],
    rule: "运用FID、PID、红外热成像气体泄漏检测仪、探地雷达等新装备依法查办环境违法案件的，得2分。",
    source: src(266),
    score: (v) => 2 * num(v[0]),
  }),
  p({
    id: "4.2.2", level1: L4, level2: "专业技能", group: "执法装备运用情况", name: "非现场监管平台查办案件", maxPoints: 2, type: "score",
    inputs: [flag("运用两种以上非现场监管平台数据查办并处罚")],
    rule: "运用污染源自动监控、用电用能监控、视频监控、排污许可、卫星遥感等两种以上非现场监管执法平台数据，查办并依法处罚的，得2分。",
    source: src(266),
    score: (v) => 2 * num(v[0]),
  }),
  // ---------------- 五、廉政纪律与依法行政（否决项） ----------------
  p({
    id: "5", level1: L5, level2: "廉政纪律与依法行政", name: "廉政纪律与依法行政", maxPoints: 0, type: "veto",
    inputs: [flag("存在廉政纪律问题或严重弄虚作假"), flag("两年内承办案件因诉讼败诉或复议被撤销")],
    rule: "候选个人存在以下廉政纪律或依法行政问题之一的，取消参评资格：1. 在监督帮扶等工作中存在廉政纪律问题或在练兵活动中严重弄虚作假的；2. 2023年、2024年两年内作为主要承办人办理的行政处罚案件因行政诉讼败诉或因行政复议被撤销行政处罚决定的。",
    source: src(267),
    score: (v) => (num(v[0]) === 1 || num(v[1]) === 1 ? VETO : 0),
  }),
];
