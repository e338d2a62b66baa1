#!/usr/bin/env node
/**
 * Offline check of the add-in manifest (`npm run validate`; docs/design.md, "The add-in"): `office-addin-manifest
 * validate` needs Microsoft's online service, so this checks what breaks an add-in silently:
 *   - well-formed XML (a real parser: xml2js/sax in strict mode), root OfficeApp TaskPaneApp;
 *   - every resid used is defined once in Resources;
 *   - shared runtime: Runtime (lifetime long), the functions' Page, the FunctionFile and the
 *     ShowTaskpane action use one resid, and no action carries a TaskpaneId;
 *   - the CustomFunctions Namespace resolves to DALIANBING (in every language);
 *   - every URL is https;
 *   - every Icon has 16, 20, 32 and 80 px images, and the PNG files exist with those sizes (looked up
 *     next to the manifest, relative to the task pane's URL);
 *   - no Override for the default locale (zh-CN: the localization docs forbid it); every element with
 *     English Overrides has one for each English locale in ENGLISH_LOCALES, the functions' metadata too;
 *   - SupportUrl present; CustomFunctionsRuntime at least 1.2 (CustomFunctions.Error) and
 *     SharedRuntime required inside VersionOverrides, and not at the top level, so that the task pane
 *     still installs where they are missing (volume-licensed Office 2016/2019, docs/office-versions.md).
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--root DIR]
 * DIR (default: the manifest's folder) is where the files behind the URLs are looked for.
 * Exit code 0 when every check passes, 1 otherwise; messages in Chinese and English.
 */
const fs = require("node:fs");
const path = require("node:path");
const xml2js = require("xml2js");

const NAMESPACE = "DALIANBING";
const ICON_SIZES = ["16", "20", "32", "80"];
/** English Excel UI languages that get the English strings and function help (one Override each). */
const ENGLISH_LOCALES = ["en-US", "en-GB", "en-AU", "en-CA", "en-IN", "en-NZ", "en-IE", "en-SG", "en-ZA"];
/** CustomFunctions.Error, used by src/functions, needs this CustomFunctionsRuntime version. */
const CUSTOM_FUNCTIONS_RUNTIME = "1.2";

/** xml2js output → { name, attrs, children, text } with namespace prefixes stripped. */
function toNode(name, raw) {
  if (typeof raw === "string") return { name, attrs: {}, children: [], text: raw };
  const node = { name, attrs: raw.$ || {}, children: [], text: typeof raw._ === "string" ? raw._ : "" };
  for (const [key, value] of Object.entries(raw)) {
    if (key === "$" || key === "_") continue;
    for (const child of value) node.children.push(toNode(key, child));
  }
  return node;
}

function parseXml(text) {
  let result = null;
  let error = null;
  const parser = new xml2js.Parser({
    strict: true,
    tagNameProcessors: [xml2js.processors.stripPrefix],
    attrNameProcessors: [xml2js.processors.stripPrefix],
  });
  // xml2js calls back synchronously for a string input.
  parser.parseString(text, (err, parsed) => {
    error = err;
    result = parsed;
  });
  if (error) return { error: String(error.message || error).replace(/\s+/g, " ").trim() };
  if (!result) return { error: "empty document" };
  const [rootName] = Object.keys(result);
  return { root: toNode(rootName, result[rootName]) };
}

function* walk(node, ancestors = []) {
  yield { node, ancestors };
  for (const child of node.children) yield* walk(child, [...ancestors, node]);
}

function find(node, predicate) {
  const found = [];
  for (const entry of walk(node)) if (predicate(entry.node, entry.ancestors)) found.push(entry);
  return found;
}

const child = (node, name) => (node ? node.children.find((c) => c.name === name) : undefined);
const children = (node, name) => (node ? node.children.filter((c) => c.name === name) : []);

