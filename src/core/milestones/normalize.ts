/**
 * Text preparation for deadline reading.
 *
 * Two layers: `cleanCellText` removes markup that is not part of what a person wrote ("<p>", "<br>",
 * "&nbsp;") and gives the text the milestones quote; `foldWidth` maps full-width digits and
 * punctuation to ASCII one character for one character, so positions found in the folded text are
 * positions in the clean text too (docs/design.md §4: full-width digits read the same).
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

/** Single-character foldings; everything else is kept as is. */
const FOLD: Record<string, string> = {
  "．": ".",
  "；": ";",
  "，": ",",
  "：": ":",
  "（": "(",
  "）": ")",
  "－": "-",
  "～": "~",
  "／": "/",
  "\u3000": " ",
  "\u00a0": " ",
  "\t": " ",
};

const FOLDABLE = /[０-９．；，：（）－～／\u3000\u00a0\t]/g;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : FOLD[ch];
}

/** Full-width digits and punctuation to ASCII; the result has exactly the length of the input. */
export function foldWidth(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}
