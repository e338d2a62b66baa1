/**
 * 截至日期, 临期天数 and the 扫描 button. The date is a text field in yyyy/mm/dd whatever the browser's
 * locale (a native date input shows mm/dd/yyyy under en-US); the calendar button opens the browser's
 * date picker and writes the chosen day back as yyyy/mm/dd.
 */
import * as React from "react";
import { useRef } from "react";
import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { fieldDateText, parseFieldDate } from "../paneModel";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  date: { flex: "1 1 150px", minWidth: "140px" },
  days: { flex: "0 0 88px" },
  button: { flex: "0 0 auto" },
  // The field fills its column; without width 0 the text box keeps its intrinsic 20-character width and
  // pushes the calendar button under the 临期天数 field.
  dateRoot: { width: "100%", boxSizing: "border-box" },
  dateText: { width: 0 },
  picker: { position: "relative", display: "inline-flex" },
  // Kept in the layout (showPicker needs a rendered input) but invisible and out of the tab order.
  nativeDate: { position: "absolute", inset: 0, opacity: 0, pointerEvents: "none", width: "100%", height: "100%", border: 0, padding: 0 },
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
          <Input
            type="text"
            className={styles.dateRoot}
            input={{ className: styles.dateText }}
            value={props.asOf}
            placeholder="yyyy/mm/dd"
            autoComplete="off"
            onChange={(_, d) => props.onAsOfChange(d.value)}
            onBlur={() => {
              const date = parseFieldDate(props.asOf);
              if (date) props.onAsOfChange(fieldDateText(date));
            }}
            contentAfter={<CalendarButton value={props.asOf} onPick={props.onAsOfChange} />}
          />
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

/** Opens the browser's date picker (where it has one) over a hidden native date input. */
function CalendarButton(props: { value: string; onPick: (text: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const native = useRef<HTMLInputElement>(null);
  const iso = parseFieldDate(props.value) ?? "";
  return (
    <span className={styles.picker}>
      <Button
        appearance="transparent"
        size="small"
        aria-label="打开日历"
        icon={<CalendarIcon />}
        onClick={() => {
          const input = native.current;
          if (!input) return;
          try {
            input.showPicker();
          } catch {
            input.focus();
          }
        }}
      />
      <input
        ref={native}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        className={styles.nativeDate}
        value={iso}
        onChange={(e) => {
          const date = parseFieldDate(e.target.value);
          if (date) props.onPick(fieldDateText(date));
        }}
      />
    </span>
  );
}

function CalendarIcon(): React.JSX.Element {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.2">
      <rect x="2" y="3" width="12" height="11" rx="1.5" />
      <path d="M2 6.5h12M5 1.5v3M11 1.5v3" />
    </svg>
  );
}
