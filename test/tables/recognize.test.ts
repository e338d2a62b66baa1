/** Table recognition on small hand-made sheets: every case of docs/design.md §5 and the bad inputs of §6. */
import type { CellValue, MergedArea, SheetGrid } from "../../src/core/grid";
import { normalizeHeader, recognizeSheet, recognizeWorkbook } from "../../src/core/tables";

const GONGJIAN_HEADER = [
  "序号", "评审项目", "评审内容", "数据来源及有关说明", "攻坚任务", "牵头部门", "责任部门",
  "工作标准/成果", "市级辅助成果", "盯办人", "责任人", "分管领导",
];
const JIZHUN_HEADER = ["序号", "评审内容", "数据来源及有关情况说明", "归档参考", "牵头部门", "责任部门", "盯办人", "责任人", "分管领导"];
const TITLE = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";

function sheet(values: CellValue[][], merges: MergedArea[] = [], name = "Sheet1"): SheetGrid {
  return { name, values, merges };
}

/** A 攻坚 data row from the fields that matter; the others get short placeholder texts. */
function gj(serial: CellValue, item: CellValue, milestones: CellValue, people: [CellValue, CellValue, CellValue], lead: CellValue = "指导监督科"): CellValue[] {
  return [serial, item, "评审内容", "数据来源", `攻坚任务${serial ?? ""}`, lead, "各执法大队", "成果", milestones, ...people];
}

const area = (top: number, left: number, bottom: number, right: number): MergedArea => ({ top, left, bottom, right });

function only(grid: SheetGrid) {
  const result = recognizeSheet(grid);
  expect(result.unrecognisedReason).toBeUndefined();
  expect(result.tables).toHaveLength(1);
  return { table: result.tables[0], problems: result.problems };
}

describe("normalizeHeader", () => {
  test("removes spaces, line breaks and full-width spaces", () => {
    expect(normalizeHeader(" 市级辅助\n成果 ")).toBe("市级辅助成果");
    expect(normalizeHeader("分管\u3000领导")).toBe("分管领导");
    expect(normalizeHeader("盯 办\r\n人")).toBe("盯办人");
  });
});

