/**
 * The one full-width folding of the project (issue 8 §4; docs/design.md §4: full-width digits read the
 * same). Full-width digits and the punctuation that appears in numbers, dates and lists map to
 * ASCII one character for one character, so a position found in the folded text is a position in
 * the original too. Used by the milestone reader, the discrepancy probes and argument coercion.
 */
const FOLD: Record<string, string> = {
  "．": ".",
  "；": ";",
  "，": ",",
  "：": ":",
  "（": "(",
  "）": ")",
  "－": "-",
  "＋": "+",
  "％": "%",
  "～": "~",
  "／": "/",
  "\u3000": " ",
  "\u00a0": " ",
  "\t": " ",
};

const FOLDABLE = /[０-９．；，：（）－＋％～／\u3000\u00a0\t]/g;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : FOLD[ch];
}

/** Full-width digits and punctuation to ASCII; the result has exactly the length of the input. */
export function foldWidth(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}
