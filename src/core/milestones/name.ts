/**
 * One name for a milestone everywhere (issue 9 §4): the pane, the cell note, the CLI, the 催办通知 and
 * JSON all say "序号33·节点2". A row without a 序号 is named by its Excel row ("第12行·节点2").
 */
export function milestoneName(m: { serial: string; label: string; row?: number }): string {
  const serial = m.serial.trim();
  const owner = serial !== "" ? `序号${serial}` : m.row !== undefined ? `第${m.row + 1}行` : "序号空";
  return `${owner}·节点${m.label}`;
}
