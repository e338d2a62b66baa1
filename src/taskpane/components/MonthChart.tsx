/**
 * A small chart of the campaign's dated milestones per month, stacked by status, with a line at the
 * 截至日期. Inline SVG (no chart library in the pane bundle); a title and a text alternative carry the
 * numbers for screen readers, the legend and the bar labels for everyone else.
 */
import * as React from "react";
import { useId } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { IsoDate } from "../../core/dates";
import { monthPosition, type MonthCounts, type MonthlyMilestones } from "../../core/scan/months";
import { monthChartText, monthLabel } from "../paneModel";

/** Same colours as the count tiles and the flags in the sheet. */
const SERIES: { key: "overdue" | "dueSoon" | "pending" | "done"; label: string; color: string }[] = [
  { key: "overdue", label: "已逾期", color: "#C50F1F" },
  { key: "dueSoon", label: "临期", color: "#E8A200" },
  { key: "pending", label: "未到期", color: "#A19F9D" },
  { key: "done", label: "已完成", color: "#107C10" },
];

const WIDTH = 360;
const HEIGHT = 132;
const PAD = { left: 6, right: 6, top: 16, bottom: 20 };

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: { display: "inline-block", width: "10px", height: "10px", borderRadius: "2px", marginRight: "4px", verticalAlign: "-1px" },
});

export function MonthChart(props: { data: MonthlyMilestones; asOf: IsoDate }): React.JSX.Element | null {
  const styles = useStyles();
  const titleId = useId();
  const descId = useId();
  const { months } = props.data;
  if (months.length === 0) return null;
  const max = months.reduce((m, c) => Math.max(m, c.total), 1);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / months.length;
  const barW = Math.min(28, slot * 0.64);
  const today = monthPosition(months, props.asOf);
  const baseline = PAD.top + plotH;
  return (
    <figure className={styles.figure} data-testid="month-chart">
      <h3 className={styles.heading} id={titleId}>
        各月节点
      </h3>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title>各月节点数（按到期月份）</title>
        <desc id={descId}>{monthChartText(props.data, props.asOf)}</desc>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={baseline} y2={baseline} stroke="#C8C6C4" strokeWidth={1} />
        {months.map((c, i) => (
          <MonthBar key={`${c.year}-${c.month}`} c={c} x={PAD.left + slot * i + (slot - barW) / 2} width={barW} baseline={baseline} scale={plotH / max} />
        ))}
        {today !== null && (
          <g aria-hidden="true">
            <line
              x1={PAD.left + slot * today}
              x2={PAD.left + slot * today}
              y1={PAD.top - 4}
              y2={baseline}
              stroke="#323130"
              strokeWidth={1}
              strokeDasharray="3 2"
            />
            <text x={PAD.left + slot * today} y={PAD.top - 6} fontSize={9} textAnchor="middle" fill="#323130">
              截至
            </text>
          </g>
        )}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span className={styles.swatch} style={{ backgroundColor: s.color }} />
            {s.label}
          </li>
        ))}
        {props.data.undated > 0 && <li>另有无固定期限 {props.data.undated} 个</li>}
      </ul>
    </figure>
  );
}

function MonthBar(props: { c: MonthCounts; x: number; width: number; baseline: number; scale: number }): React.JSX.Element {
  const { c, x, width, baseline, scale } = props;
  const center = x + width / 2;
  // Each segment sits on top of the ones before it: its top is the baseline minus the running height.
  const segments: { key: string; color: string; top: number; height: number }[] = [];
  let top = baseline;
  for (const s of SERIES) {
    const height = c[s.key] * scale;
    if (height === 0) continue;
    top -= height;
    segments.push({ key: s.key, color: s.color, top, height });
  }
  const y = top;
  return (
    <g aria-hidden="true" data-month={`${c.year}-${c.month}`} data-total={c.total}>
      {segments.map((s) => (
        <rect key={s.key} x={x} y={s.top} width={width} height={s.height} fill={s.color} />
      ))}
      {c.total > 0 && (
        <text x={center} y={y - 3} fontSize={9} textAnchor="middle" fill="#323130">
          {c.total}
        </text>
      )}
      <text x={center} y={baseline + 12} fontSize={9} textAnchor="middle" fill="#605E5C">
        {monthLabel(c)}
      </text>
    </g>
  );
}
