/**
 * The flag engine (issue 8 §1): from the marks, the cells' current looks and the backup, it decides
 * what to paint, what to restore, what to leave alone (named in a Chinese message with sheet and
 * cell) and what the new backup holds. The shells only read looks and carry out the plan.
 *
 * A record is trusted for a cell only when the cell is recognisably the one flagged: the note text
 * the product wrote is still there, or the value is the same and no other flag note sits there. So a
 * cell that moved (rows or columns inserted or deleted above or left of it) or was rewritten is never
 * painted with another cell's saved look; its record stays in the backup, and the next flag finds it
 * again by its fingerprints at its new place.
 */
import type { CellValue, Problem } from "../grid";
import { isCellError } from "../grid";
import { stripOwnNote, combineNote } from "./notes";
import {
  FLAG_STYLE,
  NOTE_MARKER,
  type BackupState,
  type CellLook,
  type CellState,
  type DamagedBackupRow,
  type FlagBackupRecord,
  type FlagLevel,
  type FlagMark,
} from "./types";

/** A short, stable fingerprint of a text: its length and a 32-bit FNV-1a hash ("12-9f3a0c11"). */
export function fingerprint(text: string): string {
  const t = normalise(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${t.length}-${h.toString(16).padStart(8, "0")}`;
}

/** Line ends and trailing blanks as other programs (LibreOffice) may rewrite them. */
function normalise(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
}

function valueText(value: CellValue): string {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** The product's own part of a note (from NOTE_MARKER on), or null. */
export function ownNotePart(note: string | null): string | null {
  if (note === null) return null;
  const at = note.indexOf(NOTE_MARKER);
  return at < 0 ? null : note.slice(at);
}

export function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell.replace(/\$/g, "").toUpperCase()}`;
}

function sameColour(a: string | null, b: string): boolean {
  return a !== null && a.toUpperCase() === b.toUpperCase();
}

/** Whether a cell carries the product's flag: its note, or both of a level's colours. */
export function looksFlagged(look: CellLook): boolean {
  if (ownNotePart(look.note) !== null) return true;
  return Object.values(FLAG_STYLE).some((s) => sameColour(look.fill, s.fill) && sameColour(look.fontColor, s.font));
}

function place(sheet: string, cell: string): string {
  return `“${sheet}”!${cell}`;
}

type Identity = "same" | "moved";

/** Whether the cell now at a record's address is the one that was flagged (see the header). */
function identify(record: FlagBackupRecord, look: CellLook): Identity {
  const own = ownNotePart(look.note);
  if (own !== null && record.notePrint !== null) {
    return fingerprint(own) === record.notePrint ? "same" : "moved";
  }
  return fingerprint(valueText(look.value)) === record.valuePrint ? "same" : "moved";
}

/** How a restore treats the note: leave it, or write a text (null: delete the note). */
export type NoteChange = { kind: "keep" } | { kind: "set"; text: string | null; original: boolean };

export interface RestoreStep {
  record: FlagBackupRecord;
  /** Put the original fill back (false: the user repainted the cell since; theirs stays). */
  fill: boolean;
  /** Put the original font colour back (false: the user changed it since). */
  fontColor: boolean;
  /** `original: true`: the note is exactly the original (the shell may use its exact state). */
  note: NoteChange;
}

export interface PaintStep {
  mark: FlagMark;
  /** The whole note to write (the user's first, ours below), or null when the shell writes no notes. */
  note: string | null;
  /** The cell's record in the new backup. */
  record: FlagBackupRecord;
}

export interface FlagPlan {
  paint: PaintStep[];
  restore: RestoreStep[];
  /** Cells left alone and why (Chinese, with sheet and cell); also protected sheets and damaged backup rows. */
  problems: Problem[];
  /** How many cells were left alone because they changed or moved (not counting protected sheets). */
  skipped: number;
  /** The new backup; written as it is (empty: remove the backup sheet). */
  backup: FlagBackupRecord[];
  damaged: DamagedBackupRow[];
  /** False when nothing may be written at all (the reason is in problems). */
  write: boolean;
}

export interface FlagPlanOptions {
  shell: "cli" | "excel";
  /** Whether the shell writes the note into the cell note (false: threaded comment or fill only). */
  writesNotes: boolean;
}

function restoreStep(record: FlagBackupRecord, look: CellLook, problems: Problem[]): RestoreStep {
  const style = FLAG_STYLE[record.level];
  const fill = sameColour(look.fill, style.fill);
  const fontColor = sameColour(look.fontColor, style.font);
  let note: NoteChange = { kind: "keep" };
  if (ownNotePart(look.note) !== null) {
    const user = stripOwnNote(look.note);
    const original = record.original.note;
    const unchanged = normalise(user ?? "") === normalise(original ?? "");
    note = unchanged ? { kind: "set", text: original, original: true } : { kind: "set", text: user, original: false };
  }
  // Neither colour nor note of ours left (never painted: a failed write; or cleared by hand): nothing to say.
  const untouched = !fill && !fontColor && note.kind === "keep";
  if (!fill && !untouched) {
    problems.push({
      sheet: record.sheet,
      cell: record.cell,
      message: `${place(record.sheet, record.cell)}的填充色在标注后被改过：保留了现在的填充色，只撤销了标注的批注${fontColor ? "和字体颜色" : ""}。`,
    });
  }
  return { record, fill, fontColor, note };
}

function movedMessage(record: FlagBackupRecord, action: string): Problem {
  return {
    sheet: record.sheet,
    cell: record.cell,
    message:
      `${place(record.sheet, record.cell)}已不是当初标注的那个单元格（标注后改过它的内容或批注，或在它上方、左侧插入或删除了行列），` +
      `为免把别的单元格的样式恢复到它上面，未${action}；备份仍保留。请手动检查该单元格及附近单元格的填充色和批注，或重新就地标注后再清除。`,
  };
}

function orphanMessage(sheet: string, cell: string): Problem {
  return {
    sheet,
    cell,
    message:
      `${place(sheet, cell)}带有大练兵助手的标注（标注色或“${NOTE_MARKER}”批注），但标注备份中没有它的记录（备份工作表被删除或损坏，或单元格被移动过），` +
      `无法得知它原来的样子，因此未改动它。请手动清除它的填充色、字体颜色和批注中“${NOTE_MARKER}”起的文字后再标注。`,
  };
}

function damagedMessages(damaged: DamagedBackupRow[]): Problem[] {
  if (damaged.length === 0) return [];
  const rows = damaged.slice(0, 5).map((d) => `第${d.row}行（${d.reason}）`).join("、");
  const more = damaged.length > 5 ? `等${damaged.length}行` : "";
  return [
    {
      sheet: "大练兵助手_标注备份",
      cell: "",
      message: `标注备份已损坏：${rows}${more}无法读取。这些行对应的单元格无法自动恢复，已原样保留在备份中。`,
    },
  ];
}

function protectedMessage(sheet: string, count: number, action: string): Problem {
  return {
    sheet,
    cell: "",
    message: `工作表“${sheet}”受保护，无法${action}其中的 ${count} 个单元格；请先撤销工作表保护（审阅 → 撤销工作表保护）后重试。`,
  };
}

function noSheetMessage(sheet: string, count: number): Problem {
  return {
    sheet,
    cell: "",
    message: `找不到工作表“${sheet}”（已改名或删除），其中 ${count} 个单元格的标注无法恢复；备份仍保留，把工作表改回原名后可再清除标注。`,
  };
}

const FOREIGN: Problem = {
  sheet: "大练兵助手_标注备份",
  cell: "",
  message: "工作簿中已有一个名为“大练兵助手_标注备份”的可见工作表，它不是大练兵助手写的备份：为免覆盖它，未做任何标注。请把它改名后重试。",
};

/** Counts per sheet, in first-seen order. */
function tally(sheets: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sheets) m.set(s, (m.get(s) ?? 0) + 1);
  return m;
}

