/**
 * Chinese function help (issue 3 §5): every function and parameter that functions.ts declares has a
 * Chinese description in functions-zh-cn.json, names stay DALIANBING.*'s own, and nothing extra.
 * The metadata is generated here exactly as the build does it (custom-functions-metadata parses the
 * JSDoc; scripts/localize-functions.js applies the table), without running webpack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseTree } from "custom-functions-metadata";
import { ZH_CN_HELP, type FunctionHelp } from "../../src/functions/zh-cn";

const { localizeMetadata } = require("../../scripts/localize-functions.js") as {
  localizeMetadata: (
    metadata: { functions: MetadataFunction[] },
    table: Record<string, FunctionHelp>,
  ) => { metadata: { functions: MetadataFunction[] }; errors: string[] };
};

interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string }[];
}

const source = path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts");
const parsed = parseTree(fs.readFileSync(source, "utf8"), source);
const english = { functions: parsed.functions as MetadataFunction[] };
const CJK = /[\u4e00-\u9fff]/;

const ISSUE_FUNCTIONS = [
  "TIER", "PERUNIT", "DEDUCT", "MONTHLY", "TIERRANK", "PROPORTION", "STEP",
  "SCORE", "MAXSCORE", "RULE", "MILESTONES", "OVERDUE", "STATUS", "NEXTDUE",
  "WORKDAY", "NETWORKDAYS", // issue 9 §3
];

test("functions.ts declares every function of the issue, with no metadata errors", () => {
  expect(parsed.extras.flatMap((e) => e.errors)).toEqual([]);
  expect(english.functions.map((f) => f.id).sort()).toEqual([...ISSUE_FUNCTIONS].sort());
});

test("the Chinese metadata covers every function and parameter, in Chinese, with nothing missing", () => {
  const { metadata, errors } = localizeMetadata(english, ZH_CN_HELP);
  expect(errors).toEqual([]);
  expect(metadata.functions).toHaveLength(english.functions.length);
  metadata.functions.forEach((fn, i) => {
    const original = english.functions[i];
    expect(fn.id).toBe(original.id);
    expect(fn.name).toBe(original.name); // DALIANBING.TIER in every language
    expect(fn.description).toMatch(CJK);
    // Same parameters, in the same order, each under its Chinese name from the table.
    expect(fn.parameters.map((p) => p.name)).toEqual(original.parameters.map((p) => (ZH_CN_HELP as Record<string, FunctionHelp>)[fn.id].params[p.name].zh));
    expect(new Set(fn.parameters.map((p) => p.name)).size).toBe(fn.parameters.length);
    for (const p of fn.parameters) {
      expect(p.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(p.description).toMatch(CJK);
      expect(p.description?.trim().length).toBeGreaterThan(4);
    }
  });
});

test("the help table has no entry for a function or parameter that does not exist", () => {
  const declared = new Map(english.functions.map((f) => [f.id, new Set(f.parameters.map((p) => p.name))]));
  for (const [id, help] of Object.entries(ZH_CN_HELP)) {
    expect(declared.has(id)).toBe(true);
    for (const param of Object.keys(help.params)) expect(declared.get(id)?.has(param)).toBe(true);
  }
});

test("the spilled MILESTONES result is described column by column", () => {
  const { metadata } = localizeMetadata(english, ZH_CN_HELP);
  const milestones = metadata.functions.find((f) => f.id === "MILESTONES");
  expect(milestones?.description).toContain("节点编号");
  expect(milestones?.description).toContain("截止日期");
  expect(milestones?.description).toContain("类型");
});

test("a gap in the table fails the localisation step (and so the build)", () => {
  const { SCORE: _dropped, ...withoutScore } = ZH_CN_HELP;
  void _dropped;
  expect(localizeMetadata(english, withoutScore).errors.join("\n")).toContain("函数 SCORE 缺少中文说明");

  const missingParam = { ...ZH_CN_HELP, TIER: { ...ZH_CN_HELP.TIER, params: { value: ZH_CN_HELP.TIER.params.value } } };
  expect(localizeMetadata(english, missingParam).errors.join("\n")).toContain("函数 TIER 的参数 thresholds 缺少中文说明");

  const extra = { ...ZH_CN_HELP, AVERAGE: { description: "平均值", params: {} } };
  expect(localizeMetadata(english, extra).errors.join("\n")).toContain("AVERAGE 不是现有函数");

  const twoAlike = { ...ZH_CN_HELP, PERUNIT: { ...ZH_CN_HELP.PERUNIT, params: { ...ZH_CN_HELP.PERUNIT.params, cap: { zh: "数量", description: "上限分值。" } } } };
  expect(localizeMetadata(english, twoAlike).errors.join("\n")).toContain("PERUNIT 有重名的中文参数名");

  const punctuated = { ...ZH_CN_HELP, MAXSCORE: { ...ZH_CN_HELP.MAXSCORE, params: { item: { zh: "评审 项目", description: "序号。" } } } };
  expect(localizeMetadata(english, punctuated).errors.join("\n")).toContain("只能由汉字或字母组成");

  const english_only = { ...ZH_CN_HELP, RULE: { ...ZH_CN_HELP.RULE, description: "The rule text" } };
  expect(localizeMetadata(english, english_only).errors.join("\n")).toContain("RULE 的中文说明为空或不是中文");
});
