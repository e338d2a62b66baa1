/**
 * Copies text to the clipboard. The async Clipboard API is refused in some Office hosts (older
 * WebView, no clipboard-write permission), so a hidden textarea + execCommand("copy") is the fallback.
 */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  const clipboard = doc.defaultView?.navigator?.clipboard;
  if (clipboard && typeof clipboard.writeText === "function") {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Fall through to the textarea fallback.
    }
  }
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.top = "-1000px";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  const previousFocus = doc.activeElement as HTMLElement | null;
  try {
    area.select();
    const ok = typeof doc.execCommand === "function" && doc.execCommand("copy");
    if (!ok) throw new Error("无法访问剪贴板，请手动复制。");
  } finally {
    doc.body.removeChild(area);
    previousFocus?.focus?.();
  }
}