describe("title rows and header", () => {
  test("a merged title above the header gives title and year; the header is found below it", () => {
    const grid = sheet(
      [[TITLE], [], GONGJIAN_HEADER, gj(1, "执法宣传(2分)", "1.5月底前,出台方案", ["王娟", "李庆海", "郭国军"])],
      [area(0, 0, 0, 11)],
    );
    const { table } = only(grid);
    expect(table.title).toBe(TITLE);
    expect(table.year).toBe(2024);
    expect(table.headerRow).toBe(2);
    expect(table.rows).toHaveLength(1);
    expect(table.merges).toEqual([]); // the title's merge lies above the table
  });

  test("several text rows above: the one that names the table (…表) is the title", () => {
    const grid = sheet([["附件2"], ["盘锦市2023年基准任务责任分解表"], ["填报单位：综合办公室"], JIZHUN_HEADER, [1, "1. 机构规范化建设（2分）。列入…", "", "", "综合办公室", "", "白圣豪", "崔志宇", "曾增"]]);
    const { table } = only(grid);
    expect(table.title).toBe("盘锦市2023年基准任务责任分解表");
    expect(table.year).toBe(2023);
  });

  test("no title row: title and year are null", () => {
    const { table } = only(sheet([GONGJIAN_HEADER, gj(1, "", "", ["a", "b", "c"])]));
    expect(table.title).toBeNull();
    expect(table.year).toBeNull();
  });

  test("header names with line breaks, spaces and variants are recognised", () => {
    const header = ["序 号", "评审\n项目", "评审内容", "数据来源及有关情况说明", "攻坚\u3000任务", "牵头\n部门", "责任部门", "工作标准／成果", "市级辅助\n成果", " 盯办人 ", "责任人", "分管\r\n领导"];
    const { table } = only(sheet([header, gj(7, "师资培养", "1.6月底前,建立人才库", ["周子杨", "周子杨", "张振伟"])]));
    expect(table.columns).toEqual({
      serial: 0, item: 1, content: 2, source: 3, task: 4, lead: 5, helpers: 6,
      standard: 7, milestones: 8, chaser: 9, owner: 10, leader: 11,
    });
    expect(table.rows[0].milestoneText).toBe("1.6月底前,建立人才库");
    expect(table.rows[0].owners).toEqual({ 盯办人: "周子杨", 责任人: "周子杨", 分管领导: "张振伟" });
  });

  test("columns in another order are read by name", () => {
    const header = ["分管领导", "责任人", "盯办人", "牵头部门", "市级辅助成果", "攻坚任务", "评审项目", "序号"];
    const row = ["郭国军", "王江", "张伟", "指导监督科", "1.7月30日前,申请挂牌督办", "联合挂牌督办案件(2分)", "案件查办", 31];
    const { table } = only(sheet([header, row]));
    expect(table.kind).toBe("攻坚");
    expect(table.rows[0]).toMatchObject({
      serial: "31",
      item: "案件查办",
      task: "联合挂牌督办案件(2分)",
      lead: "指导监督科",
      owners: { 盯办人: "张伟", 责任人: "王江", 分管领导: "郭国军" },
      milestoneText: "1.7月30日前,申请挂牌督办",
      milestoneCell: { row: 1, col: 4 },
    });
  });

  test("columns staff added are kept as extra columns; 已完成节点 is the done column", () => {
    const header = [...GONGJIAN_HEADER, "备注", "已完成节点", "完成情况"];
    const row = [...gj(3, "", "1.8月30日前,完成;9月30日前完成", ["白聖豪", "崔志宇", "曾增"]), "待省厅验收", "1a,2", "进行中"];
    const { table } = only(sheet([header, row]));
    expect(table.extraColumns).toEqual([
      { name: "备注", col: 12 },
      { name: "完成情况", col: 14 },
    ]);
    expect(table.columns.done).toBe(13);
    expect(table.lastColumn).toBe(14);
    expect(table.rows[0].done).toBe("1a,2");
  });

  test("a table may start anywhere in the sheet, not only at A1", () => {
    const pad = (cells: CellValue[]) => [null, null, ...cells];
    const { table } = only(sheet([[], [], pad([TITLE]), pad(GONGJIAN_HEADER), pad(gj(5, "执法培训", "", ["宗雅杰", "周子杨", "张振伟"]))]));
    expect(table.headerRow).toBe(3);
    expect(table.columns.serial).toBe(2);
    expect(table.title).toBe(TITLE);
    expect(table.rows[0].owners.盯办人).toBe("宗雅杰");
  });
});

