/** Workbook-wide actions: 就地标注, 清除标注, 插入公式列, 插入评分表 (which asks for the rule set). */
import * as React from "react";
import { Button, Field, Input, makeStyles, Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, tokens, Tooltip } from "@fluentui/react-components";
import type { RuleSetId } from "../../core/rules/types";

const useStyles = makeStyles({
  // Two rows of two: marking (标注/清除) above, the workbook tools below; fits 320–450 px.
  bar: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  candidate: {
    gridColumn: "1 / -1",
    display: "flex",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
  name: { flexGrow: 1, minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

export interface ActionsBarProps {
  /** A scan is needed before flagging. */
  hasScan: boolean;
  busy: boolean;
  onFlag: () => void;
  onUnflag: () => void;
  onInsertFormulaColumns: () => void;
  onInsertScorecard: (set: RuleSetId, candidate?: string) => void;
}

/** The four 评分表 (附件4, 附件5 市级/县级, 附件6), as the menu offers them. */
export const SCORECARD_CHOICES: { set: RuleSetId; text: string; hint: string }[] = [
  { set: "攻坚", text: "攻坚任务（附件4）", hint: "表现突出集体攻坚任务评分表" },
  { set: "基准市", text: "基准任务·市级（附件5）", hint: "表现突出集体基准任务评分表（市级）" },
  { set: "基准县", text: "基准任务·县级（附件5）", hint: "表现突出集体基准任务评分表（县级）" },
  { set: "个人", text: "表现突出个人（附件6）…", hint: "每位候选人一张表，接着填写姓名" },
];

/**
 * Tooltips open away from the other buttons: the top row's above the bar, the bottom row's below it,
 * pinned so that Fluent never flips them over the buttons they explain (or their neighbours).
 */
const ABOVE = { position: "above", align: "center", pinned: true, offset: 6 } as const;
const BELOW = { position: "below", align: "center", pinned: true, offset: 6 } as const;

export function ActionsBar(props: ActionsBarProps): React.JSX.Element {
  const styles = useStyles();
  const [askName, setAskName] = React.useState(false);
  const [name, setName] = React.useState("");
  const insertPersonal = (): void => {
    setAskName(false);
    props.onInsertScorecard("个人", name.trim() || undefined);
    setName("");
  };
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
      <Menu positioning={BELOW}>
        <MenuTrigger disableButtonEnhancement>
          <Tooltip content="选择攻坚、基准（市级/县级）或个人，新建（或重建）该套细则的评分表，逐项计分" relationship="description" positioning={BELOW}>
            <MenuButton disabled={props.busy}>插入评分表</MenuButton>
          </Tooltip>
        </MenuTrigger>
        <MenuPopover>
          <MenuList aria-label="选择评分表">
            {SCORECARD_CHOICES.map((choice) => (
              <MenuItem
                key={choice.set}
                title={choice.hint}
                onClick={() => (choice.set === "个人" ? setAskName(true) : props.onInsertScorecard(choice.set))}
              >
                {choice.text}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      {askName && (
        <form
          className={styles.candidate}
          aria-label="个人评分表"
          onSubmit={(e) => {
            e.preventDefault();
            insertPersonal();
          }}
        >
          <Field className={styles.name} label="候选人姓名">
            <Input className={styles.input} value={name} placeholder="可留空，稍后在表中填写" autoFocus onChange={(_, d) => setName(d.value)} />
          </Field>
          <Button appearance="primary" type="submit" disabled={props.busy}>
            插入
          </Button>
          <Button
            onClick={() => {
              setAskName(false);
              setName("");
            }}
          >
            取消
          </Button>
        </form>
      )}
    </div>
  );
}
