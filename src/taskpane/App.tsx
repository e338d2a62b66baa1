/**
 * The task pane. Everything it does to the workbook goes through the WorkbookAdapter it is given;
 * it never calls Office.js itself.
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { AriaLiveAnnouncer, Body1, makeStyles, SearchBox, tokens } from "@fluentui/react-components";
import { localToday } from "../core/dates";
import { DEFAULT_DUE_SOON_DAYS } from "../core/milestones/types";
import type { ReminderRole } from "../core/scan";
import type { ScanResult } from "../core/scan/types";
import type { WorkbookAdapter } from "../excel/types";
import { ActionsBar } from "./components/ActionsBar";
import { GroupSelector } from "./components/GroupSelector";
import { MilestoneList } from "./components/MilestoneList";
import { NoteModeInfo } from "./components/NoteModeInfo";
import { Notices, type Notice } from "./components/Notices";
import { ProblemsPanel } from "./components/ProblemsPanel";
import { ScanControls } from "./components/ScanControls";
import { ScanProgressView, TablesSummary } from "./components/ScanStatus";
import { StatusCounts } from "./components/StatusCounts";
import { MonthChart } from "./components/MonthChart";
import { milestonesByMonth } from "../core/scan/months";
import {
  dueText,
  fieldDateText,
  filterMilestones,
  groupEntries,
  urgentMilestones,
  validateScanOptions,
  type GroupBy,
} from "./paneModel";
import { WeeklyReportButton } from "./components/WeeklyReportButton";
import { useNotices } from "./useNotices";
import { usePaneActions, type PaneActions } from "./usePaneActions";
import { useRescanOnChange } from "./useRescanOnChange";
import { useScan } from "./useScan";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "560px",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  adapter: WorkbookAdapter;
  /** Today's date for the default 截至日期; tests pass a fixed one. */
  today?: string;
  /** Scans as soon as the pane opens (default true). */
  scanOnOpen?: boolean;
  /**
   * Replaces the add-in's workbook buttons (就地标注, 清除标注, 插入公式列, 插入评分表): the web page
   * offers downloads instead. Called with the newest scan; `run` gives an action the pane's busy
   * state and messages.
   */
  tools?: (context: PaneToolsContext) => React.ReactNode;
  /** Whether a milestone can be clicked to select its cell (default true; a downloaded file has no selection). */
  selectable?: boolean;
}

export interface PaneToolsContext {
  scan: ScanResult;
  busy: boolean;
  run: PaneActions["run"];
}

export function App({ adapter, today, scanOnOpen = true, tools, selectable = true }: AppProps): React.JSX.Element {
  const styles = useStyles();
  // The field's text (yyyy/mm/dd); validateScanOptions reads it.
  const [asOf, setAsOf] = useState(() => fieldDateText(today ?? localToday(new Date())));
  const [dueSoonDays, setDueSoonDays] = useState(String(DEFAULT_DUE_SOON_DAYS));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>("盯办人");
  const [query, setQuery] = useState("");
  const scan = useScan(adapter);
  const { runScan } = scan;
  const notices = useNotices();
  const { show: showNotice } = notices;

  /** Scans with what the form says; an invalid field is reported by name and nothing is scanned. */
  const scanNow = useCallback(async () => {
    const options = validateScanOptions(asOf, dueSoonDays);
    if (!options.ok) {
      setInvalid(options.message);
      return;
    }
    setInvalid(null);
    await runScan({ asOf: options.asOf, dueSoonDays: options.dueSoonDays });
  }, [asOf, dueSoonDays, runScan]);

  useEffect(() => {
    // Only when the pane opens; later scans follow the button and workbook changes. Starting the scan
    // from an effect is the point here (it reads the workbook), hence the state updates it causes.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (scanOnOpen) void scanNow();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const watchError = useCallback((message: string) => showNotice("watch", "warning", message), [showNotice]);
  useRescanOnChange(adapter, scan.result !== null, () => void scanNow(), watchError);

  const actions = usePaneActions(adapter, scan.result, scanNow, notices);

  const urgent = useMemo(() => (scan.result ? urgentMilestones(scan.result) : []), [scan.result]);
  const shown = useMemo(() => filterMilestones(urgent, query), [urgent, query]);
  const groups = useMemo(() => groupEntries(shown, groupBy), [shown, groupBy]);
  const monthly = useMemo(() => (scan.result ? milestonesByMonth(scan.result.milestones) : null), [scan.result]);

  const allNotices: Notice[] = scan.error
    ? [{ id: "scan", intent: "error", text: scan.error }, ...notices.notices]
    : notices.notices;
  const dismiss = (id: string) => (id === "scan" ? scan.clearError() : notices.dismiss(id));

  const result = scan.result;
  return (
    <AriaLiveAnnouncer>
      <main className={styles.pane} aria-label="大练兵助手" aria-busy={scan.scanning}>
        <ScanControls
          asOf={asOf}
          dueSoonDays={dueSoonDays}
          scanning={scan.scanning}
          invalid={invalid}
          onAsOfChange={setAsOf}
          onDueSoonDaysChange={setDueSoonDays}
          onScan={() => void scanNow()}
        />
        <Notices notices={allNotices} onDismiss={dismiss} />
        {scan.scanning && <ScanProgressView progress={scan.progress} />}
        {!result && !scan.scanning && !scan.error && (
          <Body1 className={styles.hint}>点击“扫描”，读取本工作簿中的责任分解表，列出逾期和临期的节点。</Body1>
        )}
        {result && (
          <>
            <section className={styles.section} aria-label="统计">
              <StatusCounts counts={result.counts} />
              {monthly && <MonthChart data={monthly} asOf={result.asOf} />}
              <TablesSummary scan={result} asOfText={dueText(result.asOf)} />
            </section>
            <section className={styles.section} aria-label="标注与工具">
              {tools ? (
                tools({ scan: result, busy: actions.busy || scan.scanning, run: actions.run })
              ) : (
                <ActionsBar
                  hasScan
                  busy={actions.busy || scan.scanning}
                  onFlag={actions.flag}
                  onUnflag={actions.unflag}
                  onInsertFormulaColumns={actions.insertFormulaColumns}
                  onInsertScorecard={actions.insertScorecard}
                />
              )}
              <NoteModeInfo mode={actions.noteMode} />
              <WeeklyReportButton scan={result} busy={actions.busy || scan.scanning} show={showNotice} />
            </section>
            <ProblemsPanel scan={result} />
            <section className={styles.section} aria-labelledby="urgent-heading">
              <h2 id="urgent-heading" className={styles.heading}>
                逾期和临期节点（{urgent.length}）
              </h2>
              <GroupSelector value={groupBy} onChange={setGroupBy} />
              <SearchBox
                placeholder="搜索人员、序号、部门或内容"
                aria-label="搜索节点"
                value={query}
                onChange={(_, d) => setQuery(d.value)}
              />
              <MilestoneList
                groups={groups}
                groupBy={groupBy}
                emptyText={
                  urgent.length === 0 ? "没有逾期或临期的节点。" : `没有与“${query.trim()}”相符的节点。`
                }
                busy={actions.busy || scan.scanning}
                onSelect={selectable ? actions.select : undefined}
                onMarkDone={actions.markDone}
                onCopyReminder={(person, milestones) =>
                  // The button is shown only when grouping by a person (isRemindable), so groupBy is a role.
                  actions.copyReminder(person, milestones, groupBy as ReminderRole)
                }
              />
            </section>
          </>
        )}
      </main>
    </AriaLiveAnnouncer>
  );
}
