/** Progress of a running scan ("正在读取工作表 3/7") and, after a scan, which tables were read. */
import { tableYearText } from "../../core/scan/text";
import * as React from "react";
import { Caption1, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { ScanResult } from "../../core/scan/types";
import type { ScanProgress } from "../../excel/types";
import { progressText, progressValue } from "../paneModel";

const useStyles = makeStyles({
  tables: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export function ScanProgressView(props: { progress: ScanProgress | null }): React.JSX.Element {
  const label = props.progress ? progressText(props.progress) : "正在读取工作簿…";
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={progressValue(props.progress)} thickness="large" aria-label={label} />
    </Field>
  );
}

/** "截至 2024年9月1日，已识别 2 张表：攻坚任务（攻坚，2024年，51行）、基准任务（基准，2024年，25行）" */
export function TablesSummary(props: { scan: ScanResult; asOfText: string }): React.JSX.Element {
  const styles = useStyles();
  const { tables } = props.scan;
  const list = tables.map((t) => `${t.sheet}（${t.kind}，${t.rows}行，${tableYearText(t)}）`).join("、");
  return (
    <Caption1 className={styles.tables}>
      截至 {props.asOfText}，{tables.length > 0 ? `已识别 ${tables.length} 张表：${list}` : "未识别到责任分解表"}
    </Caption1>
  );
}
