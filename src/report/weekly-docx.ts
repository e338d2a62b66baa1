/**
 * The 周报 as a Word document (docx package), built the same way in Node and in the browser: no fs,
 * the bytes come back as a Uint8Array. Layout as a Chinese office writes its reports: A4 portrait,
 * 黑体 headings, 楷体 sub-headings, 仿宋 body, 宋体 tables whose header rows repeat on every page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from "docx";
import { STATUS_SEVERITY, STATUS_ZH } from "../core/milestones/types";
import { leadName, PERSON_ROLES } from "../core/weekly";
import type { DepartmentTable, PersonCount, WeeklyReport } from "../core/weekly/types";
import { CHART_HEIGHT, CHART_WIDTH } from "./weekly-chart";

/** Fonts by role. Latin text in Times New Roman, as official documents do; eastAsia set explicitly. */
const FONT = {
  title: "黑体",
  heading: "黑体",
  subheading: "楷体",
  body: "仿宋",
  table: "宋体",
  latin: "Times New Roman",
} as const;

/** Half-points (docx size unit): 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt, 小五 9pt. */
const SIZE = { title: 44, heading: 32, body: 30, table: 21, small: 18 } as const;

/** A4 in twips, margins as GB/T 9704 (上37 下35 左28 右26 mm), rounded. */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const HEADER_FILL = "D9E2F3";
const OVERDUE_COLOR = "C00000";
const CHINESE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

function font(name: string) {
  return { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: name, cs: FONT.latin };
}

function run(text: string, face: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(face), size, ...extra });
}

/** Multi-line text as runs separated by line breaks (a reminder keeps its lines). */
function lines(text: string, face: string, size: number, extra: Partial<IRunOptions> = {}): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, font: font(face), size, break: i > 0 ? 1 : 0, ...extra }));
}

/** The title, broken before its "（截至…）" so that the date stands on a line of its own. */
function title(text: string): Paragraph {
  const at = text.indexOf("（");
  const parts = at > 0 ? [text.slice(0, at), text.slice(at)] : [text];
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 360, line: 560, lineRule: LineRuleType.EXACT },
    children: parts.map((part, i) => run(part, FONT.title, i === 0 ? SIZE.title : SIZE.heading, { break: i > 0 ? 1 : 0 })),
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 240, after: 120 },
    indent: { firstLine: 640 },
    children: [run(text, FONT.heading, SIZE.heading)],
  });
}

function subheading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 80 },
    indent: { firstLine: 640 },
    children: [run(text, FONT.subheading, SIZE.body, { bold: true })],
  });
}

function body(text: string, extra: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { line: 520, lineRule: LineRuleType.EXACT, after: 0 },
    indent: { firstLine: 600 },
    keepNext: extra.keepNext,
    children: [run(text, FONT.body, SIZE.body)],
  });
}

function note(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 60, after: 60 },
    children: [run(text, FONT.body, SIZE.table + 3, { color: "404040" })],
  });
}

interface Column {
  header: string;
  /** Share of the text width, in twips. */
  width: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

const CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 };

function cell(content: Paragraph[], width: number, fill?: string): TableCell {
  return new TableCell({
    children: content,
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGIN,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: fill ? { type: ShadingType.CLEAR, fill, color: "auto" } : undefined,
  });
}

/** Table text at single line spacing (the document's default 1.5 lines is for the body). */
const CELL_SPACING = { line: 260, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

function cellText(text: string, align: Column["align"] = AlignmentType.LEFT, extra: Partial<IRunOptions> = {}): Paragraph {
  return new Paragraph({ alignment: align, spacing: CELL_SPACING, children: lines(text, FONT.table, SIZE.table, extra) });
}

/** Widths scaled to the page's text width; a header row that repeats on every page; rows never split. */
function table(columns: Column[], rows: Paragraph[][][]): Table {
  const sum = columns.reduce((n, c) => n + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / sum) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell([cellText(c.header, AlignmentType.CENTER, { bold: true })], widths[i], HEADER_FILL)),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((content, i) => cell(content, widths[i])) })),
    ],
  });
}