describe("merged cells", () => {
  // Rows 2–5 (0-based) hold serials 1–4; 评审项目 merged over them as in the source's rows 1–4.
  const values = [
    [TITLE],
    GONGJIAN_HEADER,
    gj(1, "机构规范化建设(7分)", "1.5月底前,出台方案", ["白聖豪", "崔志宇", "曾增"], "综合办公室"),
    gj(2, null, "1.9月30日前,完成配备", ["白聖豪", "崔志宇", "曾增"], "综合办公室"),
    gj(3, null, null, ["白聖豪", "崔志宇", "曾增"], "综合办公室"),
    gj(4, null, null, ["曾磊", "周子杨", "张振伟"], "政策法规科"),
    gj(5, null, "1.6月底前,建立名单", ["宗雅杰", "周子杨", "张振伟"], "政策法规科"),
  ];
  const merges = [area(0, 0, 0, 11), area(2, 1, 5, 1), area(4, 8, 5, 8)];

  test("blank cells under a merged 评审项目 inherit it; a blank outside any merge does not", () => {
    const { table } = only(sheet(values, merges));
    expect(table.rows.map((r) => r.item)).toEqual([
      "机构规范化建设(7分)", "机构规范化建设(7分)", "机构规范化建设(7分)", "机构规范化建设(7分)", "",
    ]);
  });

  test("a 市级辅助成果 merged over rows: every covered row carries it, only the top row owns it", () => {
    const withText = values.map((row) => [...row]);
    withText[4][8] = "1. 5月底前,发布稽查计划; 6. 10月15日前,完成档案归档并上报省厅。";
    const { table } = only(sheet(withText, merges));
    const [r3, r4] = [table.rows[2], table.rows[3]];
    expect(r3.milestoneText).toBe("1. 5月底前,发布稽查计划; 6. 10月15日前,完成档案归档并上报省厅。");
    expect(r4.milestoneText).toBe(r3.milestoneText);
    expect(r3.ownsMilestoneCell).toBe(true);
    expect(r4.ownsMilestoneCell).toBe(false);
    expect(r3.milestoneCell).toEqual({ row: 4, col: 8 });
    expect(r4.milestoneCell).toEqual({ row: 4, col: 8 });
    // People stay per row even though the milestones are shared.
    expect(r4.owners.盯办人).toBe("曾磊");
    expect(table.merges).toEqual([area(2, 1, 5, 1), area(4, 8, 5, 8)]);
  });

  test("the source's rows 22–25 layout: one 市级辅助成果 over four rows, listed once", () => {
    const rows: CellValue[][] = [GONGJIAN_HEADER];
    for (let serial = 22; serial <= 25; serial++) {
      rows.push(gj(serial, serial === 23 ? "稽查开展情况(5分)" : null, serial === 22 ? "1. 5月底前,发布; 2. 6月中旬完成稽查培训" : null, ["王一隆", "王江", "郭国军"]));
    }
    const { table } = only(sheet(rows, [area(1, 8, 4, 8), area(2, 1, 4, 1)]));
    expect(table.rows.filter((r) => r.ownsMilestoneCell).map((r) => r.serial)).toEqual(["22"]);
    expect(new Set(table.rows.map((r) => r.milestoneText))).toEqual(new Set(["1. 5月底前,发布; 2. 6月中旬完成稽查培训"]));
    expect(table.rows.map((r) => r.item)).toEqual(["", "稽查开展情况(5分)", "稽查开展情况(5分)", "稽查开展情况(5分)"]);
  });

  test("other merged columns (people, 牵头部门) are read as a person sees them", () => {
    const rows = [GONGJIAN_HEADER, gj(14, "非现场监管", "", ["王江", "王江", "郭国军"]), gj(15, null, "", [null, null, null], null)];
    const { table } = only(sheet(rows, [area(1, 5, 2, 5), area(1, 9, 2, 9), area(1, 10, 2, 10), area(1, 11, 2, 11)]));
    expect(table.rows[1].owners).toEqual({ 盯办人: "王江", 责任人: "王江", 分管领导: "郭国军" });
    expect(table.rows[1].lead).toBe("指导监督科");
  });
});

describe("基准 sub-items stacked in one 序号 block", () => {
  const values: CellValue[][] = [
    ["盘锦市2024年表现突出集体基准任务责任分解表"],
    JIZHUN_HEADER,
    [1, "1. 机构规范化建设（2分）。 列入省级机构规范化建设试点…", "通过全国执法队伍管理系统调度", "1、该项情况简介", "综合办公室", "各科室、各执法大队", "白圣豪", "崔志宇", "曾增"],
    [null, "2. 装备配备（3分）。 （1）以2024年11月30日…", null, "1、该项情况简介", "综合办公室", "——", "白圣豪", "崔志宇", "曾增"],
    [null, "5. 统一着装持证（扣分项）。生态环境部…", null, "1、印发规范着装管理办法/通知", "政策法规科", "各科室、各执法大队", "曾磊", null, "张振伟"],
    [2, "1. 自动监测运行管理（2分）。\n（1）辖区内重点排污单位…", null, "1、该项情况简介", "在线监控中心", "各执法大队", "李丹", "徐慧", "郭国军"],
  ];

  test("blank 序号 rows carry the block's 序号; people are not inherited", () => {
    const { table } = only(sheet(values, [area(0, 0, 0, 8)]));
    expect(table.kind).toBe("基准");
    expect(table.year).toBe(2024);
    expect(table.rows.map((r) => r.serial)).toEqual(["1", "1", "1", "2"]);
    expect(table.rows[2].owners).toEqual({ 盯办人: "曾磊", 责任人: "", 分管领导: "张振伟" });
    expect(table.rows.map((r) => r.item)).toEqual(["机构规范化建设（2分）", "装备配备（3分）", "统一着装持证（扣分项）", "自动监测运行管理（2分）"]);
    expect(table.rows[1].task).toBe("2. 装备配备（3分）。 （1）以2024年11月30日…");
    expect(table.rows[0]).toMatchObject({ milestoneText: "", milestoneCell: null, ownsMilestoneCell: false });
  });

  test("a merged 序号 block reads the same", () => {
    const merged = values.map((row) => [...row]);
    const { table } = only(sheet(merged, [area(0, 0, 0, 8), area(2, 0, 4, 0)]));
    expect(table.rows.map((r) => r.serial)).toEqual(["1", "1", "1", "2"]);
  });
});

