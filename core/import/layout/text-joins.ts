/** Sentence-level tests used to tell a row split across a page break from a new row. */

export const startsLower = (s: string | undefined) => !!s && /^\p{Ll}/u.test(s.trim());
export const endsSentence = (s: string | undefined) => !s || /[.!?:;)"'\u2019\u201d]$/.test(s.trim());

/** Joins a value continued on the next row: mid-sentence with a space, otherwise on a new line. */
export function joinContinued(a: string | undefined, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return !endsSentence(a) && (startsLower(b) || /[,\-\u2013]$/.test(a.trim())) ? `${a} ${b}` : `${a}\n${b}`;
}
