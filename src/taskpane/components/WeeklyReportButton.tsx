/** 生成周报: builds the Word 周报 of the current scan in the pane and offers it for download. */
import * as React from "react";
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { ScanResult } from "../../core/scan/types";
import type { NoticeState } from "../useNotices";
import { useWeeklyReport, type ChartRenderer } from "../useWeeklyReport";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

export interface WeeklyReportButtonProps {
  scan: ScanResult | null;
  /** Another action or a scan is running. */
  busy: boolean;
  show: NoticeState["show"];
  /** Tests pass a chart renderer; the pane uses the browser's canvas. */
  renderChart?: ChartRenderer;
}

export function WeeklyReportButton({ scan, busy, show, renderChart }: WeeklyReportButtonProps): React.JSX.Element {
  const styles = useStyles();
  const report = useWeeklyReport(scan, show, renderChart);
  return (
    <div className={styles.row}>
      <Button disabled={!scan || busy || report.busy} onClick={report.generate}>
        {report.busy ? "正在生成周报…" : "生成周报"}
      </Button>
      {report.file && (
        <Link href={report.file.url} download={report.file.fileName} target="_blank" rel="noopener">
          打开周报（{report.file.fileName}）
        </Link>
      )}
    </div>
  );
}
