/** Workbook-wide actions: 就地标注, 清除标注, 插入公式列, 插入评分表. */
import * as React from "react";
import { Button, makeStyles, tokens, Tooltip } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Two rows of two: marking (标注/清除) above, the workbook tools below; fits 320–450 px.
  bar: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
});

export interface ActionsBarProps {
  /** A scan is needed before flagging. */
  hasScan: boolean;
  busy: boolean;
  onFlag: () => void;
  onUnflag: () => void;
  onInsertFormulaColumns: () => void;
  onInsertScorecard: () => void;
}

/**
 * Tooltips open away from the other buttons: the top row's above the bar, the bottom row's below it,
 * pinned so that Fluent never flips them over the buttons they explain (or their neighbours).
 */
const ABOVE = { position: "above", align: "center", pinned: true, offset: 6 } as const;
const BELOW = { position: "below", align: "center", pinned: true, offset: 6 } as const;

export function ActionsBar(props: ActionsBarProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="group" aria-label="工作簿操作">
      <Tooltip content="在表格中把逾期节点标红、临期节点标黄，并加上说明；单元格内容不变" relationship="description" positioning={ABOVE}>
        <Button appearance="primary" disabled={!props.hasScan || props.busy} onClick={props.onFlag}>
          就地标注
        </Button>
      </Tooltip>
      <Tooltip content="去掉本助手加的颜色和说明，恢复单元格原来的样子" relationship="description" positioning={ABOVE}>
        <Button disabled={props.busy} onClick={props.onUnflag}>
          清除标注
        </Button>
      </Tooltip>
      <Tooltip content="在每张责任分解表右侧加入 节点状态、下一节点、逾期数 三列公式，表格会自动更新" relationship="description" positioning={BELOW}>
        <Button disabled={props.busy} onClick={props.onInsertFormulaColumns}>
          插入公式列
        </Button>
      </Tooltip>
      <Tooltip content="新建（或重建）“评分表”工作表，按附件4逐项计分" relationship="description" positioning={BELOW}>
        <Button disabled={props.busy} onClick={props.onInsertScorecard}>
          插入评分表
        </Button>
      </Tooltip>
    </div>
  );
}
