/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeAdapter, makeScan, renderPane } from "./fixtures";

/** The table cell whose font new 评分表 cells take: makeScan's first 攻坚任务 milestone (tableFontCell). */
const FONT_FROM = { sheet: "攻坚任务", row: 4, col: 8 };

async function openScorecardMenu(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await screen.findByRole("list", { name: "节点状态统计" });
  await user.click(screen.getByRole("button", { name: "插入评分表" }));
  // Fluent names the menu after its trigger (aria-labelledby), so it is 插入评分表 to a screen reader.
  await screen.findByRole("menu", { name: "插入评分表" });
}

/** Chooses 表现突出个人 and types `name` into the form it opens; returns the form. */
async function typeCandidate(user: ReturnType<typeof userEvent.setup>, name: string): Promise<HTMLElement> {
  await openScorecardMenu(user);
  await user.click(screen.getByRole("menuitem", { name: "表现突出个人（附件6）…" }));
  const form = await screen.findByRole("form", { name: "个人评分表" });
  if (name !== "") await user.type(within(form).getByRole("textbox", { name: /候选人姓名/ }), name);
  return form;
}

describe("workbook actions", () => {
  test("就地标注 flags the current scan and reports how many cells, and in which way", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    await screen.findByRole("list", { name: "节点状态统计" });
    await userEvent.setup().click(screen.getByRole("button", { name: "就地标注" }));
    expect(adapter.flag).toHaveBeenCalledTimes(1);
    expect(adapter.flag.mock.calls[0][0]).toEqual(makeScan());
    expect(await screen.findByText(/^已标注 2 个单元格：逾期标红、临期标黄，说明写入批注。单元格内容未改动。$/)).toBeInTheDocument();
  });

  test("清除标注 unflags and reports how many cells were restored", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    await screen.findByRole("list", { name: "节点状态统计" });
    await userEvent.setup().click(screen.getByRole("button", { name: "清除标注" }));
    expect(adapter.unflag).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("已清除标注，2 个单元格恢复原样。")).toBeInTheDocument();
  });

  test("a failing 就地标注 shows a Chinese error message", async () => {
    const adapter = fakeAdapter();
    adapter.flag.mockRejectedValueOnce(new Error("AccessDenied"));
    renderPane(adapter);
    await screen.findByRole("list", { name: "节点状态统计" });
    await userEvent.setup().click(screen.getByRole("button", { name: "就地标注" }));
    expect(await screen.findByText(/^就地标注失败：Excel 返回了错误.*AccessDenied/)).toBeInTheDocument();
  });

  test("places an action had to skip are named in a warning", async () => {
    const adapter = fakeAdapter();
    adapter.flag.mockResolvedValueOnce({
      flagged: 1,
      noteSupport: "notes",
      problems: [{ sheet: "基准任务", cell: "", message: "工作表受保护，未标注" }],
    } as never);
    renderPane(adapter);
    await screen.findByRole("list", { name: "节点状态统计" });
    await userEvent.setup().click(screen.getByRole("button", { name: "就地标注" }));
    expect(
      await screen.findByText(/^已标注 1 个单元格：.*单元格内容未改动。 未处理：基准任务：工作表受保护，未标注$/),
    ).toBeInTheDocument();
  });

  test("插入公式列 reports what it did, and says so when the columns are there already", async () => {
    const adapter = fakeAdapter();
    adapter.insertFormulaColumns.mockResolvedValueOnce({ tables: 2, added: true }).mockResolvedValueOnce({ tables: 2, added: false });
    renderPane(adapter);
    await screen.findByRole("list", { name: "节点状态统计" });
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "插入公式列" }));
    expect(await screen.findByText(/^已在 2 张表右侧加入“节点状态”“下一节点”“逾期数”三列公式/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "插入公式列" }));
    expect(await screen.findByText("公式列已存在（2 张表），未重复添加。")).toBeInTheDocument();
  });

  test.each([
    ["notes", "批注", /说明写在单元格批注中/],
    ["comments", "线程批注", /不支持“批注”/],
    ["fill-only", "仅填充颜色", /只用填充颜色/],
  ] as const)("shows the note mode %s", async (mode, label, explanation) => {
    renderPane(fakeAdapter(makeScan(), mode));
    const box = await screen.findByTestId("note-mode");
    expect(box).toHaveTextContent(`标注方式：${label}。`);
    expect(box).toHaveTextContent(explanation);
  });
});