describe("page breaks: repeated title and header rows", () => {
  test("are skipped, not read as data; blank rows between pages end nothing", () => {
    const values = [
      [TITLE], [], GONGJIAN_HEADER,
      gj(1, "A", "", ["a1", "b1", "c1"]),
      [], [TITLE], [], GONGJIAN_HEADER,
      gj(2, "B", "", ["a2", "b2", "c2"]),
      [], [], [],
      gj(3, "C", "", ["a3", "b3", "c3"]),
    ];
    const { table } = only(sheet(values, [area(0, 0, 0, 11), area(5, 0, 5, 11)]));
    expect(table.rows.map((r) => r.serial)).toEqual(["1", "2", "3"]);
    expect(table.repeatedHeaderRows).toEqual([7]);
    expect(table.lastRow).toBe(12);
  });

  test("a repeated header without the 已完成节点 column the first header got still belongs to the table", () => {
    const values = [[...GONGJIAN_HEADER, "已完成节点"], gj(1, "", "", ["a", "b", "c"]), GONGJIAN_HEADER, gj(2, "", "", ["d", "e", "f"])];
    const { table } = only(sheet(values));
    expect(table.rows.map((r) => r.serial)).toEqual(["1", "2"]);
    expect(table.repeatedHeaderRows).toEqual([2]);
  });
});

describe("where a table ends", () => {
  test("at a note below it; a second table further down is recognised with its own title", () => {
    const values = [
      [TITLE],
      GONGJIAN_HEADER,
      gj(1, "A", "", ["a", "b", "c"]),
      ["注：本表由综合办公室汇总，每月更新。"],
      [],
      ["盘锦市2024年表现突出集体基准任务责任分解表"],
      JIZHUN_HEADER,
      [1, "1. 机构规范化建设（2分）。…", "", "", "综合办公室", "", "白圣豪", "崔志宇", "曾增"],
    ];
    const { tables, problems } = recognizeSheet(sheet(values, [area(0, 0, 0, 11), area(3, 0, 3, 11), area(5, 0, 5, 8)]));
    expect(problems).toEqual([]);
    expect(tables.map((t) => [t.kind, t.headerRow, t.lastRow, t.rows.length, t.title])).toEqual([
      ["攻坚", 1, 2, 1, TITLE],
      ["基准", 6, 7, 1, "盘锦市2024年表现突出集体基准任务责任分解表"],
    ]);
  });

  test("at content that lies outside the table's columns", () => {
    const values = [GONGJIAN_HEADER, gj(1, "", "", ["a", "b", "c"]), [null, null, null, null, null, null, null, null, null, null, null, null, null, "签字："], gj(2, "", "", ["d", "e", "f"])];
    const { table } = only(sheet(values));
    expect(table.rows.map((r) => r.serial)).toEqual(["1"]);
  });

  test("a row with only one field filled (not a title) is still a data row", () => {
    const values = [JIZHUN_HEADER, [9, "1. 比武内容（1分）。…", "", "", "政策法规科", "", "周子杨", "周子杨", "张振伟"], [null, "2. 比武形式（2分）。 在技能比武活动中…"]];
    const { table } = only(sheet(values));
    expect(table.rows.map((r) => [r.serial, r.item])).toEqual([["9", "比武内容（1分）"], ["9", "比武形式（2分）"]]);
  });
});