/** Space after a table: Word joins two tables that touch. */
function gap(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}

function countsTable(report: WeeklyReport): Table {
  const columns: Column[] = [...STATUS_SEVERITY.map((s) => ({ header: STATUS_ZH[s], width: 1 })), { header: "合计", width: 1 }];
  const values = [...STATUS_SEVERITY.map((s) => report.counts[s]), report.total];
  return table(columns, [
    values.map((v, i) => [cellText(String(v), AlignmentType.CENTER, i === 0 && v > 0 ? { bold: true, color: OVERDUE_COLOR } : {})]),
  ]);
}

const DEPARTMENT_COLUMNS: Column[] = [
  // In twips of 五号 text: 序号 fits 3 digits, 到期日 "2024年10月15日", the days "逾期117天", names 3 characters.
  { header: "序号", width: 640, align: AlignmentType.CENTER },
  { header: "评审项目", width: 1400 },
  { header: "节点", width: 2000 },
  // Word and LibreOffice put a little space between digits and Chinese: room for it too.
  { header: "到期日", width: 1860, align: AlignmentType.CENTER },
  { header: "逾期/剩余\n天数", width: 1200, align: AlignmentType.CENTER },
  { header: "盯办人", width: 800, align: AlignmentType.CENTER },
  { header: "责任人", width: 800, align: AlignmentType.CENTER },
];

function departmentTable(d: DepartmentTable): Table {
  return table(
    DEPARTMENT_COLUMNS,
    d.rows.map((r) => {
      const overdue = r.status === "overdue";
      return [
        [cellText(String(r.index), AlignmentType.CENTER)],
        [cellText(r.item || "—")],
        [
          new Paragraph({
            spacing: CELL_SPACING,
            children: [
              run(r.milestone, FONT.table, SIZE.table, { bold: true }),
              run(r.text, FONT.table, SIZE.small, { break: 1, color: "404040" }),
            ],
          }),
        ],
        [cellText(r.dueText, AlignmentType.CENTER)],
        [cellText(r.daysText, AlignmentType.CENTER, overdue ? { bold: true, color: OVERDUE_COLOR } : {})],
        [cellText(r.盯办人 || "—", AlignmentType.CENTER)],
        [cellText(r.责任人 || "—", AlignmentType.CENTER)],
      ];
    }),
  );
}

function peopleTable(people: PersonCount[], role: string): Table {
  return table(
    [
      { header: "序号", width: 1 },
      { header: role, width: 3 },
      { header: "已逾期", width: 2 },
      { header: "临期", width: 2 },
      { header: "合计", width: 2 },
    ],
    people.map((p, i) => [
      [cellText(String(i + 1), AlignmentType.CENTER)],
      [cellText(p.name, AlignmentType.CENTER)],
      [cellText(String(p.overdue), AlignmentType.CENTER, p.overdue > 0 ? { bold: true, color: OVERDUE_COLOR } : {})],
      [cellText(String(p.dueSoon), AlignmentType.CENTER)],
      [cellText(String(p.overdue + p.dueSoon), AlignmentType.CENTER)],
    ]),
  );
}

function chartParagraphs(report: WeeklyReport, png: Uint8Array | null): Paragraph[] {
  if (report.months.length === 0) return [body("没有带明确期限的节点，未生成按月统计图。")];
  if (png === null) return [note("（按月统计图未能生成，数字见上表。）")];
  // 15.5 cm wide at 96 px per inch ≈ 586 px, keeping the picture's proportions.
  const width = 586;
  const height = Math.round((width * CHART_HEIGHT) / CHART_WIDTH);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // Single auto spacing: an exact line height would clip the picture to its last strip.
      spacing: { before: 120, line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: { width, height },
          altText: { name: "节点按月分布图", description: "各月到期节点数，按已完成、已逾期、未到期分段", title: "节点按月分布图" },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run(`图1　各月到期节点数（橙色虚线为截至日期${report.asOfText}所在月份）`, FONT.body, SIZE.table + 3)],
    }),
  ];
}

