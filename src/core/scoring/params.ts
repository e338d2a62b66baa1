/**
 * The one parameter table of the calculators (issue 8 §4): keyed by the DALIANBING function id and
 * the parameter's name in functions.ts, it gives the short Chinese name (what Chinese Excel shows in
 * the formula tooltip and what every message names) and the zh-CN help. The calculators take their
 * names from it, src/functions/zh-cn.ts builds the help from it, and functions.ts can only name a
 * parameter that is in it (paramName is typed by these keys, so a misspelt parameter fails to compile).
 */
export interface ParamHelp {
  /** Short Chinese name: “数值”. */
  zh: string;
  description: string;
}

export const CALCULATOR_PARAMS = {
  TIER: {
    value: { zh: "数值", description: "实测值；比例按小数填写，12% 即 0.12。" },
    thresholds: { zh: "门槛", description: "各档门槛，一行或一列，顺序不限。" },
    points: { zh: "分值", description: "各档分值，与门槛一一对应。" },
  },
  PERUNIT: {
    count: { zh: "数量", description: "件数、次数或项数，不小于 0 的整数。" },
    per: { zh: "单位分值", description: "每件得分。" },
    cap: { zh: "上限", description: "本项最高得分。" },
  },
  DEDUCT: {
    count: { zh: "次数", description: "被扣分的次数，不小于 0 的整数。" },
    per: { zh: "每次扣分", description: "每次扣多少分，写正数。" },
    cap: { zh: "扣分上限", description: "最多扣多少分，写正数。" },
  },
  MONTHLY: {
    values: { zh: "各月数值", description: "各月的实测值（如 12 个月），一行或一列；空单元格视为未达到。" },
    threshold: { zh: "门槛", description: "每月需要达到（≥）的值；比例按小数填写。" },
    perMonth: { zh: "每月分值", description: "未全部达到时，每个达标月份的得分。" },
    allMonths: { zh: "全年分值", description: "所有月份都达标时的得分。" },
  },
  TIERRANK: {
    value: { zh: "数值", description: "本单位的实测值（如办理案件数）。" },
    peers: { zh: "同组数值", description: "参与排名的各单位数值，可包含本单位。" },
    rankEnds: { zh: "名次档", description: "各档的末位名次，从小到大，如 3、6、99。" },
    points: { zh: "分值", description: "各名次档的分值，与名次档一一对应。" },
  },
  PROPORTION: {
    count: { zh: "数量", description: "实际件数，不小于 0 的整数。" },
    baseline: { zh: "基准数", description: "得满分所需的件数，大于 0。" },
    full: { zh: "满分", description: "本项满分。" },
  },
  STEP: {
    value: { zh: "数值", description: "实测值；比例按小数填写。" },
    start: { zh: "起点", description: "开始得分的值（达到即得起点分值）。" },
    startPoints: { zh: "起点分值", description: "达到起点时的得分。" },
    step: { zh: "步长", description: "每超过多少算一步，大于 0，如 0.01 表示每 1 个百分点。" },
    stepPoints: { zh: "每步分值", description: "每一整步加多少分。" },
    cap: { zh: "上限", description: "本项最高得分。" },
  },
} as const satisfies Record<string, Record<string, ParamHelp>>;

export type CalculatorId = keyof typeof CALCULATOR_PARAMS;
