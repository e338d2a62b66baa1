/**
 * Chinese help for every DALIANBING function (issue 3 §5). scripts/localize-functions.js turns
 * dist/functions.json (English, from the JSDoc in functions.ts) into dist/functions-zh-cn.json with
 * these texts; the build fails when a function or a parameter is missing here or listed here but
 * not in functions.ts. Function names stay DALIANBING.* everywhere.
 *
 * `zh` is the parameter's short Chinese name: Chinese Excel shows it in the formula tooltip
 * (DALIANBING.TIER(数值, 门槛, 分值)), and error messages name the parameter with it
 * ("参数“数值”应为数字"). The calculators' parameters come from the one parameter table,
 * core/scoring/params.ts (CALCULATOR_PARAMS), which also names them in the core's messages.
 */
import { CALCULATOR_PARAMS, type ParamHelp } from "../core/scoring/params";

export type { ParamHelp };

export interface FunctionHelp {
  description: string;
  /** What a spilled result holds, column by column (appended to the description). */
  result?: string;
  params: Record<string, ParamHelp>;
}

const ITEM: ParamHelp = {
  zh: "评审项目",
  description:
    "评审项目的序号：攻坚任务写 1–51（或“攻坚5”）；基准任务、个人项目写其编号（见 dalianbing rules 命令的清单）。",
};

const MILESTONE_TEXT: ParamHelp = {
  zh: "节点文本",
  description: "“市级辅助成果”单元格，如“1.5月底前,出台…; 2.9月底前,上报…”。",
};

const AS_OF: ParamHelp = {
  zh: "参照日期",
  description: "按哪一天判断，Excel 日期；省略时为今天（每天自动更新），也可写 TODAY()。",
};

const DONE: ParamHelp = {
  zh: "已完成节点",
  description: "已完成的节点编号，如“1,2,4a”；写“1”表示 1a、1b 都已完成。可省略。",
};

const YEAR: ParamHelp = {
  zh: "年份",
  description: "节点日期所在的年份，如 2024；省略时取参照日期的年份。",
};