describe("a row that lost a cell (the source's row 20)", () => {
  const people: [string, string, string][] = [["曹东", "王江", "郭国军"], ["王一隆", "王江", "郭国军"]];

  test("people shifted one column left are realigned and the row is reported", () => {
    const shifted = [20, null, "(3)执法数据质量(扣分项)", "3.省级…", "(3)执法数据质量(扣分项)", "指导监督科", null, null, "曹东", "王江", "郭国军", null];
    const values = [GONGJIAN_HEADER, gj(19, "", "1.加强数据管理", people[0]), shifted, gj(21, "", "1. 9月30日前,完成系统建设", people[0]), gj(22, "", "", people[1])];
    const { table, problems } = only(sheet(values, [], "攻坚任务"));
    const r20 = table.rows[1];
    expect(r20.owners).toEqual({ 盯办人: "曹东", 责任人: "王江", 分管领导: "郭国军" });
    expect(r20.milestoneText).toBe("");
    expect(r20.lead).toBe("指导监督科");
    expect(problems).toEqual([
      { sheet: "攻坚任务", cell: "I3", message: expect.stringContaining("第3行（序号20）似乎少了一个单元格") },
    ]);
  });

  test("a row whose 分管领导 is merely empty is left as it is", () => {
    const values = [GONGJIAN_HEADER, gj(1, "", "1.5月底前,出台方案", ["白聖豪", "崔志宇", "曾增"]), gj(2, "", "1.9月30日前,上报", ["张伟", "王江", null])];
    const { table, problems } = only(sheet(values));
    expect(table.rows[1].owners).toEqual({ 盯办人: "张伟", 责任人: "王江", 分管领导: "" });
    expect(table.rows[1].milestoneText).toBe("1.9月30日前,上报");
    expect(problems).toEqual([]);
  });
});

describe("bad input is reported and read safely", () => {
  test("error values read as empty, each reported once with its cell", () => {
    const values = [
      GONGJIAN_HEADER,
      gj(1, { error: "#REF!" }, { error: "#N/A" }, [{ error: "#N/A" }, "崔志宇", "曾增"]),
      gj(2, null, null, ["白聖豪", "崔志宇", "曾增"]),
    ];
    const { table, problems } = only(sheet(values, [area(1, 8, 2, 8)], "攻坚任务"));
    expect(table.rows[0].owners.盯办人).toBe("");
    expect(table.rows[0].milestoneText).toBe("");
    expect(table.rows[1].milestoneText).toBe("");
    expect(problems).toEqual([
      { sheet: "攻坚任务", cell: "B2", message: "单元格为错误值 #REF!，已按空白处理" },
      { sheet: "攻坚任务", cell: "I2", message: "单元格为错误值 #N/A，已按空白处理" },
      { sheet: "攻坚任务", cell: "J2", message: "单元格为错误值 #N/A，已按空白处理" },
    ]);
  });

  test("numbers and booleans where text is expected read as their text", () => {
    const values = [GONGJIAN_HEADER, gj(1, 2024, 0.1 + 0.2, [12345, true, "曾增"])];
    const { table } = only(sheet(values));
    expect(table.rows[0]).toMatchObject({
      serial: "1",
      item: "2024",
      milestoneText: "0.3",
      owners: { 盯办人: "12345", 责任人: "TRUE", 分管领导: "曾增" },
    });
  });

  test("a 10,000-character cell is read whole and breaks nothing", () => {
    const long = "1.5月底前,出台方案;".repeat(1000);
    expect(long.length).toBeGreaterThanOrEqual(10000);
    const values = [["盘锦市2024年" + "很长的标题".repeat(2000)], GONGJIAN_HEADER, gj(1, long, long, ["白聖豪", long, "曾增"])];
    const { table } = only(sheet(values));
    expect(table.rows[0].milestoneText).toBe(long);
    expect(table.rows[0].owners.责任人).toBe(long);
    expect(table.title).toBeNull(); // far too long to be a title
  });

  test("10,000 rows with merged 评审项目 blocks are all read", () => {
    const values: CellValue[][] = [[TITLE], GONGJIAN_HEADER];
    const merges: MergedArea[] = [area(0, 0, 0, 11)];
    for (let i = 0; i < 10000; i++) {
      values.push(gj(i + 1, i % 4 === 0 ? `项目${i / 4}` : null, i % 4 === 0 ? "1.5月底前,出台方案" : null, ["白聖豪", "崔志宇", "曾增"]));
      if (i % 4 === 0) merges.push(area(i + 2, 1, i + 5, 1), area(i + 2, 8, i + 5, 8));
    }
    const { table } = only(sheet(values, merges));
    expect(table.rows).toHaveLength(10000);
    expect(table.rows[9999]).toMatchObject({ serial: "10000", item: "项目2499", ownsMilestoneCell: false, milestoneCell: { row: 9998, col: 8 } });
    expect(table.rows.filter((r) => r.ownsMilestoneCell)).toHaveLength(2500);
  });
});

