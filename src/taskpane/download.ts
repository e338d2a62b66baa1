/**
 * Offering a file the pane built for download. Excel on the web and the Windows webview (WebView2)
 * honour <a download>; some desktop webviews (Excel for Mac, older Windows builds) ignore it silently,
 * and nothing tells the page. So the pane also keeps an 打开周报 link, and says what to do if no
 * save dialog appeared.
 */

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface OfferedFile {
  fileName: string;
  /** An object URL for the bytes (revoked when the pane replaces it). */
  url: string;
  /** "saved": handed to the old Edge/IE save dialog; "offered": an <a download> was clicked. */
  how: "saved" | "offered";
}

interface LegacyNavigator {
  msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean;
}

export function offerDownload(bytes: Uint8Array, fileName: string, type = DOCX_TYPE): OfferedFile {
  const blob = new Blob([bytes as BlobPart], { type });
  const legacy = navigator as unknown as LegacyNavigator;
  if (typeof legacy.msSaveOrOpenBlob === "function") {
    // Office 2016/2019 on Windows run the pane in Internet Explorer's engine, which has no <a download>.
    legacy.msSaveOrOpenBlob(blob, fileName);
    return { fileName, url: URL.createObjectURL(blob), how: "saved" };
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  return { fileName, url, how: "offered" };
}
