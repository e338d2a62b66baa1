/** Entry of dist/web.html: the web page, without office.js (issue 11). */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WebApp } from "./WebApp";

const container = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
createRoot(container).render(
  <FluentProvider theme={webLightTheme} lang="zh-CN" style={{ minHeight: "100vh" }}>
    <WebApp />
  </FluentProvider>,
);
