/**
 * The pane's workbook actions. Each runs through the adapter, reports its result in Chinese, and
 * turns any failure into a Chinese error message instead of an exception.
 */
import { useCallback, useState } from "react";
import type { RuleSetId } from "../core/rules/types";
import { reminderText, type ReminderRole } from "../core/scan";
import { tableFontCell } from "../core/scorecard";
import type { ScannedMilestone, ScanResult } from "../core/scan/types";
import type { DoneUndo, NoteSupport, WorkbookAdapter } from "../excel/types";
import type { NoticeAction } from "./components/Notices";
import { copyText } from "./clipboard";
import { errorText, groupLabel, itemTitle, noteSupportText, problemsOf, problemsText } from "./paneModel";
import type { NoticeState } from "./useNotices";

export interface PaneActions {
  busy: boolean;
  noteMode: NoteSupport;
  select: (m: ScannedMilestone) => void;
  markDone: (m: ScannedMilestone) => void;
  copyReminder: (person: string, milestones: ScannedMilestone[], role: ReminderRole) => void;
  flag: () => void;
  unflag: () => void;
  insertFormulaColumns: () => void;
  /** 插入评分表 for one rule set; 个人 takes the candidate's name (one sheet each). */
  insertScorecard: (set: RuleSetId, candidate?: string) => void;
  /** Runs an action of the host page (the web page's downloads) with the same busy state and messages. */
  run: (action: string, body: () => Promise<ActionOutcome>) => Promise<void>;
}

/** What an action reports: its message, optionally with the places it skipped (`skipped.problems`). */
export type ActionOutcome = string | { text: string; skipped?: unknown; undo?: NoticeAction } | null;

export function usePaneActions(
  adapter: WorkbookAdapter,
  scan: ScanResult | null,
  rescan: () => Promise<void>,
  notices: NoticeState,
): PaneActions {
  const [busy, setBusy] = useState(false);
  const [noteMode, setNoteMode] = useState<NoteSupport>(() => adapter.noteSupport());
  const { show } = notices;

  /**
   * Runs one action; its result (or a Chinese error) replaces the previous action message. Places the
   * action had to skip turn the message into a warning that names them.
   */
  const run = useCallback(
    async (action: string, body: () => Promise<ActionOutcome>) => {
      setBusy(true);
      try {
        const outcome = await body();
        if (outcome === null) return;
        const text = typeof outcome === "string" ? outcome : outcome.text;
        const problems = typeof outcome === "string" ? [] : problemsOf(outcome.skipped);
        const undo = typeof outcome === "string" ? undefined : outcome.undo;
        if (problems.length === 0) show("action", "success", text, undo);
        else show("action", "warning", `${text} ${problemsText(problems)}`);
      } catch (e) {
        show("action", "error", errorText(action, e));
      } finally {
        setBusy(false);
      }
    },
    [show],
  );

  const select = useCallback(
    (m: ScannedMilestone) => {
      adapter.select(m.sheet, m.cell).catch((e) => show("action", "error", errorText("定位单元格", e)));
    },
    [adapter, show],
  );

  const undoMarkDone = useCallback(
    (m: ScannedMilestone, undo: DoneUndo) =>
      void run("撤销标记完成", async () => {
        await adapter.undoMarkDone(undo);
        await rescan();
        const where = undo.addedColumn
          ? `（标记时新加的“已完成节点”列如无其他内容，已一并去掉）`
          : `，${undo.sheet}!${undo.cell} 恢复为原来的内容`;
        return `已撤销${itemTitle(m)}的标记完成${where}。`;
      }),
    [adapter, rescan, run],
  );

  const markDone = useCallback(
    (m: ScannedMilestone) =>
      void run("标记完成", async () => {
        const undo = await adapter.markDone(m.sheet, m.cell, m.label);
        await rescan();
        const text = `已将${itemTitle(m)}记为完成（写入该行“已完成节点”列）。`;
        // An adapter that reports nothing to undo with gets no 撤销 button.
        if (!undo) return text;
        return {
          text,
          undo: { label: "撤销", description: `撤销${itemTitle(m)}的标记完成`, run: () => undoMarkDone(m, undo) },
        };
      }),
    [adapter, rescan, run, undoMarkDone],
  );

  const copyReminder = useCallback(
    (person: string, milestones: ScannedMilestone[], role: ReminderRole) =>
      void run("复制催办通知", async () => {
        if (!scan) return null;
        await copyText(reminderText(person, milestones, scan.asOf, role));
        return `已复制给${groupLabel(person)}的催办通知（${milestones.length} 项），可直接粘贴发送。`;
      }),
    [run, scan],
  );

  const flag = useCallback(
    () =>
      void run("就地标注", async () => {
        if (!scan) return null;
        const r = await adapter.flag(scan);
        setNoteMode(r.noteSupport);
        const text =
          r.flagged === 0
            ? "没有逾期或临期的节点，无需标注。"
            : `已标注 ${r.flagged} 个单元格：逾期标红、临期标黄，说明写入${noteSupportText(r.noteSupport).label}。单元格内容未改动。`;
        return { text, skipped: r };
      }),
    [adapter, run, scan],
  );

  const unflag = useCallback(
    () =>
      void run("清除标注", async () => {
        const r = await adapter.unflag();
        const text = r.restored === 0 ? "没有需要清除的标注。" : `已清除标注，${r.restored} 个单元格恢复原样。`;
        return { text, skipped: r };
      }),
    [adapter, run],
  );

  const insertFormulaColumns = useCallback(
    () =>
      void run("插入公式列", async () => {
        const r = await adapter.insertFormulaColumns();
        const text =
          r.tables === 0
            ? "未找到含“市级辅助成果”列的责任分解表，没有加公式列。"
            : r.added
              ? `已在 ${r.tables} 张表右侧加入“节点状态”“下一节点”“逾期数”三列公式，表格会自动更新。`
              : `公式列已存在（${r.tables} 张表），未重复添加。`;
        return { text, skipped: r };
      }),
    [adapter, run],
  );

  const insertScorecard = useCallback(
    (set: RuleSetId, candidate?: string) =>
      void run("插入评分表", async () => {
        const r = await adapter.insertScorecard(set, { candidate, fontFrom: scan ? (tableFontCell(scan) ?? undefined) : undefined });
        const kept = r.kept > 0 ? `，保留了已填写的 ${r.kept} 个单元格` : "";
        const next = set === "个人" ? "；每位候选人一张表，再插入时填写另一位的姓名" : "";
        return `已${r.kept > 0 ? "重建" : "生成"}工作表“${r.sheet}”，共 ${r.items} 项${kept}，在黄色单元格中填写数据即自动计分${next}。`;
      }),
    [adapter, run, scan],
  );

  return { busy, noteMode, select, markDone, copyReminder, flag, unflag, insertFormulaColumns, insertScorecard, run };
}