describe("sheets that hold no responsibility table", () => {
  test("an empty sheet", () => {
    expect(recognizeSheet(sheet([])).unrecognisedReason).toBe("工作表为空");
    expect(recognizeSheet(sheet([[null, ""], [], ["  "]])).unrecognisedReason).toBe("工作表为空");
  });

  test("a sheet of other content is not guessed at", () => {
    const result = recognizeSheet(sheet([["姓名", "职务"], ["李勇", "组长"], ["王洪卫", "成员"]]));
    expect(result.tables).toEqual([]);
    expect(result.unrecognisedReason).toBe("未找到包含“序号”“牵头部门”和“盯办人”或“责任人”的表头行，不是责任分解表");
  });

  test("a header lacking a required column says which, and where", () => {
    const result = recognizeSheet(sheet([[], ["序号", "评审内容", "责任人", "分管领导"], [1, "…", "王江", "郭国军"]]));
    expect(result.tables).toEqual([]);
    expect(result.unrecognisedReason).toBe("A2 所在的第2行像是表头，但缺少“牵头部门”列");
  });

  test("a header that is neither 攻坚 nor 基准 is not guessed at", () => {
    const result = recognizeSheet(sheet([["序号", "评审内容", "牵头部门", "盯办人"], [1, "…", "指导监督科", "王江"]]));
    expect(result.unrecognisedReason).toBe(
      "A1 所在的第1行的表头没有“攻坚任务”“市级辅助成果”或“归档参考”列，无法判断是攻坚任务表还是基准任务表",
    );
  });

  test("a sheet the shell could not read keeps the shell's reason", () => {
    const grid: SheetGrid = { name: "受保护", values: [GONGJIAN_HEADER], merges: [], readProblem: "工作表受保护，无法读取" };
    expect(recognizeSheet(grid)).toEqual({ tables: [], problems: [], unrecognisedReason: "工作表受保护，无法读取" });
  });

  test("recognizeWorkbook lists unrecognised sheets by name and still reads the others", () => {
    const result = recognizeWorkbook([
      sheet([], [], "空表"),
      sheet([GONGJIAN_HEADER, gj(1, "", { error: "#N/A" }, ["a", "b", "c"])], [], "攻坚任务"),
      sheet([["附件1"], ["组长：李勇"]], [], "领导小组"),
    ]);
    expect(result.tables.map((t) => t.sheet)).toEqual(["攻坚任务"]);
    expect(result.unrecognised).toEqual([
      { sheet: "空表", reason: "工作表为空" },
      { sheet: "领导小组", reason: "未找到包含“序号”“牵头部门”和“盯办人”或“责任人”的表头行，不是责任分解表" },
    ]);
    expect(result.problems).toEqual([{ sheet: "攻坚任务", cell: "I2", message: "单元格为错误值 #N/A，已按空白处理" }]);
  });
});
