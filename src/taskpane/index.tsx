/**
 * Task pane entry: waits for Office, then renders the pane with the Excel adapter. This is the only
 * file of the pane that references Office.js (Office.onReady); everything else goes through the adapter.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createExcelAdapter } from "../excel";
import { App } from "./App";

function mount(): HTMLElement {
  const existing = document.getElementById("container");
  if (existing) return existing;
  const container = document.createElement("div");
  container.id = "container";
  document.body.appendChild(container);
  return container;
}

function showStartupError(container: HTMLElement, error: unknown): void {
  const detail = (error instanceof Error ? error.message : typeof error === "string" ? error : "").trim() || "未知错误";
  container.textContent = `大练兵助手无法启动：${detail}。请关闭任务窗格后重新打开；如仍不行，请联系管理员。`;
  container.setAttribute("role", "alert");
}

void Office.onReady(() => {
  const container = mount();
  try {
    createRoot(container).render(
      <FluentProvider theme={webLightTheme} lang="zh-CN">
        <App adapter={createExcelAdapter()} />
      </FluentProvider>,
    );
  } catch (e) {
    showStartupError(container, e);
  }
});
