/** 选择工作簿: a button over a hidden file input, and the whole box as a drop target for a .xlsx. */
import * as React from "react";
import { useRef, useState } from "react";
import { Body1, Button, Caption1, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  text: { display: "flex", flexDirection: "column", minWidth: 0, flex: "1 1 200px" },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3 },
  input: { display: "none" },
});

export interface FilePickerProps {
  /** The file open now, if any. */
  fileName: string | null;
  busy: boolean;
  onFile: (file: File) => void;
}

export function FilePicker({ fileName, busy, onFile }: FilePickerProps): React.JSX.Element {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!busy) take(e.dataTransfer.files);
      }}
    >
      <Button appearance={fileName ? "secondary" : "primary"} disabled={busy} onClick={() => input.current?.click()}>
        {fileName ? "换一个工作簿" : "选择工作簿"}
      </Button>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="选择工作簿"
        onChange={(e) => {
          take(e.currentTarget.files);
          // The same file chosen again (after editing it in Excel) must load again.
          e.currentTarget.value = "";
        }}
      />
      <div className={styles.text}>
        {fileName ? <Body1 className={styles.name} data-testid="file-name">
            {fileName}
          </Body1> : <Body1>选择或拖入一个 .xlsx 责任分解表</Body1>}
        <Caption1 className={styles.hint}>文件只在本机浏览器中读取，不会上传到任何地方。</Caption1>
      </div>
    </div>
  );
}
