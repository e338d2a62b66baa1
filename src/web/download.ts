/** Saving bytes as a file the browser downloads: nothing is sent anywhere, the file is made on the page. */

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "责任分解表.xlsx" + "已标注" → "责任分解表-已标注.xlsx"; the original name is kept recognisable. */
export function copyFileName(original: string, suffix: string, extension = ".xlsx"): string {
  const stem = original.replace(/\.[^./\\]+$/, "").trim() || "工作簿";
  return `${stem}-${suffix}${extension}`;
}

/** Offers the bytes as a download named fileName. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type = XLSX_TYPE, doc: Document = document): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The bytes of a picked or dropped file. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