/** The cells a shell must read before planning: every mark and every recorded cell. */
export function cellsToRead(marks: FlagMark[], backup: BackupState): { sheet: string; cell: string }[] {
  const seen = new Set<string>();
  const out: { sheet: string; cell: string }[] = [];
  const add = (sheet: string, cell: string): void => {
    const k = cellKey(sheet, cell);
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ sheet, cell: cell.toUpperCase() });
  };
  for (const m of marks) add(m.sheet, m.cell);
  if (backup.kind === "ours") for (const r of backup.records) add(r.sheet, r.cell);
  return out;
}

/**
 * Flag: paint every mark, restore cells flagged before and no longer due, keep the first original of
 * cells flagged again (so two flags then one unflag give back the original), never record a flagged
 * look as an original. `look(sheet, cell)` answers for every cell of cellsToRead.
 */
export function planFlag(marks: FlagMark[], look: (sheet: string, cell: string) => CellState, backup: BackupState, options: FlagPlanOptions): FlagPlan {
  if (backup.kind === "foreign") return { paint: [], restore: [], problems: [FOREIGN], skipped: 0, backup: [], damaged: [], write: false };
  const records = backup.kind === "ours" ? backup.records : [];
  const damaged = backup.kind === "ours" ? backup.damaged : [];
  const problems: Problem[] = [...damagedMessages(damaged)];
  const byAddress = new Map<string, FlagBackupRecord[]>();
  // For finding a moved cell again: value and note fingerprints together.
  const byPrints = new Map<string, FlagBackupRecord[]>();
  const printKey = (sheet: string, valuePrint: string, notePrint: string): string => `${sheet}\u0000${valuePrint}\u0000${notePrint}`;
  const push = <K, V>(map: Map<K, V[]>, k: K, v: V): void => {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  };
  for (const r of records) {
    push(byAddress, cellKey(r.sheet, r.cell), r);
    if (r.notePrint !== null) push(byPrints, printKey(r.sheet, r.valuePrint, r.notePrint), r);
  }
  // Unused records per print: a moved cell is found again only when exactly one record fits it.
  const unusedByPrint = new Map<string, number>();
  for (const [p, list] of byPrints) unusedByPrint.set(p, list.length);
  const used = new Set<FlagBackupRecord>();
  const use = (r: FlagBackupRecord): void => {
    used.add(r);
    if (r.notePrint !== null) {
      const p = printKey(r.sheet, r.valuePrint, r.notePrint);
      unusedByPrint.set(p, (unusedByPrint.get(p) ?? 1) - 1);
    }
  };
  const paint: PaintStep[] = [];
  const blocked: string[] = [];
  const missing: string[] = [];
  let skipped = 0;

  for (const mark of marks) {
    const state = look(mark.sheet, mark.cell);
    if (state === "protected") {
      blocked.push(mark.sheet);
      continue;
    }
    if (state === "no-sheet") {
      missing.push(mark.sheet);
      continue;
    }
    const here = (byAddress.get(cellKey(mark.sheet, mark.cell)) ?? []).find((r) => !used.has(r) && identify(r, state) === "same");
    let earlier = here;
    if (!earlier) {
      const own = ownNotePart(state.note);
      if (own !== null) {
        const p = printKey(mark.sheet, fingerprint(valueText(state.value)), fingerprint(own));
        if (unusedByPrint.get(p) === 1) earlier = byPrints.get(p)!.find((r) => !used.has(r));
      }
    }
    if (!earlier && looksFlagged(state)) {
      problems.push(orphanMessage(mark.sheet, mark.cell));
      skipped += 1;
      continue;
    }
    if (earlier) use(earlier);
    const record: FlagBackupRecord = {
      sheet: mark.sheet,
      cell: mark.cell.toUpperCase(),
      level: mark.level,
      valuePrint: fingerprint(valueText(state.value)),
      notePrint: options.writesNotes ? fingerprint(mark.note) : null,
      original: earlier ? { ...earlier.original } : { fill: state.fill, fontColor: state.fontColor, note: stripOwnNote(state.note) },
      shell: earlier ? earlier.shell : options.shell,
    };
    const exact = earlier ? earlier.exact : state.exact;
    if (exact !== undefined) record.exact = exact;
    paint.push({ mark, note: options.writesNotes ? combineNote(state.note, mark.note) : null, record });
  }

  // Cells flagged before and not marked now go back to how they were, when they are still themselves.
  const stale = putBack(records.filter((r) => !used.has(r)), look, "恢复", problems);
  for (const [sheet, n] of tally(blocked)) problems.push(protectedMessage(sheet, n, "就地标注"));
  for (const [sheet, n] of tally(stale.blocked)) problems.push(protectedMessage(sheet, n, "清除标注"));
  for (const [sheet, n] of tally(missing.concat(stale.missing))) problems.push(noSheetMessage(sheet, n));
  return {
    paint,
    restore: stale.restore,
    problems,
    skipped: skipped + stale.skipped,
    backup: paint.map((p) => p.record).concat(stale.kept),
    damaged,
    write: true,
  };
}