export function weeklyDocxDocument(report: WeeklyReport, chartPng: Uint8Array | null): Document {
  const children: (Paragraph | Table)[] = [];
  let section = 0;
  const next = () => CHINESE_NUMBERS[section++] ?? String(section);

  children.push(title(report.title));
  children.push(heading(`${next()}、总体情况`));
  children.push(body(report.summary, { keepNext: true }));
  children.push(gap(), countsTable(report), gap());
  children.push(...chartParagraphs(report, chartPng));

  children.push(heading(`${next()}、各牵头部门逾期和临期节点`));
  if (report.departments.length === 0) children.push(body("各部门均无逾期或临期节点。"));
  report.departments.forEach((d, i) => {
    children.push(subheading(`（${CHINESE_NUMBERS[i] ?? i + 1}）${leadName(d.lead)}：已逾期${d.overdue}个，临期${d.dueSoon}个`));
    children.push(departmentTable(d), gap());
  });

  children.push(heading(`${next()}、按人员统计`));
  const anyone = PERSON_ROLES.some((role) => report.people[role].length > 0);
  if (!anyone) children.push(body("无逾期或临期节点，无需催办。"));
  else {
    PERSON_ROLES.forEach((role, i) => {
      children.push(subheading(`（${CHINESE_NUMBERS[i]}）${role}`));
      children.push(peopleTable(report.people[role], role), gap());
    });
  }

  if (report.score) {
    const s = report.score;
    children.push(heading(`${next()}、评分情况`));
    const total = s.veto
      ? `评分表“${s.sheet}”显示触及否决项：${s.veto}，总分不予计算。`
      : s.total === null
        ? `评分表“${s.sheet}”尚不能算出总分（有输入项未填或有误）。`
        : `按评分表“${s.sheet}”，目前得分${s.total}分（满分${s.max}分）。`;
    children.push(body(total + (s.unscored > 0 ? `尚有${s.unscored}项未计分。` : "")));
    if (s.losses.length > 0) {
      children.push(
        table(
          [
            { header: "序号", width: 1 },
            { header: "评审项目", width: 5 },
            { header: "分值", width: 1.5 },
            { header: "得分", width: 1.5 },
            { header: "失分", width: 1.5 },
          ],
          s.losses.map((l) => [
            [cellText(l.serial, AlignmentType.CENTER)],
            [cellText(l.item)],
            [cellText(String(l.max), AlignmentType.CENTER)],
            [cellText(String(l.score), AlignmentType.CENTER)],
            [cellText(String(l.lost), AlignmentType.CENTER, { bold: true, color: OVERDUE_COLOR })],
          ]),
        ),
        gap(),
      );
    }
  }

  children.push(heading(`${next()}、催办通知`));
  if (report.reminders.length === 0) children.push(body("本周无需催办。"));
  report.reminders.forEach((r, i) => {
    children.push(subheading(`${i + 1}. 致${r.person}（${r.role}，已逾期${r.overdue}个、临期${r.dueSoon}个）`));
    children.push(
      new Paragraph({
        spacing: { line: 440, lineRule: LineRuleType.EXACT, after: 120 },
        indent: { left: 320 },
        children: lines(r.text, FONT.body, SIZE.body - 2),
      }),
    );
  });

  children.push(heading(`${next()}、说明`));
  if (report.sources.length > 0) children.push(note(`数据来源：${report.sources.join("、")}。`));
  for (const n of report.notes) children.push(note(n));
  children.push(note(`本报告由大练兵助手根据责任分解表自动生成，截至${report.asOfText}；“已完成”以表中“已完成节点”栏登记为准。`));

  return new Document({
    creator: "大练兵助手",
    title: report.title,
    description: "大练兵调度周报",
    styles: {
      default: {
        document: { run: { font: font(FONT.body), size: SIZE.body }, paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 850, footer: 992 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(FONT.table), size: SIZE.table + 3 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function weeklyDocx(report: WeeklyReport, chartPng: Uint8Array | null): Promise<Uint8Array> {
  return Packer.pack(weeklyDocxDocument(report, chartPng), "uint8array");
}
