/** 截至日期, 临期天数 and the 扫描 button. */
import * as React from "react";
import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  date: { flex: "1 1 150px", minWidth: "140px" },
  days: { flex: "0 0 88px" },
  button: { flex: "0 0 auto" },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface ScanControlsProps {
  asOf: string;
  dueSoonDays: string;
  scanning: boolean;
  /** A Chinese message about an invalid field, shown under the form. */
  invalid: string | null;
  onAsOfChange: (value: string) => void;
  onDueSoonDaysChange: (value: string) => void;
  onScan: () => void;
}

export function ScanControls(props: ScanControlsProps): React.JSX.Element {
  const styles = useStyles();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    props.onScan();
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label="扫描设置">
      <div className={styles.row}>
        <Field label="截至日期" className={styles.date}>
          <Input type="date" value={props.asOf} onChange={(_, d) => props.onAsOfChange(d.value)} />
        </Field>
        <Field label="临期天数" className={styles.days}>
          <Input
            type="number"
            min={0}
            max={366}
            value={props.dueSoonDays}
            onChange={(_, d) => props.onDueSoonDaysChange(d.value)}
          />
        </Field>
        <Button className={styles.button} appearance="primary" type="submit" disabled={props.scanning}>
          {props.scanning ? "扫描中…" : "扫描"}
        </Button>
      </div>
      {props.invalid && (
        <Caption1 role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {props.invalid}
        </Caption1>
      )}
      <Caption1 className={styles.note}>
        各节点的年份取自所在表格的标题（如“盘锦市2024年…”）；标题中没有年份时，按截至日期的年份计算。
      </Caption1>
    </form>
  );
}
