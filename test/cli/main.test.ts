/** The CLI's argument handling and report, in-process (the end-to-end test runs the real command). */
import { main, parseArgs, type Io } from "../../src/cli/main";

function io(isTty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty, now: new Date(2024, 8, 1, 10, 0) };
  return { value, out: () => out.join(""), err: () => err.join("") };
}

jest.setTimeout(30_000);

describe("parseArgs", () => {
  it("reads options with a space or '=' and positional file names", () => {
    const a = parseArgs(["scan", "表.xlsx", "--as-of=2024-09-01", "--due-soon-days", "3", "--json"]);
    expect(a.command).toBe("scan");
    expect(a.positional).toEqual(["表.xlsx"]);
    expect(a.options.get("--as-of")).toBe("2024-09-01");
    expect(a.options.get("--due-soon-days")).toBe("3");
    expect(a.options.get("--json")).toBe(true);
  });
  it("accepts --output for -o", () => {
    expect(parseArgs(["flag", "a.xlsx", "--output", "b.xlsx"]).options.get("-o")).toBe("b.xlsx");
  });
  it("rejects an option of another command", () => {
    expect(() => parseArgs(["unflag", "a.xlsx", "-o", "b.xlsx", "--as-of", "2024-09-01"])).toThrow(/未知选项：--as-of/);
  });
  it("no arguments means help", () => {
    expect(parseArgs([]).command).toBe("help");
  });
});

describe("main", () => {
  it("defaults --as-of to today (the clock passed in)", async () => {
    const x = io();
    expect(await main(["scan", "--json"], x.value)).toBe(0);
    expect(JSON.parse(x.out()).asOf).toBe("2024-09-01");
  });
  it("colours the report only for a terminal", async () => {
    const tty = io(true);
    await main(["scan", "--as-of", "2024-09-01"], tty.value);
    expect(tty.out()).toContain("\x1b[31m已逾期93天");
    const pipe = io(false);
    await main(["scan", "--as-of", "2024-09-01"], pipe.value);
    expect(pipe.out()).not.toContain("\x1b[");
  });
  it("a due-soon window of 30 days turns row 1's '2.9月底前' (30 Sep) due-soon", async () => {
    const x = io();
    await main(["scan", "--as-of", "2024-09-01", "--due-soon-days", "30", "--json"], x.value);
    const ms = JSON.parse(x.out()).milestones as { cell: string; label: string; status: string }[];
    expect(ms.find((m) => m.cell === "I3" && m.label === "2")?.status).toBe("due-soon");
  });
  it("rejects extra arguments in Chinese with exit code 2", async () => {
    const x = io();
    expect(await main(["scan", "a.xlsx", "b.xlsx"], x.value)).toBe(2);
    expect(x.err()).toContain("多余的参数");
  });
});

describe("flag on a protected sheet", () => {
  it("flags the copy and says that the sheet is protected", async () => {
    const fs = await import("fs");
    const os = await import("os");
    const path = await import("path");
    const ExcelJS = (await import("exceljs")).default;
    const { SAMPLE_WORKBOOK } = await import("../../src/cli/main");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-protected-"));
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(SAMPLE_WORKBOOK);
      await wb.getWorksheet("攻坚任务")!.protect("", {});
      const input = path.join(dir, "protected.xlsx");
      await wb.xlsx.writeFile(input);
      const x = io();
      expect(await main(["flag", input, "-o", path.join(dir, "out.xlsx"), "--as-of", "2024-09-01"], x.value)).toBe(0);
      expect(x.out()).toContain("工作表“攻坚任务”设有保护");
      const out = new ExcelJS.Workbook();
      await out.xlsx.readFile(path.join(dir, "out.xlsx"));
      expect(out.getWorksheet("攻坚任务")!.getCell("I3").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a file the system refuses to read", () => {
  it("says why in words, not as the system's code", async () => {
    const nodeFs = require("fs") as typeof import("fs");
    const denied = Object.assign(new Error("EACCES: permission denied, open '表.xlsx'"), { code: "EACCES" });
    const spy = jest.spyOn(nodeFs, "readFileSync").mockImplementation(() => {
      throw denied;
    });
    try {
      const x = io();
      expect(await main(["scan", __filename], x.value)).toBe(1);
      expect(x.err()).toBe(`错误：无法读取文件：${__filename}（没有读取权限）\n`);
    } finally {
      spy.mockRestore();
    }
  });
});
