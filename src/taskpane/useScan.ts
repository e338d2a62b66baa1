/**
 * Scan state for the pane: the last result, progress while reading, and a Chinese error message.
 * Only the newest scan may update the state, so a slow scan never overwrites a later one.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ScanResult } from "../core/scan/types";
import type { ScanProgress, WorkbookAdapter } from "../excel/types";
import { errorText } from "./paneModel";

export interface ScanRequest {
  asOf: string;
  dueSoonDays: number;
}

export interface ScanState {
  result: ScanResult | null;
  scanning: boolean;
  progress: ScanProgress | null;
  error: string | null;
  /** Runs a scan; resolves when it is done (errors end up in `error`, never thrown). */
  runScan: (request: ScanRequest) => Promise<void>;
  clearError: () => void;
}

export function useScan(adapter: WorkbookAdapter): ScanState {
  const [result, setResult] = useState<ScanResult | null>(null);
  const [scanning, setScanning] = useState(false);
  const [progress, setProgress] = useState<ScanProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const runScan = useCallback(
    async (request: ScanRequest) => {
      const id = ++latest.current;
      const isCurrent = () => mounted.current && id === latest.current;
      setScanning(true);
      setProgress(null);
      try {
        const scanned = await adapter.scan(request, (p) => {
          if (isCurrent()) setProgress(p);
        });
        if (!isCurrent()) return;
        setResult(scanned);
        setError(null);
      } catch (e) {
        if (isCurrent()) setError(errorText("扫描", e));
      } finally {
        if (isCurrent()) {
          setScanning(false);
          setProgress(null);
        }
      }
    },
    [adapter],
  );

  const clearError = useCallback(() => setError(null), []);

  return { result, scanning, progress, error, runScan, clearError };
}
