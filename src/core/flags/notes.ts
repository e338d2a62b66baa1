/** The product's part of a cell note and the user's: one place for both shells. */
import { NOTE_MARKER } from "./types";

/** Removes the product's own part (from NOTE_MARKER on) of a note, keeping the user's text. */
export function stripOwnNote(note: string | null): string | null {
  if (note === null) return null;
  const at = note.indexOf(NOTE_MARKER);
  if (at < 0) return note;
  const rest = note.slice(0, at).replace(/\s+$/, "");
  return rest === "" ? null : rest;
}

/** The user's note first (with any earlier note of ours removed), ours below it. */
export function combineNote(existing: string | null, added: string): string {
  const user = stripOwnNote(existing);
  if (user === null || user.trim() === "") return added;
  return `${user}\n\n${added}`;
}
