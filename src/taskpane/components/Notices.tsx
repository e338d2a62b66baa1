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
          />
        </MessageBar>
      ))}
    </div>
  );
}