describe("插入评分表", () => {
  test("offers the four 评分表 of 附件4–6 in a menu", async () => {
    renderPane(fakeAdapter());
    await openScorecardMenu(userEvent.setup());
    expect(screen.getAllByRole("menuitem").map((m) => m.textContent)).toEqual(["攻坚任务（附件4）", "基准任务·市级（附件5）", "基准任务·县级（附件5）", "表现突出个人（附件6）…"]);
  });

  test("基准任务·市级 inserts that set in the table's font and says which sheet it made", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    const user = userEvent.setup();
    await openScorecardMenu(user);
    await user.click(screen.getByRole("menuitem", { name: "基准任务·市级（附件5）" }));
    expect(adapter.insertScorecard).toHaveBeenCalledTimes(1);
    expect(adapter.insertScorecard).toHaveBeenCalledWith("基准市", { candidate: undefined, fontFrom: FONT_FROM });
    expect(await screen.findByText("已生成工作表“评分表（基准市级）”，共 37 项，在黄色单元格中填写数据即自动计分。")).toBeInTheDocument();
    // The menu closed: no candidate form for a collective table.
    expect(screen.queryByRole("form", { name: "个人评分表" })).toBeNull();
  });

  test("表现突出个人 asks for the candidate's name, then inserts a sheet for 张三", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    const user = userEvent.setup();
    const form = await typeCandidate(user, "张三");
    // Choosing 个人 only asks: nothing is inserted before 插入.
    expect(adapter.insertScorecard).not.toHaveBeenCalled();
    await user.click(within(form).getByRole("button", { name: "插入" }));
    expect(adapter.insertScorecard).toHaveBeenCalledTimes(1);
    expect(adapter.insertScorecard).toHaveBeenCalledWith("个人", { candidate: "张三", fontFrom: FONT_FROM });
    expect(await screen.findByText(/^已生成工作表“评分表（个人-张三）”，共 16 项，.*每位候选人一张表/)).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "个人评分表" })).toBeNull();
  });

  test("an empty name inserts the blank 个人 sheet, to be named in the sheet itself", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    const user = userEvent.setup();
    const form = await typeCandidate(user, "  ");
    await user.click(within(form).getByRole("button", { name: "插入" }));
    expect(adapter.insertScorecard).toHaveBeenCalledWith("个人", { candidate: undefined, fontFrom: FONT_FROM });
    expect(await screen.findByText(/^已生成工作表“评分表（个人）”/)).toBeInTheDocument();
  });

  test("取消 closes the name form without inserting anything", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    const user = userEvent.setup();
    const form = await typeCandidate(user, "张三");
    await user.click(within(form).getByRole("button", { name: "取消" }));
    expect(screen.queryByRole("form", { name: "个人评分表" })).toBeNull();
    expect(adapter.insertScorecard).not.toHaveBeenCalled();
    // Opened again, the form starts empty: the cancelled name is gone.
    const again = await typeCandidate(user, "");
    expect(within(again).getByRole("textbox", { name: /候选人姓名/ })).toHaveValue("");
  });

  test("a rebuilt sheet says 重建 and how many typed cells were kept", async () => {
    const adapter = fakeAdapter();
    adapter.insertScorecard.mockResolvedValueOnce({ sheet: "评分表", items: 51, kept: 7 });
    renderPane(adapter);
    const user = userEvent.setup();
    await openScorecardMenu(user);
    await user.click(screen.getByRole("menuitem", { name: "攻坚任务（附件4）" }));
    expect(adapter.insertScorecard).toHaveBeenCalledWith("攻坚", { candidate: undefined, fontFrom: FONT_FROM });
    expect(await screen.findByText("已重建工作表“评分表”，共 51 项，保留了已填写的 7 个单元格，在黄色单元格中填写数据即自动计分。")).toBeInTheDocument();
  });

  test("a refused rebuild (protected sheet) shows the adapter's Chinese message", async () => {
    const adapter = fakeAdapter();
    adapter.insertScorecard.mockRejectedValueOnce(new Error("工作表“评分表（基准县级）”受保护，无法重建；请先撤销工作表保护后重试。"));
    renderPane(adapter);
    const user = userEvent.setup();
    await openScorecardMenu(user);
    await user.click(screen.getByRole("menuitem", { name: "基准任务·县级（附件5）" }));
    expect(await screen.findByText(/^插入评分表失败：.*受保护，无法重建/)).toBeInTheDocument();
  });
});