export const ZH_CN_HELP = {
  TIER: {
    description: "分档计分：返回数值达到（≥）的最高门槛所对应的分值；低于所有门槛得 0 分。",
    params: CALCULATOR_PARAMS.TIER,
  },
  PERUNIT: {
    description: "按件计分：数量 × 单位分值，不超过上限。",
    params: CALCULATOR_PARAMS.PERUNIT,
  },
  DEDUCT: {
    description: "扣分项：返回 −(次数 × 每次扣分)，最多扣到扣分上限，结果不大于 0。",
    params: CALCULATOR_PARAMS.DEDUCT,
  },
  MONTHLY: {
    description: "逐月计分：每个月都达到门槛得全年分值，否则按达到门槛的月数 × 每月分值。",
    params: CALCULATOR_PARAMS.MONTHLY,
  },
  TIERRANK: {
    description:
      "按名次分档计分：名次 = 1 + 同组中严格大于本数值的个数（并列同名次，同 RANK.EQ）；第一个名次档不小于名次的档给分；数值 ≤ 0 得 0 分（未办理案件的不得分）。",
    params: CALCULATOR_PARAMS.TIERRANK,
  },
  PROPORTION: {
    description: "按比例计分：数量达到基准数得满分，否则得 满分 × 数量 ÷ 基准数；数量为 0 得 0 分。",
    params: CALCULATOR_PARAMS.PROPORTION,
  },
  STEP: {
    description: "阶梯计分：低于起点得 0 分；否则得 起点分值 + 每步分值 × 超过起点的整步数，不超过上限。",
    params: CALCULATOR_PARAMS.STEP,
  },
  SCORE: {
    description:
      "评审项目得分：按省厅评审细则计算一个项目的得分（保留 4 位小数）；扣分项为负数；否决项触发时返回“否决”。",
    params: {
      item: ITEM,
      inputs: {
        zh: "输入",
        description:
          "该项目需要的实测值，依次填写（如第 1 项填完成比例；第 18、19 项填 12 个月的数值区域）；各项的输入见 RULE 函数和 dalianbing rules 命令。" +
          "第 42 项：名次，[纳入远程监督帮扶（是/否，未纳入时按 20 分计）]，[省级监督帮扶得分（按 80%/20% 加权）]；第 43 项未纳入远程监督帮扶时填“未纳入”；" +
          "第 44 项（该项不得分）：是/否，第 42 项得分，第 43 项得分（填“是”时扣回两项得分）。",
      },
    },
  },
  MAXSCORE: {
    description: "评审项目的分值（满分）；扣分项返回其扣分上限，否决项返回 0。",
    params: { item: ITEM },
  },
  RULE: {
    description: "评审项目的评分规则原文（省厅评审细则）。",
    params: { item: ITEM },
  },
  MILESTONES: {
    description: "列出节点文本中的时间节点，溢出为多行，每行一个节点。",
    result: "三列：节点编号（如 1、2a）| 截止日期（Excel 日期，请设置为日期格式；无固定日期时为空）| 类型（定期、周期性、相对期限、无期限）。",
    params: {
      text: MILESTONE_TEXT,
      year: { zh: "年份", description: "节点日期所在的年份，如 2024；省略时取今年。" },
    },
  },
  OVERDUE: {
    description: "逾期节点数：截止日期已过（截止日当天仍算按期）且未完成的节点个数。",
    params: { text: MILESTONE_TEXT, asOf: AS_OF, done: DONE, year: YEAR },
  },
  STATUS: {
    description:
      "节点状态：已逾期、临期（7 天内到期）、未到期、已完成或无固定期限；一个单元格有多个节点时取最严重的状态；节点文本为空时返回空文本。",
    params: { text: MILESTONE_TEXT, asOf: AS_OF, done: DONE, year: YEAR },
  },
  NEXTDUE: {
    description: "下一个截止日期：未完成的节点中，截止日期在参照日期当天或之后的最早一个（Excel 日期，请设置为日期格式）；没有时返回 #N/A。",
    params: { text: MILESTONE_TEXT, asOf: AS_OF, done: DONE, year: YEAR },
  },
  WORKDAY: {
    description:
      "工作日推算：开始日期之后第 N 个工作日的日期（不含开始日期当天），按国家法定节假日和调休计算（如 2024-09-29、2024-10-12 为调休上班日）；超出节假日数据范围的年份返回 #VALUE! 并说明已知年份。",
    params: {
      start: { zh: "开始日期", description: "起算日期，Excel 日期或“2024-09-01”。" },
      days: { zh: "天数", description: "工作日天数，整数；负数表示向前推算。" },
    },
  },
  NETWORKDAYS: {
    description:
      "工作日天数：开始日期到结束日期之间的工作日个数（两端都算），按国家法定节假日和调休计算；结束日期早于开始日期时为负数；超出节假日数据范围返回 #VALUE! 并说明已知年份。",
    params: {
      start: { zh: "开始日期", description: "起始日期，Excel 日期或“2024-09-01”。" },
      end: { zh: "结束日期", description: "截止日期，Excel 日期或“2024-10-31”。" },
    },
  },
} as const satisfies Record<string, FunctionHelp>;

export type FunctionId = keyof typeof ZH_CN_HELP;
/** The parameters a function declares (its keys in the table): a misspelt one fails to compile. */
export type ParamOf<F extends FunctionId> = keyof (typeof ZH_CN_HELP)[F]["params"] & string;

/** “数值”: how error messages name a parameter (its Chinese name in the formula tooltip). */
export function paramName<F extends FunctionId>(functionId: F, param: ParamOf<F>): string {
  const params: Record<string, ParamHelp> = ZH_CN_HELP[functionId].params;
  return `“${params[param].zh}”`;
}
