/**
 * The offline manifest check (scripts/validate-manifest.js, `npm run validate`) passes on the real
 * manifest and fails, naming the fault, on broken copies; the production build rewrites every
 * development URL in dist/manifest.xml.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");
const manifestPath = path.join(root, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");
const validator = path.join(root, "scripts", "validate-manifest.js");

let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-manifest-"));
  // The validator looks for the icons next to the manifest, as they are in the repository.
  fs.cpSync(path.join(root, "assets"), path.join(workDir, "assets"), { recursive: true });
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

function validate(file: string, ...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [validator, file, ...args], { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Writes a variant of manifest.xml; fails the test if `from` is not in the manifest. */
function variant(name: string, from: string | RegExp, to: string): string {
  const changed = manifest.replace(from, to);
  expect(changed).not.toBe(manifest);
  const file = path.join(workDir, `${name}.xml`);
  fs.writeFileSync(file, changed);
  return file;
}

describe("manifest.xml as committed", () => {
  test("passes the offline check (npm run validate)", () => {
    const { status, output } = validate(manifestPath);
    expect(output).toContain("清单检查通过");
    expect(status).toBe(0);
  });

  test("is set up for the shared runtime the functions need", () => {
    expect(manifest).toMatch(/<Runtime resid="Taskpane\.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<FunctionFile resid="Taskpane\.Url"\/>/);
    expect(manifest).toMatch(/<bt:Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    expect(manifest).toMatch(/<bt:Set Name="CustomFunctionsRuntime" MinVersion="1\.2"\/>/);
    expect(manifest).not.toMatch(/<TaskpaneId>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<bt:String id="TaskpaneButton\.Label" DefaultValue="大练兵助手">/);
    expect(manifest).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
  });

  test("the icons are PNGs of 16, 20, 32 and 80 pixels", () => {
    for (const size of [16, 20, 32, 80]) {
      const png = fs.readFileSync(path.join(root, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe("broken manifests are refused with the reason", () => {
  test("not well-formed XML", () => {
    const file = variant("malformed", "</OfficeApp>", "</OfficeAp>");
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toContain("XML 格式错误");
  });

  test("a resid that is not defined in Resources", () => {
    const file = variant("missing-resid", '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>');
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toContain('resid "Group.Missing" 未在 Resources 中定义');
  });

  test("a Runtime resid that differs from the Page and FunctionFile", () => {
    const file = variant(
      "runtime-mismatch",
      '<Runtime resid="Taskpane.Url" lifetime="long"/>',
      '<Runtime resid="Functions.Script.Url" lifetime="long"/>',
    );
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toContain("Runtime、Page、FunctionFile 的 resid 必须相同");
    expect(output).toContain("Runtime=Functions.Script.Url");
  });

  test("a namespace other than DALIANBING", () => {
    const file = variant(
      "wrong-namespace",
      '<bt:String id="Functions.Namespace" DefaultValue="DALIANBING"/>',
      '<bt:String id="Functions.Namespace" DefaultValue="CONTOSO"/>',
    );
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toContain('函数命名空间应为 DALIANBING，实际为 "CONTOSO"');
  });

  test("a TaskpaneId on the ShowTaskpane action", () => {
    const file = variant(
      "taskpane-id",
      '<Action xsi:type="ShowTaskpane">',
      '<Action xsi:type="ShowTaskpane">\n<TaskpaneId>ButtonId1</TaskpaneId>',
    );
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toContain("ShowTaskpane 动作不应有 TaskpaneId");
  });

  test("an http URL", () => {
    const file = variant("http-url", 'DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"');
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toContain("网址必须使用 https：http://localhost:3000/functions.js");
  });

  test("an Override for the default locale zh-CN", () => {
    const file = variant(
      "zh-cn-override",
      '<Override Locale="en-US" Value="Dalianbing Assistant"/>',
      '<Override Locale="zh-CN" Value="大练兵助手"/><Override Locale="en-US" Value="Dalianbing Assistant"/>',
    );
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toContain("DisplayName 有默认语言 zh-cn 的 Override");
  });

  test("an English locale without its own Override (British Excel would show the Chinese help)", () => {
    const file = variant("no-en-gb", /\s*<bt:Override Locale="en-GB" Value="https:\/\/localhost:3000\/functions\.json"\/>/, "");
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toContain("Functions.Metadata.Url 缺少英文语言 en-GB 的 Override");
  });

  test("CustomFunctionsRuntime below 1.2, or required at the top level", () => {
    const old = validate(variant("cfr-1.1", '<bt:Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', '<bt:Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>'));
    expect(old.status).not.toBe(0);
    expect(old.output).toContain("CustomFunctionsRuntime 应至少为 1.2（CustomFunctions.Error 需要），实际 1.1");
    const top = validate(variant("cfr-top", '<Set Name="ExcelApi" MinVersion="1.4"/>', '<Set Name="ExcelApi" MinVersion="1.4"/><Set Name="SharedRuntime" MinVersion="1.1"/>'));
    expect(top.status).not.toBe(0);
    expect(top.output).toContain("顶层 Requirements 不应要求 SharedRuntime");
  });

  test("no SupportUrl", () => {
    const file = variant("no-support", /\s*<SupportUrl [^>]*\/>/, "");
    const { status, output } = validate(file);
    expect(status).not.toBe(0);
    expect(output).toContain("缺少 SupportUrl");
  });

  test("an icon size missing, an icon file missing, an icon of the wrong size", () => {
    const noEighty = variant("no-80", /\s*<bt:Image size="80" resid="Icon\.80x80"\/>/, "");
    const first = validate(noEighty);
    expect(first.status).not.toBe(0);
    expect(first.output).toContain("图标缺少 80px 尺寸");

    const missingFile = variant("icon-file", "assets/icon-16.png", "assets/icon-17.png");
    const second = validate(missingFile);
    expect(second.status).not.toBe(0);
    expect(second.output).toContain("图标文件不存在");
    expect(second.output).toContain("icon-17.png");

    const noTwenty = validate(variant("no-20", /\s*<bt:Image size="20" resid="Icon\.20x20"\/>/g, ""));
    expect(noTwenty.output).toContain("图标缺少 20px 尺寸");
    const wrongSize = validate(variant("wrong-20", "assets/icon-20.png", "assets/icon-16.png"));
    expect(wrongSize.status).not.toBe(0);
    expect(wrongSize.output).toMatch(/icon-16\.png 应为 20×20 PNG，实际 16×16/);
  });
});

describe("production build", () => {
  const productionUrl = "https://oa.panjin.example.gov.cn/dalianbing/";
  let outDir: string;
  let build: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-dist-"));
    build = spawnSync(
      process.execPath,
      [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", `outDir=${outDir}`],
      { cwd: root, encoding: "utf8", env: { ...process.env, DALIANBING_URL: productionUrl } },
    );
  }, 300_000);

  afterAll(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  test("builds every file the manifest points at", () => {
    expect(`${build.stdout}${build.stderr}`).not.toMatch(/ERROR/);
    expect(build.stderr).not.toContain("未设置 DALIANBING_URL");
    expect(build.status).toBe(0);
    for (const file of ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "functions-zh-cn.json", "manifest.xml"]) {
      expect(fs.existsSync(path.join(outDir, file))).toBe(true);
    }
    for (const size of [16, 20, 32, 64, 80]) expect(fs.existsSync(path.join(outDir, "assets", `icon-${size}.png`))).toBe(true);
  });

  test("dist/manifest.xml uses the production URL and no localhost URL remains", () => {
    const built = fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8");
    expect(built).not.toMatch(/localhost/);
    expect(built).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${productionUrl}taskpane.html"/>`);
    expect(built).toContain(`<bt:Url id="Functions.Metadata.Url" DefaultValue="${productionUrl}functions-zh-cn.json">`);
    expect(built).toContain(`<bt:Override Locale="en-GB" Value="${productionUrl}functions.json"/>`);
    expect(built).toContain(`<SupportUrl DefaultValue="${productionUrl}taskpane.html"/>`);
    expect(built).toContain(`<IconUrl DefaultValue="${productionUrl}assets/icon-32.png"/>`);
    // And it still passes the offline check, its icons found in the build output.
    const { status, output } = validate(path.join(outDir, "manifest.xml"));
    expect(output).toContain("清单检查通过");
    expect(status).toBe(0);
  });

  test("the page loads office.js from Microsoft's CDN, then the functions, then the pane", () => {
    const html = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
    const office = html.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    // The production page is minified: attribute quotes may be dropped.
    const functions = html.search(/src="?functions\.js/);
    const pane = html.search(/src="?taskpane\.js/);
    expect(office).toBeGreaterThan(-1);
    expect(functions).toBeGreaterThan(office);
    expect(pane).toBeGreaterThan(functions);
  });

  test("the functions bundle registers every function of the metadata", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8"));
    const bundle = fs.readFileSync(path.join(outDir, "functions.js"), "utf8");
    const ids: string[] = metadata.functions.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["TIER", "SCORE", "STATUS", "NEXTDUE", "MILESTONES"]));
    for (const id of ids) expect(bundle).toContain(`associate("${id}"`);
  });
});

describe("a production build without DALIANBING_URL", () => {
  function configStderr(env: Record<string, string | undefined>): string {
    const script = "Promise.resolve(require('./webpack.config.js')({}, { mode: 'production' })).then(() => {})";
    const childEnv = { ...process.env, ...env };
    if (env.DALIANBING_URL === undefined) delete childEnv.DALIANBING_URL;
    return spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", env: childEnv }).stderr;
  }

  test("says loudly that the manifest's URLs are placeholders; with the variable set it says nothing", () => {
    expect(configStderr({ DALIANBING_URL: undefined })).toContain("警告：未设置 DALIANBING_URL，dist/manifest.xml 中的网址全是占位符");
    expect(configStderr({ DALIANBING_URL: "https://oa.panjin.example.gov.cn/dalianbing/" })).not.toContain("DALIANBING_URL");
  });
});
