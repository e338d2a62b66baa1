/**
 * Rescans after the workbook changes: the adapter reports every edit, and a burst of edits (typing,
 * pasting, our own flagging) should cause one rescan, `delayMs` after the last change.
 */
import { useEffect, useRef } from "react";
import type { WorkbookAdapter } from "../excel/types";
import { errorText } from "./paneModel";

export const RESCAN_DELAY_MS = 1000;

export function useRescanOnChange(
  adapter: WorkbookAdapter,
  enabled: boolean,
  rescan: () => void,
  onError: (message: string) => void,
  delayMs = RESCAN_DELAY_MS,
): void {
  // Refs so that a new callback identity does not re-subscribe to Excel on every render.
  const rescanRef = useRef(rescan);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    rescanRef.current = rescan;
    onErrorRef.current = onError;
  });

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    let active = true;

    adapter
      .onChanged(() => {
        if (!active) return;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          if (active) rescanRef.current();
        }, delayMs);
      })
      .then(
        (unsub) => {
          if (active) unsubscribe = unsub;
          else unsub();
        },
        (e) => {
          if (active) onErrorRef.current(`${errorText("监听工作表变化", e)} 修改表格后请手动点击“扫描”。`);
        },
      );

    return () => {
      active = false;
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [adapter, enabled, delayMs]);
}
