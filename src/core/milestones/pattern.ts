/**
 * Patterns are written with named capture groups ("(?<month>…)") so that no code counts brackets;
 * they are run as numbered groups. A RegExp with named groups builds a `groups` object on every
 * match, which costs about a third of the deadline scan (issue 9 §5); compiling the names away keeps
 * the names for the reader and the speed for the user.
 */
export interface NamedPattern<G extends string> {
  regex: RegExp;
  /** Index of each named group in a match array. */
  group: Record<G, number>;
}

export function compileNamed<G extends string>(source: string, flags: string, names: readonly G[]): NamedPattern<G> {
  const group = {} as Record<G, number>;
  let out = "";
  let index = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      out += ch + source[i + 1];
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      out += ch;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      out += ch;
      continue;
    }
    if (ch === "(") {
      if (source[i + 1] !== "?") {
        index++;
      } else if (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") {
        const close = source.indexOf(">", i);
        const name = source.slice(i + 3, close) as G;
        index++;
        if (name in group) throw new Error(`pattern: group “${name}” named twice`);
        group[name] = index;
        out += "(";
        i = close;
        continue;
      }
    }
    out += ch;
  }
  for (const name of names) if (!(name in group)) throw new Error(`pattern: no group “${name}”`);
  return { regex: new RegExp(out, flags), group };
}
