/** How a round's name reads in a sentence, for every card that names a round. */

/** Words that say what a round is for: a name with one reads on its own ("the Q3 board"). */
const SAYS_WHAT_IT_IS = /\b(boards?|reports?|rounds?|updates?|reviews?|meetings?|committees?|panels?|papers?)\b/i;

/**
 * The round as it reads mid-sentence: "the Q3 board", "the Board report March 2026", and for a bare
 * date or period "the April 2027 update round". A leading "The" is not doubled.
 */
export function roundTitle(name: string): string {
  const bare = name.trim().replace(/[\s.,;:]+$/, '').replace(/^the\s+/i, '');
  return SAYS_WHAT_IT_IS.test(bare) ? `the ${bare}` : `the ${bare} update round`;
}
