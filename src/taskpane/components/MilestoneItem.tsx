/**
 * One overdue or due-soon milestone. The main area is a real button: a click, Enter or Space
 * selects the cell in Excel (without onSelect it is plain text). "标记完成" is a separate button next to it.
 */
import * as React from "react";
import { Button, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ScannedMilestone } from "../../core/scan/types";
import { dayText, dueText, itemTitle, peopleText, placeText, shortText } from "../paneModel";

const useStyles = makeStyles({
  item: {
    display: "flex",
    alignItems: "stretch",
    gap: tokens.spacingHorizontalXS,
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  overdue: { borderLeftColor: "#C50F1F" },
  dueSoon: { borderLeftColor: "#E8A200" },
  main: {
    flex: "1 1 auto",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: "none",
    background: "transparent",
    textAlign: "left",
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  static: { cursor: "default", ":hover": { backgroundColor: "transparent" } },
  head: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  days: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  daysOverdue: { color: "#A4262C" },
  daysSoon: { color: "#8A5300" },
  reviewItem: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  text: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: "anywhere" },
  people: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  side: { display: "flex", alignItems: "center", flexShrink: 0, paddingRight: tokens.spacingHorizontalXS },
  doneButton: { whiteSpace: "nowrap", minWidth: "auto" },
});

export interface MilestoneItemProps {
  milestone: ScannedMilestone;
  busy: boolean;
  /** Absent where there is no cell to go to (the web page): the text is then not a button. */
  onSelect?: (m: ScannedMilestone) => void;
  onMarkDone: (m: ScannedMilestone) => void;
}

export function MilestoneItem({ milestone: m, busy, onSelect, onMarkDone }: MilestoneItemProps): React.JSX.Element {
  const styles = useStyles();
  const overdue = m.status === "overdue";
  const title = itemTitle(m);
  const days = dayText(m);
  const place = placeText(m.sheet, m.cell);
  const people = peopleText(m);
  const content = (
    <>
      <span className={styles.head}>
        <span className={styles.title}>{title}</span>
        <span className={mergeClasses(styles.days, overdue ? styles.daysOverdue : styles.daysSoon)}>{days}</span>
      </span>
      {m.item.trim() && <span className={styles.reviewItem}>{shortText(m.item, 30)}</span>}
      <span className={styles.text}>{shortText(m.text)}</span>
      <span className={styles.people}>{people}</span>
      <span className={styles.meta}>
        截止 {dueText(m.due)} · {m.lead.trim() ? `${m.lead.trim()} · ` : ""}
        {place}
      </span>
    </>
  );
  return (
    <li
      className={mergeClasses(styles.item, overdue ? styles.overdue : styles.dueSoon)}
      data-sheet={m.sheet}
      data-cell={m.cell}
      data-label={m.label}
      data-status={m.status}
    >
      {onSelect ? (
        <button
          type="button"
          className={styles.main}
          onClick={() => onSelect(m)}
          title={`${m.item ? `${m.item}：` : ""}${m.text}`}
          aria-label={`${title}，${days}，${m.item ? `${m.item}：` : ""}${m.text}，截止${dueText(m.due)}，${people}，位于 ${place}。按回车定位到该单元格`}
        >
          {content}
        </button>
      ) : (
        <div className={mergeClasses(styles.main, styles.static)} title={`${m.item ? `${m.item}：` : ""}${m.text}`}>
          {content}
        </div>
      )}
      <div className={styles.side}>
        <Button
          className={styles.doneButton}
          size="small"
          appearance="secondary"
          disabled={busy}
          onClick={() => onMarkDone(m)}
          aria-label={`标记完成：${title}`}
        >
          标记完成
        </Button>
      </div>
    </li>
  );
}
