/** Five tiles: how many milestones are 已逾期, 临期, 未到期, 已完成, 无固定期限. */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { STATUS_ZH, type MilestoneStatus } from "../../core/milestones/types";
import { COUNT_ORDER } from "../paneModel";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "repeat(5, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: `${tokens.spacingVerticalS} 2px`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, whiteSpace: "nowrap" },
  overdue: { backgroundColor: "#FFC7CE", color: "#9C0006" },
  dueSoon: { backgroundColor: "#FFEB9C", color: "#7A4500" },
  done: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1 },
});

export function StatusCounts(props: { counts: Record<MilestoneStatus, number> }): React.JSX.Element {
  const styles = useStyles();
  const tone: Partial<Record<MilestoneStatus, string>> = {
    overdue: styles.overdue,
    "due-soon": styles.dueSoon,
    done: styles.done,
  };
  return (
    <ul className={styles.list} aria-label="节点状态统计">
      {COUNT_ORDER.map((status) => {
        const count = props.counts[status] ?? 0;
        return (
          <li
            key={status}
            className={mergeClasses(styles.tile, count > 0 ? tone[status] : undefined)}
            aria-label={`${STATUS_ZH[status]} ${count} 个`}
            data-status={status}
          >
            <span className={styles.number}>{count}</span>
            <span className={styles.label}>{STATUS_ZH[status]}</span>
          </li>
        );
      })}
    </ul>
  );
}