describe("复制催办通知", () => {
  const writeText = jest.fn<Promise<void>, [string]>();
  /** user-event installs its own clipboard on setup(), so ours goes in after it. */
  function setupUser() {
    const user = userEvent.setup();
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
    return user;
  }
  beforeEach(() => writeText.mockReset().mockResolvedValue(undefined));

  test("copies a reminder listing that person's overdue items with due dates and days overdue", async () => {
    renderPane(fakeAdapter());
    await setupUser().click(await screen.findByRole("button", { name: "复制给赵丽的催办通知" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const text = writeText.mock.calls[0][0];
    const lines = text.split("\n");
    expect(lines[0]).toBe("赵丽同志：截至2024年9月1日，您盯办的以下节点已逾期，请抓紧推进：");
    // 赵丽's two overdue items, earliest due first; nothing of 王明's (序号3).
    expect(lines[1]).toMatch(/^1\. 序号7·节点1「案卷评查」：8月15日前,完成本年度案卷评查，应于2024年8月15日前完成，已逾期17天。$/);
    expect(lines[2]).toMatch(/^2\. 序号2·节点1「[^」]*」：8月底前,完成全员执法培训，应于2024年8月31日前完成，已逾期1天。$/);
    expect(text).not.toContain("序号3");
    expect(await screen.findByText("已复制给赵丽的催办通知（2 项），可直接粘贴发送。")).toBeInTheDocument();
  });

  test("a person with one overdue and one due-soon item gets both, in two parts", async () => {
    renderPane(fakeAdapter());
    await setupUser().click(await screen.findByRole("button", { name: "复制给王明的催办通知" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const text = writeText.mock.calls[0][0];
    expect(text).toMatch(/序号3·节点1「执法稽查」：5月底前,出台执法大练兵实施方案，应于2024年5月31日前完成，已逾期93天。/);
    expect(text).toMatch(/以下节点即将到期[\s\S]*序号3·节点2「执法稽查」：9月5日前,上报季度进展情况，应于2024年9月5日前完成，还剩4天。/);
    expect(text).not.toContain("序号7");
  });

  test("grouped by 责任人, the reminder speaks to the person responsible (您负责的), with all their items", async () => {
    renderPane(fakeAdapter());
    const user = setupUser();
    await user.click(await screen.findByRole("tab", { name: "责任人" }));
    await user.click(await screen.findByRole("button", { name: "复制给李强的催办通知" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const text = writeText.mock.calls[0][0];
    expect(text.split("\n")[0]).toBe("李强同志：截至2024年9月1日，您负责的以下节点已逾期，请抓紧推进：");
    expect(text).toContain("序号3"); // 王明 chases it, 李强 answers for it
    expect(text).toContain("序号7"); // 赵丽 chases it, 李强 answers for it too
    expect(text).not.toContain("序号2"); // 陈刚's
    expect(text).not.toContain("您盯办的");
  });

  test("falls back to a hidden textarea when the Clipboard API is refused", async () => {
    writeText.mockRejectedValue(new Error("NotAllowedError"));
    const execCommand = jest.fn(() => true);
    Object.defineProperty(document, "execCommand", { configurable: true, value: execCommand });
    renderPane(fakeAdapter());
    await setupUser().click(await screen.findByRole("button", { name: "复制给赵丽的催办通知" }));
    await waitFor(() => expect(execCommand).toHaveBeenCalledWith("copy"));
    expect(await screen.findByText(/^已复制给赵丽的催办通知/)).toBeInTheDocument();
    expect(document.querySelector("textarea")).toBeNull();
  });

  test("says so when copying is impossible", async () => {
    writeText.mockRejectedValue(new Error("NotAllowedError"));
    Object.defineProperty(document, "execCommand", { configurable: true, value: jest.fn(() => false) });
    renderPane(fakeAdapter());
    await setupUser().click(await screen.findByRole("button", { name: "复制给赵丽的催办通知" }));
    expect(await screen.findByText("复制催办通知失败：无法访问剪贴板，请手动复制。")).toBeInTheDocument();
  });
});
