/** The list of messages the pane shows; a new message of the same kind replaces the old one. */
import { useCallback, useState } from "react";
import type { Notice, NoticeAction } from "./components/Notices";

export interface NoticeState {
  notices: Notice[];
  /** `slot` names the kind of message ("action", "watch"): one message per slot. */
  show: (slot: string, intent: Notice["intent"], text: string, action?: NoticeAction) => void;
  dismiss: (id: string) => void;
  clear: (slot: string) => void;
}

export function useNotices(): NoticeState {
  const [notices, setNotices] = useState<Notice[]>([]);
  const show = useCallback((slot: string, intent: Notice["intent"], text: string, action?: NoticeAction) => {
    setNotices((list) => list.filter((n) => n.id !== slot).concat(action ? { id: slot, intent, text, action } : { id: slot, intent, text }));
  }, []);
  const dismiss = useCallback((id: string) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  return { notices, show, dismiss, clear: dismiss };
}
