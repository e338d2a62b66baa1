/**
 * The overdue and due-soon milestones in groups, most overdue first; each group folds (its header is a
 * disclosure button). Grouped by a person, each named person's group has a 复制催办通知 button.
 */
import * as React from "react";
import { useState } from "react";
import { Body1, Button, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ScannedMilestone } from "../../core/scan/types";
import { groupLabel, isRemindable, type GroupBy } from "../paneModel";
import { MilestoneItem } from "./MilestoneItem";

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalXS,
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, minWidth: 0 },
  toggle: {
    display: "inline-flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalXS,
    border: "none",
    background: "transparent",
    padding: `2px ${tokens.spacingHorizontalXS} 2px 0`,
    margin: 0,
    font: "inherit",
    color: "inherit",
    textAlign: "left",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  chevron: { flexShrink: 0, alignSelf: "center", transitionProperty: "transform", transitionDuration: "0.1s", color: tokens.colorNeutralForeground2 },
  chevronOpen: { transform: "rotate(90deg)" },
  toolbar: { display: "flex", justifyContent: "flex-end", marginTop: `calc(-1 * ${tokens.spacingVerticalS})` },
  summary: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  items: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface MilestoneGroup {
  key: string;
  milestones: ScannedMilestone[];
  overdue: number;
  dueSoon: number;
}

export interface MilestoneListProps {
  groups: MilestoneGroup[];
  groupBy: GroupBy;
  /** What the empty state says (no urgent milestones, or none matching the search). */
  emptyText: string;
  busy: boolean;
  /** Absent where there is no cell to go to (the web page). */
  onSelect?: (m: ScannedMilestone) => void;
  onMarkDone: (m: ScannedMilestone) => void;
  onCopyReminder: (key: string, milestones: ScannedMilestone[]) => void;
}

function itemKey(m: ScannedMilestone): string {
  return `${m.sheet}!${m.cell}#${m.label}`;
}

export function MilestoneList(props: MilestoneListProps): React.JSX.Element {
  const styles = useStyles();
  // Folded groups, by grouping and key: a new scan keeps what the user folded.
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set());
  if (props.groups.length === 0) return <Body1 className={styles.empty}>{props.emptyText}</Body1>;
  const id = (key: string) => `${props.groupBy}\u0000${key}`;
  const toggle = (key: string) =>
    setFolded((old) => {
      const next = new Set(old);
      if (!next.delete(id(key))) next.add(id(key));
      return next;
    });
  const allFolded = props.groups.every((g) => folded.has(id(g.key)));
  const setAll = (fold: boolean) =>
    setFolded((old) => {
      const next = new Set(old);
      for (const g of props.groups) {
        if (fold) next.add(id(g.key));
        else next.delete(id(g.key));
      }
      return next;
    });
  return (
    <div className={styles.groups}>
      {props.groups.length > 1 && (
        <div className={styles.toolbar}>
          <Button size="small" appearance="subtle" onClick={() => setAll(!allFolded)}>
            {allFolded ? "全部展开" : "全部折叠"}
          </Button>
        </div>
      )}
      {props.groups.map((group, index) => {
        const label = groupLabel(group.key);
        const open = !folded.has(id(group.key));
        const listId = `milestone-group-${index}`;
        return (
          <section key={group.key} aria-label={label}>
            <div className={styles.header}>
              <h3 className={styles.name}>
                <button
                  type="button"
                  className={styles.toggle}
                  aria-expanded={open}
                  aria-controls={open ? listId : undefined}
                  onClick={() => toggle(group.key)}
                >
                  <svg
                    className={mergeClasses(styles.chevron, open && styles.chevronOpen)}
                    width="12"
                    height="12"
                    viewBox="0 0 12 12"
                    aria-hidden="true"
                  >
                    <path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                  <span>{label}</span>
                  <span className={styles.summary}>
                    逾期 {group.overdue} · 临期 {group.dueSoon}
                  </span>
                </button>
              </h3>
              {isRemindable(group.key, props.groupBy) && (
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => props.onCopyReminder(group.key, group.milestones)}
                  aria-label={`复制给${label}的催办通知`}
                >
                  复制催办通知
                </Button>
              )}
            </div>
            {open && (
              <ul className={styles.items} id={listId}>
                {group.milestones.map((m) => (
                  <MilestoneItem
                    key={itemKey(m)}
                    milestone={m}
                    busy={props.busy}
                    onSelect={props.onSelect}
                    onMarkDone={props.onMarkDone}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
