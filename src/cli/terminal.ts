/**
 * What the command line may send to a terminal: cell text with its control characters removed, and
 * commands a user can paste as printed.
 */
import * as path from "path";

/**
 * ESC sequences (CSI "ESC [ … final", OSC "ESC ] … BEL|ST", DCS/SOS/PM/APC "ESC P|X|^|_ … ST", and
 * two-character ones), their 8-bit C1 forms (CSI U+009B, OSC U+009D, DCS U+0090 …), then any C0/C1 control
 * or DEL left over. A cell holding "\x1b]0;…\x07" would otherwise retitle the window, "\x1b[2J" clear it.
 */
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x20-\x3f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
/** Line breaks and tabs inside one cell: shown as a space, so that one item stays on its line. */
const LINE_BREAKS = /[\t\n\v\f\r\x85\u2028\u2029]+/g;
/** Other controls, and the bidirectional overrides that make text display in another order than it is. */
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of cell text that is safe to print: no escape sequences, no controls; Chinese and all printable text kept. */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(LINE_BREAKS, " ").replace(CONTROLS, "");
}

/** Text of several lines (a message the CLI composed), each line made printable. */
export function printableLines(text: string): string {
  return text
    .split("\n")
    .map((line) => printable(line))
    .join("\n");
}

/**
 * JSON for a terminal or a pipe. JSON.stringify escapes C0 controls but leaves DEL and C1 controls
 * (U+009B is a CSI for many terminals) and the line separators raw; they are escaped too, so the data
 * stays exact and the output stays inert.
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * An argument quoted for the user's shell, so that a suggested command works when pasted: single
 * quotes for POSIX shells ('it'\''s'), double quotes on Windows (cmd and PowerShell; Windows file
 * names cannot contain a double quote).
 */
export function shellQuote(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === "win32") return `"${arg}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `npx dalianbing …` with each argument after the command name quoted when it is a path. */
export function suggestedCommand(parts: (string | { path: string })[], platform: NodeJS.Platform = process.platform): string {
  const words = parts.map((p) => (typeof p === "string" ? p : shellQuote(printable(p.path), platform)));
  return ["npx", "dalianbing", ...words].join(" ");
}

/** "表.xlsx" → "表.标注.xlsx" in the same folder (a name for the copy a suggested command writes). */
export function siblingName(file: string, suffix: string): string {
  const ext = path.extname(file);
  const stem = ext ? file.slice(0, -ext.length) : file;
  return `${stem}.${suffix}${ext || ".xlsx"}`;
}