/** Reads a PNG's width and height from its IHDR chunk; null when it is not a PNG. */
function pngSize(file) {
  const buffer = fs.readFileSync(file);
  if (buffer.length < 24 || buffer.toString("latin1", 1, 4) !== "PNG") return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/**
 * @param {string} text the manifest's XML
 * @param {{ root?: string }} options root: folder holding the files the URLs point to (icons)
 * @returns {{ errors: string[], notes: string[] }} messages "中文 / English"
 */
function validateManifestText(text, options = {}) {
  const errors = [];
  const notes = [];
  const fail = (zh, en) => errors.push(`${zh} / ${en}`);

  const parsed = parseXml(text);
  if (parsed.error) {
    fail(`XML 格式错误：${parsed.error}`, `not well-formed XML: ${parsed.error}`);
    return { errors, notes };
  }
  const root = parsed.root;
  if (root.name !== "OfficeApp" || root.attrs.type !== "TaskPaneApp") {
    fail("根元素应为 OfficeApp（xsi:type=\"TaskPaneApp\"）", 'the root must be OfficeApp with xsi:type="TaskPaneApp"');
    return { errors, notes };
  }

  // Resources: id → { kind, node }
  const resources = new Map();
  const resourcesNode = find(root, (n) => n.name === "Resources")[0];
  if (!resourcesNode) fail("缺少 Resources 元素", "no Resources element");
  for (const group of resourcesNode ? resourcesNode.node.children : []) {
    for (const item of group.children) {
      const id = item.attrs.id;
      if (!id) continue;
      if (resources.has(id)) fail(`资源 id "${id}" 重复定义`, `resource id "${id}" is defined twice`);
      resources.set(id, { kind: group.name, node: item });
    }
  }

  // Every resid used is defined.
  for (const { node, ancestors } of find(root, (n) => n.attrs.resid !== undefined)) {
    const resid = node.attrs.resid;
    if (!resources.has(resid)) {
      const where = [...ancestors.slice(-1), node].map((n) => n.name).join("/");
      fail(`resid "${resid}" 未在 Resources 中定义（${where}）`, `resid "${resid}" is not defined in Resources (${where})`);
    }
  }

  // Shared runtime.
  const runtimes = find(root, (n, a) => n.name === "Runtime" && a.some((p) => p.name === "Runtimes"));
  const functionPoints = find(root, (n) => n.name === "ExtensionPoint" && n.attrs.type === "CustomFunctions");
  const functionFiles = find(root, (n) => n.name === "FunctionFile");
  const runtimeResid = runtimes[0] && runtimes[0].node.attrs.resid;
  if (runtimes.length !== 1) {
    fail(`应有且仅有一个 Runtime，实际 ${runtimes.length} 个`, `expected exactly one Runtime, found ${runtimes.length}`);
  } else if (runtimes[0].node.attrs.lifetime !== "long") {
    fail('Runtime 的 lifetime 应为 "long"（共享运行时）', 'the Runtime must have lifetime="long" (shared runtime)');
  }
  if (functionPoints.length !== 1) {
    fail("缺少 CustomFunctions 扩展点", "no CustomFunctions ExtensionPoint (or more than one)");
  }
  const functionPoint = functionPoints[0] && functionPoints[0].node;
  const pageResid = child(child(functionPoint, "Page"), "SourceLocation")?.attrs.resid;
  const sharedResids = [
    ["Runtime", runtimeResid],
    ["CustomFunctions Page", pageResid],
    ...functionFiles.map((f) => ["FunctionFile", f.node.attrs.resid]),
  ];
  if (functionFiles.length === 0) fail("缺少 FunctionFile", "no FunctionFile");
  for (const { node } of find(root, (n) => n.name === "Action" && n.attrs.type === "ShowTaskpane")) {
    sharedResids.push(["ShowTaskpane SourceLocation", child(node, "SourceLocation")?.attrs.resid]);
    if (child(node, "TaskpaneId")) {
      fail(
        "ShowTaskpane 动作不应有 TaskpaneId（共享运行时中任务窗格就是运行时页面）",
        "the ShowTaskpane action must not have a TaskpaneId under the shared runtime",
      );
    }
  }
  const distinct = new Set(sharedResids.map(([, resid]) => resid));
  if (distinct.size > 1) {
    const list = sharedResids.map(([what, resid]) => `${what}=${resid ?? "（无）"}`).join(", ");
    fail(`Runtime、Page、FunctionFile 的 resid 必须相同：${list}`, `Runtime, Page and FunctionFile resids must be equal: ${list}`);
  }

  // Namespace.
  const namespaceResid = child(functionPoint, "Namespace")?.attrs.resid;
  const namespaceResource = namespaceResid && resources.get(namespaceResid);
  if (!namespaceResid) {
    fail("CustomFunctions 缺少 Namespace", "the CustomFunctions ExtensionPoint has no Namespace");
  } else if (namespaceResource) {
    const values = [
      namespaceResource.node.attrs.DefaultValue,
      ...children(namespaceResource.node, "Override").map((o) => o.attrs.Value),
    ];
    for (const value of values) {
      if (value !== NAMESPACE) {
        fail(`函数命名空间应为 ${NAMESPACE}，实际为 "${value}"`, `the functions namespace must be ${NAMESPACE}, found "${value}"`);
      }
    }
  }

  // Metadata: the default is the Chinese help; English locales get the English one.
  const metadataResid = child(child(functionPoint, "Metadata"), "SourceLocation")?.attrs.resid;
  const metadataResource = metadataResid && resources.get(metadataResid);
  if (!metadataResid) fail("CustomFunctions 缺少 Metadata", "the CustomFunctions ExtensionPoint has no Metadata");
  if (metadataResource) {
    if (!/-zh-cn\.json$/i.test(metadataResource.node.attrs.DefaultValue || "")) {
      fail(`函数元数据 ${metadataResid} 的默认值应为中文说明 functions-zh-cn.json`, `the functions metadata ${metadataResid} must default to functions-zh-cn.json`);
    }
    const en = children(metadataResource.node, "Override").find((o) => (o.attrs.Locale || "").toLowerCase() === "en-us");
    if (!en) fail(`函数元数据 ${metadataResid} 缺少 en-US 的 Override（英文函数说明）`, `the functions metadata ${metadataResid} has no en-US Override`);
  }

  // Localization: no Override for the default locale; each English locale has its own.
  const defaultLocale = (child(root, "DefaultLocale")?.text || "").trim().toLowerCase();
  for (const { node, ancestors } of find(root, (n) => n.children.some((c) => c.name === "Override"))) {
    const where = node.attrs.id || [...ancestors.slice(-1), node].map((n) => n.name).join("/");
    const locales = children(node, "Override").map((o) => (o.attrs.Locale || "").toLowerCase());
    if (locales.includes(defaultLocale)) {
      fail(`${where} 有默认语言 ${defaultLocale} 的 Override（默认语言只能用 DefaultValue）`, `${where} overrides the default locale ${defaultLocale}`);
    }
    if (locales.some((l) => l.startsWith("en-"))) {
      const missing = ENGLISH_LOCALES.filter((l) => !locales.includes(l.toLowerCase()));
      if (missing.length) fail(`${where} 缺少英文语言 ${missing.join("、")} 的 Override`, `${where} lacks Overrides for ${missing.join(", ")}`);
    }
  }

  // SupportUrl.
  if (!/^https:\/\//i.test(child(root, "SupportUrl")?.attrs.DefaultValue || "")) {
    fail("缺少 SupportUrl（https 网址）", "no SupportUrl with an https URL");
  }

  // URLs: every attribute or text that is a URL must be https; every bt:Url/bt:Image must be a URL.
  for (const { node } of walk(root)) {
    const values = [...Object.entries(node.attrs)];
    if (node.text.trim()) values.push(["#text", node.text.trim()]);
    for (const [attr, value] of values) {
      if (attr === "xmlns" || /^https?:\/\/schemas\.microsoft\.com\//.test(value) || /^http:\/\/www\.w3\.org\//.test(value)) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^https:\/\//i.test(value)) {
        fail(`网址必须使用 https：${value}（${node.name}）`, `URL must be https: ${value} (${node.name})`);
      }
    }
  }
  for (const [id, { kind, node }] of resources) {
    if ((kind === "Urls" || kind === "Images") && !/^https:\/\//i.test(node.attrs.DefaultValue || "")) {
      fail(`资源 ${id} 应为 https 网址`, `resource ${id} must be an https URL`);
    }
  }

  // Icons: every Icon element has 16/32/80, and the files exist with those pixel sizes.
  const taskpaneUrl = runtimeResid && resources.get(runtimeResid)?.node.attrs.DefaultValue;
  const baseUrl = taskpaneUrl ? taskpaneUrl.replace(/[^/]*$/, "") : null;
  const checkedFiles = new Set();
  /** An icon served by this add-in (under the pane's base URL) must exist as a PNG of that size. */
  const checkIconFile = (url, size) => {
    const key = `${url} ${size}`;
    if (!url || !baseUrl || !options.root || !url.startsWith(baseUrl) || checkedFiles.has(key)) return;
    checkedFiles.add(key);
    const file = path.join(options.root, ...url.slice(baseUrl.length).split("/"));
    if (!fs.existsSync(file)) {
      fail(`图标文件不存在：${file}`, `icon file missing: ${file}`);
      return;
    }
    const dims = pngSize(file);
    if (!dims || (size !== null && (dims.width !== size || dims.height !== size))) {
      const got = dims ? `${dims.width}×${dims.height}` : "不是 PNG / not a PNG";
      const want = size === null ? "" : ` ${size}×${size}`;
      fail(`图标 ${file} 应为${want} PNG，实际 ${got}`, `icon ${file} must be a${want} PNG, found ${got}`);
    }
  };
  for (const { node } of find(root, (n) => n.name === "Icon")) {
    const bySize = new Map(children(node, "Image").map((img) => [img.attrs.size, img.attrs.resid]));
    for (const size of ICON_SIZES) {
      const resid = bySize.get(size);
      if (!resid) {
        fail(`图标缺少 ${size}px 尺寸`, `an Icon has no ${size} px image`);
        continue;
      }
      checkIconFile(resources.get(resid)?.node.attrs.DefaultValue, Number(size));
    }
  }
  for (const name of ["IconUrl", "HighResolutionIconUrl"]) {
    const node = child(root, name);
    if (!node) fail(`缺少 ${name}`, `no ${name}`);
    else checkIconFile(node.attrs.DefaultValue, null);
  }
  if (checkedFiles.size > 0) notes.push(`已检查图标 ${checkedFiles.size} 处 / checked ${checkedFiles.size} icon references`);

  // Requirements: the pane's at the top level, the runtimes' inside VersionOverrides.
  const setsIn = (predicate) =>
    find(root, (n, a) => n.name === "Set" && a.some((p) => p.name === "Requirements") && predicate(a)).map(({ node }) => node);
  const insideOverrides = (a) => a.some((p) => p.name === "VersionOverrides");
  const topSets = setsIn((a) => !insideOverrides(a));
  const overrideSets = setsIn(insideOverrides);
  for (const name of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    if (topSets.some((n) => n.attrs.Name === name)) {
      fail(
        `顶层 Requirements 不应要求 ${name}（否则 Office 2016/2019 批量许可版连任务窗格也装不上），请放到 VersionOverrides 的 Requirements 中`,
        `the top-level Requirements must not require ${name}; require it inside VersionOverrides`,
      );
    }
    if (!overrideSets.some((n) => n.attrs.Name === name)) {
      fail(`VersionOverrides 的 Requirements 中缺少 ${name} 要求集`, `VersionOverrides Requirements lacks the ${name} set`);
    }
  }
  const cfr = overrideSets.find((n) => n.attrs.Name === "CustomFunctionsRuntime");
  const version = (v) => (v || "0").split(".").map(Number);
  const atLeast = (a, b) => {
    const [x, y] = [version(a), version(b)];
    return x[0] > y[0] || (x[0] === y[0] && (x[1] || 0) >= (y[1] || 0));
  };
  if (cfr && !atLeast(cfr.attrs.MinVersion, CUSTOM_FUNCTIONS_RUNTIME)) {
    fail(
      `CustomFunctionsRuntime 应至少为 ${CUSTOM_FUNCTIONS_RUNTIME}（CustomFunctions.Error 需要），实际 ${cfr.attrs.MinVersion}`,
      `CustomFunctionsRuntime must be at least ${CUSTOM_FUNCTIONS_RUNTIME} (CustomFunctions.Error), found ${cfr.attrs.MinVersion}`,
    );
  }
  return { errors, notes };
}

function main(argv) {
  const args = argv.slice(2);
  let manifestPath = "manifest.xml";
  let root = null;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === "--root") root = args[++i];
    else manifestPath = args[i];
  }
  const file = path.resolve(manifestPath);
  if (!fs.existsSync(file)) {
    console.error(`找不到清单文件：${file} / manifest not found: ${file}`);
    return 1;
  }
  const { errors, notes } = validateManifestText(fs.readFileSync(file, "utf8"), {
    root: path.resolve(root || path.dirname(file)),
  });
  for (const note of notes) console.log(note);
  if (errors.length > 0) {
    for (const error of errors) console.error(`✗ ${error}`);
    console.error(`清单检查未通过（${errors.length} 处错误）：${file} / manifest check failed (${errors.length} errors)`);
    return 1;
  }
  console.log(`✓ 清单检查通过：${file} / manifest OK`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv);

module.exports = { validateManifestText, parseXml };
