/**
 * The Word 周报's layout: A4 portrait, Chinese fonts set for East Asian text, header rows repeated on
 * every page, tables as wide as the text; the score section when the caller passes a 评分表 status.
 */
import JSZip from "jszip";
import { scanWorkbook } from "../../src/core/scan";
import { weeklyReport } from "../../src/core/weekly";
import { weeklyDocx } from "../../src/report/weekly-docx";
import { readDocx } from "./support";

const scan = scanWorkbook(
  [
    {
      name: "攻坚任务",
      merges: [],
      values: [
        ["盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"],
        ["序号", "评审项目", "牵头部门", "市级辅助成果", "盯办人", "责任人", "分管领导"],
        [1, "机构规范化建设", "综合办公室", "1.5月底前,出台方案; 2.9月30日前,上报", "白聖豪", "崔志宇", "曾增"],
      ],
    },
  ],
  { asOf: "2024-09-25" },
);

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
}

describe("weeklyDocx", () => {
  it("is A4 portrait with East Asian fonts and repeating, page-wide tables", async () => {
    const bytes = await weeklyDocx(weeklyReport(scan), null);
    const xml = await documentXml(bytes);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"(?! w:orient="landscape")/);
    for (const face of ["黑体", "楷体", "仿宋", "宋体"]) expect(xml).toContain(`w:eastAsia="${face}"`);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const t of tables) {
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(t)![0];
      expect(firstRow).toContain("<w:tblHeader/>");
      // Column widths add up to the text width: 11906 − 1588 − 1474 twips, give or take rounding.
      const widths = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const sum = widths.reduce((a, b) => a + b, 0);
      expect(sum).toBeGreaterThan(8844 - widths.length);
      expect(sum).toBeLessThanOrEqual(8844);
    }
  });

  it("adds 评分情况 with the items losing most points when a score is given, and a veto in words", async () => {
    const score = {
      sheet: "评分表",
      total: 92,
      max: 100,
      items: [
        { serial: "35", item: "案卷质量", max: 7, score: 4 },
        { serial: "15", item: "线索识别", max: 3, score: 2 },
      ],
    };
    const doc = await readDocx(await weeklyDocx(weeklyReport(scan, { score }), null));
    expect(doc.paragraphs).toContain("四、评分情况");
    expect(doc.paragraphs).toContain("按评分表“评分表”，目前得分92分（满分100分）。");
    const losses = doc.tables.find((t) => t[0].join("|") === "序号|评审项目|分值|得分|失分")!;
    expect(losses.slice(1)).toEqual([
      ["35", "案卷质量", "7", "4", "3"],
      ["15", "线索识别", "3", "2", "1"],
    ]);
    const vetoed = await readDocx(await weeklyDocx(weeklyReport(scan, { score: { ...score, veto: "发生廉政问题" } }), null));
    expect(vetoed.all).toContain("评分表“评分表”显示触及否决项：发生廉政问题，总分不予计算。");
    const none = await readDocx(await weeklyDocx(weeklyReport(scan), null));
    expect(none.paragraphs.some((p) => p.endsWith("、评分情况"))).toBe(false);
  });
});