/**
 * Backup records to put back: each cell that is still itself is restored; one on a protected or
 * missing sheet, or changed since it was flagged, is kept in the backup (and named in `problems`).
 */
function putBack(
  records: FlagBackupRecord[],
  look: (sheet: string, cell: string) => CellState,
  action: "恢复" | "清除标注",
  problems: Problem[],
): { restore: RestoreStep[]; kept: FlagBackupRecord[]; blocked: string[]; missing: string[]; skipped: number } {
  const out = { restore: [] as RestoreStep[], kept: [] as FlagBackupRecord[], blocked: [] as string[], missing: [] as string[], skipped: 0 };
  for (const r of records) {
    const state = look(r.sheet, r.cell);
    if (state === "protected") {
      out.blocked.push(r.sheet);
      out.kept.push(r);
    } else if (state === "no-sheet") {
      out.missing.push(r.sheet);
      out.kept.push(r);
    } else if (identify(r, state) === "same") {
      out.restore.push(restoreStep(r, state, problems));
    } else {
      problems.push(movedMessage(r, action));
      out.skipped += 1;
      out.kept.push(r);
    }
  }
  return out;
}

/**
 * Unflag: restore every recorded cell that is still itself; keep (and name) the others. A damaged
 * backup restores nothing: which cells its rows meant is unknown, and a guess could paint the wrong one.
 */
