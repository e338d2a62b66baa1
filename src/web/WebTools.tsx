/**
 * The web page's workbook buttons, in place of the add-in's: 下载标注副本 and 下载清除标注副本 (the
 * copies `dalianbing flag` / `unflag` write, by the same src/xlsx functions), then WEB_TOOLS.
 */
import * as React from "react";
import { useEffect } from "react";
import { Button, Caption1, makeStyles, tokens, Tooltip } from "@fluentui/react-components";
import { chineseDate } from "../core/scan/text";
import type { ScanResult } from "../core/scan/types";
import type { PaneToolsContext } from "../taskpane/App";
import type { XlsxWorkbookAdapter } from "../xlsx/adapter";
import type ExcelJS from "exceljs";
import { copyFileName, downloadBytes } from "./download";
import { WEB_TOOLS } from "./extensions";

const useStyles = makeStyles({
  bar: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  pending: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface WebToolsProps extends PaneToolsContext {
  adapter: XlsxWorkbookAdapter;
  workbook: ExcelJS.Workbook;
  fileName: string;
  /** What the copy will lack (contentLostOnSave), said after each download. */
  lostOnSave: string[];
  /** 标记完成 made since the last download. */
  pendingDone: number;
  /** 标记完成 made on this workbook in all (every download carries them). */
  markedDone: number;
  onDownloaded: () => void;
  onScan: (scan: ScanResult) => void;
}

/** The marks a download carries, said so that the user knows the copy holds them. */
function doneText(pending: number): string {
  return pending > 0 ? `副本中含本页标记完成的 ${pending} 项（“已完成节点”列）。` : "";
}

function lostText(lost: string[]): string {
  return lost.length === 0 ? "" : ` 注意：副本中没有原文件的${lost.join("、")}，请勿用副本替换原文件。`;
}

export function WebTools(props: WebToolsProps): React.JSX.Element {
  const styles = useStyles();
  const { adapter, scan, run, fileName, lostOnSave, markedDone, onDownloaded, onScan } = props;
  useEffect(() => onScan(scan), [scan, onScan]);

  const downloadFlagged = () =>
    void run("下载标注副本", async () => {
      const r = await adapter.flag(scan);
      const name = copyFileName(fileName, "已标注");
      downloadBytes(await adapter.toBytes(), name);
      onDownloaded();
      const what = r.flagged === 0 ? "没有逾期或临期的节点，副本中没有标注" : `副本中 ${r.flagged} 个单元格已标注：逾期标红、临期标黄，说明写入批注；单元格内容未改动`;
      return { text: `已下载“${name}”（截至${chineseDate(scan.asOf)}）：${what}。${doneText(markedDone)}原文件未改动。${lostText(lostOnSave)}`, skipped: r };
    });

  const downloadUnflagged = () =>
    void run("下载清除标注副本", async () => {
      const r = await adapter.unflag();
      const name = copyFileName(fileName, "已清除标注");
      downloadBytes(await adapter.toBytes(), name);
      onDownloaded();
      const what =
        r.restored > 0
          ? `${r.restored} 个单元格已恢复原来的填充色、字体颜色和批注`
          : markedDone > 0
            ? "文件中没有大练兵助手的标注"
            : "文件中没有大练兵助手的标注，副本内容与原文件相同";
      return { text: `已下载“${name}”：${what}。${doneText(markedDone)}${lostText(lostOnSave)}`, skipped: r };
    });

  return (
    <>
      <div className={styles.bar} role="group" aria-label="下载副本">
        <Tooltip content="另存一份副本：逾期节点标红、临期节点标黄并加批注，与命令行 dalianbing flag 相同；原文件不变" relationship="description">
          <Button appearance="primary" disabled={props.busy} onClick={downloadFlagged}>
            下载标注副本
          </Button>
        </Tooltip>
        <Tooltip content="另存一份副本：去掉大练兵助手加的颜色和批注，恢复单元格原来的样子" relationship="description">
          <Button disabled={props.busy} onClick={downloadUnflagged}>
            下载清除标注副本
          </Button>
        </Tooltip>
        {WEB_TOOLS.map((tool) => (
          <Tooltip key={tool.label} content={tool.hint} relationship="description">
            <Button
              disabled={props.busy}
              onClick={() =>
                void run(tool.label, async () => {
                  const outcome = await tool.run({ workbook: props.workbook, scan, fileName });
                  if (outcome.download) downloadBytes(outcome.download.bytes, outcome.download.fileName, outcome.download.type);
                  return outcome.message;
                })
              }
            >
              {tool.label}
            </Button>
          </Tooltip>
        ))}
      </div>
      {props.pendingDone > 0 ? (
        <Caption1 className={styles.pending} role="status">
          已标记完成 {props.pendingDone} 项，尚未保存：请下载副本（“已完成节点”列在副本中），关闭网页前不下载会丢失。
        </Caption1>
      ) : (
        <Caption1>“标记完成”写入下载的副本中该行的“已完成节点”列；原文件不会被改动。</Caption1>
      )}
    </>
  );
}
