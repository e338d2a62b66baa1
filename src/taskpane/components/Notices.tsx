/**
 * The pane's messages (errors in red, warnings in yellow, results of actions in green), each dismissable. Screen readers
 * hear them through the AriaLiveAnnouncer around the pane (errors at once, the rest politely).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface Notice {
  id: string;
  intent: "success" | "info" | "warning" | "error";
  text: string;
  /** A button next to the message, e.g. 撤销 after 标记完成. */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  /** Said to screen readers: what the button does ("撤销：序号3·节点1 的标记完成"). */
  description: string;
  run: () => void;
}

export function Notices(props: { notices: Notice[]; onDismiss: (id: string) => void }): React.JSX.Element | null {
  if (props.notices.length === 0) return null;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      {props.notices.map((n) => (
        <MessageBar
          key={n.id}
          intent={n.intent}
          layout="multiline"
          politeness={n.intent === "error" ? "assertive" : "polite"}
        >
          <MessageBarBody>
            {n.intent === "error" && <MessageBarTitle>出错了</MessageBarTitle>}
            {n.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label="关闭提示" onClick={() => props.onDismiss(n.id)}>
                ×
              </Button>
            }
          >
            {n.action && (
              <Button size="small" onClick={n.action.run} aria-label={n.action.description}>
                {n.action.label}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}
