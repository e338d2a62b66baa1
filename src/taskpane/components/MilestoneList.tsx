/** The overdue and due-soon milestones in groups; grouped by a person, each named person's group has a 复制催办通知 button. */
import * as React from "react";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
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
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  summary: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  items: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface MilestoneGroup {
  key: string;
  milestones: ScannedMilestone[];
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
  if (props.groups.length === 0) return <Body1 className={styles.empty}>{props.emptyText}</Body1>;
  return (
    <div className={styles.groups}>
      {props.groups.map((group) => {
        const label = groupLabel(group.key);
        const overdue = group.milestones.filter((m) => m.status === "overdue").length;
        const dueSoon = group.milestones.length - overdue;
        return (
          <section key={group.key} aria-label={label}>
            <div className={styles.header}>
              <h3 className={styles.name}>
                {label} <span className={styles.summary}>逾期 {overdue} · 临期 {dueSoon}</span>
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
            <ul className={styles.items}>
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
          </section>
        );
      })}
    </div>
  );
}