export function planUnflag(look: (sheet: string, cell: string) => CellState, backup: BackupState): FlagPlan {
  const none: FlagPlan = { paint: [], restore: [], problems: [], skipped: 0, backup: [], damaged: [], write: false };
  if (backup.kind !== "ours") return none;
  if (backup.damaged.length > 0) {
    const [first] = damagedMessages(backup.damaged);
    return { ...none, problems: [{ ...first, message: `${first.message.replace(/已原样保留在备份中。$/, "")}为免改错单元格，这次没有恢复任何单元格。` }] };
  }
  const problems: Problem[] = [];
  const { restore, kept, blocked, missing, skipped } = putBack(backup.records, look, "清除标注", problems);
  for (const [sheet, n] of tally(blocked)) problems.push(protectedMessage(sheet, n, "清除标注"));
  for (const [sheet, n] of tally(missing)) problems.push(noSheetMessage(sheet, n));
  return { paint: [], restore, problems, skipped, backup: kept, damaged: [], write: true };
}

/**
 * Cells that carry the product's flag but no record covers them (the backup was removed or garbled,
 * or they moved): each named, so "no flags here" is never said while cells stay red.
 */
export function orphanFlags(cells: { sheet: string; cell: string; look: CellLook }[], backup: BackupState): Problem[] {
  const covered = new Set<string>();
  // A cell whose note of ours matches a record moved: that record's own message names it.
  const notes = new Set<string>();
  if (backup.kind === "ours") {
    for (const r of backup.records) {
      covered.add(cellKey(r.sheet, r.cell));
      if (r.notePrint !== null) notes.add(`${r.sheet}\u0000${r.notePrint}`);
    }
  }
  return cells
    .filter((c) => looksFlagged(c.look) && !covered.has(cellKey(c.sheet, c.cell)))
    .filter((c) => {
      const own = ownNotePart(c.look.note);
      return own === null || !notes.has(`${c.sheet}\u0000${fingerprint(own)}`);
    })
    .map((c) => orphanMessage(c.sheet, c.cell));
}

export type { FlagLevel };
