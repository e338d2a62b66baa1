/**
 * 大练兵助手 网页版 (issue 11): the add-in's pane (src/taskpane/App) over a workbook the user picks,
 * read and written in this browser by the same src/xlsx adapter as the CLI. Nothing is uploaded.
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import type { ScanResult } from "../core/scan/types";
import { App } from "../taskpane/App";
import { createXlsxAdapter, openXlsxBytes, type XlsxWorkbookAdapter } from "../xlsx/adapter";
import { KINDS_LOST_ON_SAVE } from "../xlsx/workbook-bytes";
import { fileBytes } from "./download";
import { FilePicker } from "./FilePicker";
import { WebTools } from "./WebTools";

const useStyles = makeStyles({
  page: {
    maxWidth: "560px",
    margin: "0 auto",
    display: "flex",
    flexDirection: "column",
    fontFamily: tokens.fontFamilyBase,
  },
  head: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM} 0`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3 },
  steps: {
    margin: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    paddingLeft: tokens.spacingHorizontalXXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
  },
});

interface OpenWorkbook {
  /** Changes with every file opened, so the pane starts afresh. */
  id: number;
  fileName: string;
  workbook: ExcelJS.Workbook;
  adapter: XlsxWorkbookAdapter;
  lostOnSave: string[];
}

let nextId = 1;

export function WebApp(): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pendingDone, setPendingDone] = useState(0);
  const [markedDone, setMarkedDone] = useState(0);
  // The date last scanned at: a second workbook opens at the same 截至日期.
  const [asOf, setAsOf] = useState<string | undefined>(undefined);

  const openFile = useCallback(async (file: File, replacing: OpenWorkbook | null, unsaved: number) => {
    if (replacing && unsaved > 0 && !window.confirm(`“${replacing.fileName}”中已标记完成 ${unsaved} 项，尚未下载副本。打开另一个工作簿后，这些标记会丢失。仍要打开“${file.name}”吗？`)) {
      return;
    }
    setLoading(file.name);
    setError(null);
    try {
      const { wb, lostOnSave } = await openXlsxBytes(await fileBytes(file), file.name);
      setOpen({ id: nextId++, fileName: file.name, workbook: wb, adapter: createXlsxAdapter(wb), lostOnSave });
      setPendingDone(0);
      setMarkedDone(0);
    } catch (e) {
      const reason = e instanceof Error && e.message ? e.message : `无法读取工作簿：${file.name}。`;
      setError(replacing ? `${reason}（下方仍是之前打开的“${replacing.fileName}”。）` : reason);
    } finally {
      setLoading(null);
    }
  }, []);

  // 标记完成 counts until the next download, so that closing the page can warn before losing it.
  const adapter = useMemo<XlsxWorkbookAdapter | null>(() => {
    if (!open) return null;
    const base = open.adapter;
    return {
      ...base,
      async markDone(sheet, cell, label) {
        const undo = await base.markDone(sheet, cell, label);
        setPendingDone((n) => n + 1);
        setMarkedDone((n) => n + 1);
        return undo;
      },
      async undoMarkDone(undo) {
        await base.undoMarkDone(undo);
        setPendingDone((n) => Math.max(0, n - 1));
        setMarkedDone((n) => Math.max(0, n - 1));
      },
    };
  }, [open]);

  useEffect(() => {
    if (pendingDone === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pendingDone]);

  const onScan = useCallback((scan: ScanResult) => setAsOf(scan.asOf), []);
  const onDownloaded = useCallback(() => setPendingDone(0), []);

  return (
    <div className={styles.page}>
      <header className={styles.head}>
        <h1 className={styles.title}>大练兵助手 · 网页版</h1>
        <Caption1 className={styles.sub}>不装加载项也能用：在浏览器中检查责任分解表的节点，下载标注后的副本。</Caption1>
        <FilePicker fileName={open?.fileName ?? null} busy={loading !== null} onFile={(f) => void openFile(f, open, pendingDone)} />
        {loading && <Body1 role="status">正在读取“{loading}”……</Body1>}
        {error && (
          <MessageBar intent="error" layout="multiline" politeness="assertive">
            <MessageBarBody>
              <MessageBarTitle>无法打开</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {open && open.lostOnSave.length > 0 ? (
          <MessageBar intent="warning" layout="multiline" data-testid="lost-on-save">
            <MessageBarBody>
              <MessageBarTitle>副本不能保留</MessageBarTitle>
              “{open.fileName}”中有{open.lostOnSave.join("、")}，网页版下载的副本中没有这些内容（单元格内容、公式、格式和批注都保留）。
              请勿用副本替换原文件；需要保留它们时，请在 Excel 中用大练兵助手加载项就地标注。
            </MessageBarBody>
          </MessageBar>
        ) : (
          <Caption1 className={styles.sub} data-testid="lost-on-save">
            下载的副本保留单元格内容、公式、格式和批注，但不含{KINDS_LOST_ON_SAVE.join("、")}（网页版所用的 ExcelJS
            库不支持）{open ? "；本文件中没有这些内容。" : "；文件中有这些内容时，打开后会提示。"}
          </Caption1>
        )}
      </header>
      {!open && !loading && (
        <ol className={styles.steps} aria-label="使用步骤">
          <li>选择或拖入一个责任分解表（.xlsx）：页面按表头识别攻坚任务表、基准任务表，不需要固定模板。</li>
          <li>设好截至日期和临期天数，点“扫描”：列出已逾期和临期的节点，可按盯办人、责任人、分管领导或牵头部门分组。</li>
          <li>点“下载标注副本”：得到一份逾期标红、临期标黄并加批注的副本，与命令行 dalianbing flag 所写相同。</li>
        </ol>
      )}
      {open && adapter && (
        <App
          key={open.id}
          adapter={adapter}
          today={asOf}
          selectable={false}
          tools={(context) => (
            <WebTools
              {...context}
              adapter={adapter}
              workbook={open.workbook}
              fileName={open.fileName}
              lostOnSave={open.lostOnSave}
              pendingDone={pendingDone}
              markedDone={markedDone}
              onDownloaded={onDownloaded}
              onScan={onScan}
            />
          )}
        />
      )}
    </div>
  );
}
