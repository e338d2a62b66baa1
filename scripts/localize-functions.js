#!/usr/bin/env node
/**
 * Writes the Chinese custom-function metadata (issue 3 §5, docs/design.md §7): functions.json as generated
 * from the JSDoc of src/functions/functions.ts, with every description replaced by the Chinese text
 * of src/functions/zh-cn.ts, and every parameter shown under its short Chinese name (the formula tooltip
 * reads DALIANBING.STATUS(节点文本, [参照日期], …); Office's localisation guide translates parameter
 * names the same way). Function ids and names stay as they are (DALIANBING.* in every language). The
 * metadata plugin does not localise, so webpack calls `localizeMetadata` right after it emits
 * functions.json; it can also run alone:
 *   node scripts/localize-functions.js [dist/functions.json] [dist/functions-zh-cn.json]
 * A function or parameter without Chinese help, or Chinese help for something that does not exist,
 * is an error (the build fails), so the help cannot silently fall behind the code.
 */
const fs = require("node:fs");
const path = require("node:path");

const ZH_CN_SOURCE = path.join(__dirname, "..", "src", "functions", "zh-cn.ts");

/** Loads the help table from zh-cn.ts (TypeScript, through tsx). */
function loadHelpTable(file = ZH_CN_SOURCE) {
  const { require: tsxRequire } = require("tsx/cjs/api");
  return tsxRequire(file, __filename).ZH_CN_HELP;
}

const CJK = /[\u4e00-\u9fff]/;
/** A parameter name Excel shows in the tooltip: letters only (CJK or ASCII), no spaces or punctuation. */
const PARAMETER_NAME = /^[\u4e00-\u9fffA-Za-z]+$/;

/**
 * @param {{functions: Array<{id: string, name: string, description?: string, parameters: Array<{name: string, description?: string}>}>}} metadata
 * @param {Record<string, {description: string, result?: string, params: Record<string, {zh: string, description: string}>}>} table
 * @returns {{ metadata: object, errors: string[] }}
 */
function localizeMetadata(metadata, table) {
  const errors = [];
  const seen = new Set();
  const functions = metadata.functions.map((fn) => {
    seen.add(fn.id);
    const help = table[fn.id];
    if (!help) {
      errors.push(`函数 ${fn.id} 缺少中文说明（src/functions/zh-cn.ts） / no Chinese help for ${fn.id}`);
      return fn;
    }
    if (!CJK.test(help.description || "")) {
      errors.push(`函数 ${fn.id} 的中文说明为空或不是中文 / the Chinese description of ${fn.id} is empty`);
    }
    const params = help.params || {};
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(params)) {
      if (!names.has(name)) errors.push(`函数 ${fn.id} 没有参数 ${name}，中文说明多余 / ${fn.id} has no parameter ${name}`);
    }
    const parameters = fn.parameters.map((p) => {
      const ph = params[p.name];
      if (!ph || !CJK.test(ph.zh || "") || !CJK.test(ph.description || "")) {
        errors.push(`函数 ${fn.id} 的参数 ${p.name} 缺少中文说明 / no Chinese help for ${fn.id}(${p.name})`);
        return p;
      }
      if (!PARAMETER_NAME.test(ph.zh)) {
        errors.push(`函数 ${fn.id} 的参数 ${p.name} 的中文名“${ph.zh}”只能由汉字或字母组成 / bad Chinese name for ${fn.id}(${p.name})`);
      }
      return { ...p, name: ph.zh, description: ph.description };
    });
    const zhNames = parameters.map((p) => p.name);
    if (new Set(zhNames).size !== zhNames.length) {
      errors.push(`函数 ${fn.id} 有重名的中文参数名 / duplicate Chinese parameter names in ${fn.id}`);
    }
    const description = help.result ? `${help.description}结果：${help.result}` : help.description;
    return { ...fn, description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!seen.has(id)) errors.push(`中文说明中的 ${id} 不是现有函数 / Chinese help for unknown function ${id}`);
  }
  return { metadata: { ...metadata, functions }, errors };
}

function main(argv) {
  const input = path.resolve(argv[2] || "dist/functions.json");
  const output = path.resolve(argv[3] || path.join(path.dirname(input), "functions-zh-cn.json"));
  const { metadata, errors } = localizeMetadata(JSON.parse(fs.readFileSync(input, "utf8")), loadHelpTable());
  if (errors.length > 0) {
    for (const error of errors) console.error(`✗ ${error}`);
    return 1;
  }
  fs.writeFileSync(output, `${JSON.stringify(metadata, null, 2)}\n`);
  console.log(`✓ 已生成 ${output}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv);

module.exports = { localizeMetadata, loadHelpTable, ZH_CN_SOURCE };
