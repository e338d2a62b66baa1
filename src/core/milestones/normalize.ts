/**
 * Text preparation for deadline reading.
 *
 * Two layers: `cleanCellText` removes markup that is not part of what a person wrote ("<p>", "<br>",
 * "&nbsp;") and gives the text the milestones quote; `foldWidth` (core/width.ts) maps full-width
 * digits and punctuation to ASCII one character for one character, so positions found in the folded
 * text are positions in the clean text too (docs/design.md §4: full-width digits read the same).
 */

const HTML_TAG = /<\/?[a-zA-Z][^<>]{0,80}>/g;
const HTML_ENTITY = /&(?:nbsp|amp|lt|gt|quot|#160);/g;
const ENTITY_TEXT: Record<string, string> = {
  "&nbsp;": " ",
  "&#160;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
};

/** Strips HTML fragments (pasted from web pages / OA systems); each tag becomes a line break. */
export function cleanCellText(text: string): string {
  let out = text;
  if (out.indexOf("<") >= 0) out = out.replace(HTML_TAG, "\n");
  if (out.indexOf("&") >= 0) out = out.replace(HTML_ENTITY, (entity) => ENTITY_TEXT[entity] ?? entity);
  return out.replace(/\r\n?/g, "\n");
}

/** The one full-width folding lives in core/width.ts (issue 8 §4); re-exported for the milestone files. */
export { foldWidth } from "../width";
