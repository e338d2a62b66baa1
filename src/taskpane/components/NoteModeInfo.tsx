/** Which way flags carry their explanation on this Excel: 批注, 线程批注 or 仅填充颜色. */
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { NoteSupport } from "../../excel/types";
import { noteSupportText } from "../paneModel";

const useStyles = makeStyles({
  box: { color: tokens.colorNeutralForeground2 },
});

export function NoteModeInfo(props: { mode: NoteSupport }): React.JSX.Element {
  const styles = useStyles();
  const { label, explanation } = noteSupportText(props.mode);
  return (
    <div className={styles.box} data-testid="note-mode">
      <Caption1>
        标注方式：<strong>{label}</strong>。{explanation}
      </Caption1>
    </div>
  );
}
