import assert from 'node:assert/strict';
import { CARD_SYMBOLS, CardSymbol, RAG_SYMBOL } from '../../bot/cards/card-symbols';
import { ragLabel } from '../../bot/cards/card-text';
import { RAG_VALUES } from '../../core/model';
import { CARD_TYPES, HOSTILE, REALISTIC } from '../support/card-catalogue';

/**
 * Cards use words, punctuation and the symbols of card-symbols.ts, and nothing else: any other
 * symbol (U+29D7, an emoji) may be an empty box on some Teams client (issue 19).
 */
const ALLOWED = /[\p{L}\p{M}\p{N}\p{P}\p{Zs}\n$+<=>^`|~£€]/u;
/** Invisible marks card-text.ts adds to user text: a word joiner (no autolinks) and zero-width spaces (line breaks). */
const INVISIBLE = new Set(['\u2060', '\u200B']);

function disallowed(text: string): string[] {
  return [...new Set([...text].filter((c) => !ALLOWED.test(c) && !CARD_SYMBOLS.has(c) && !INVISIBLE.has(c)))];
}

/** Every string a reader sees on the card: text, facts, labels, hints, errors, choices, button titles. */
function shownText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => shownText(n, out));
  else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    const isInput = typeof o.type === 'string' && o.type.startsWith('Input.');
    for (const key of ['text', 'title', 'label', 'placeholder', 'errorMessage']) if (typeof o[key] === 'string') out.push(o[key]);
    // An input's value is what the person typed, not the card's words; a fact's value is shown.
    if (!isInput && typeof o.value === 'string') out.push(o.value);
    Object.values(o).forEach((v) => shownText(v, out));
  }
  return out;
}

describe('card symbols', () => {
  for (const data of [REALISTIC, HOSTILE]) {
    for (const [name, build] of CARD_TYPES) {
      it(`${name} (${data.label} data) shows only words, punctuation and the card symbols`, () => {
        const text = shownText(build(data));
        assert.ok(text.length > 0, 'the card shows some text');
        assert.deepEqual(disallowed(text.join('\n')), []);
      });
    }
  }

  it('the rule itself refuses a symbol outside the set, and an emoji', () => {
    assert.deepEqual(disallowed('\u29D7 Awaiting a decision'), ['\u29D7']);
    assert.deepEqual(disallowed('\u23F3 Waiting \u2705 Done'), ['\u23F3', '\u2705']);
    assert.deepEqual(disallowed(`${CardSymbol.done} Approved: Amber ${CardSymbol.to} Red, £5,000 — 41%`), []);
  });

  it('each symbol is one character, and one a letter or punctuation would not already allow', () => {
    for (const symbol of CARD_SYMBOLS) {
      assert.equal([...symbol].length, 1, symbol);
      assert.ok(!ALLOWED.test(symbol), `${symbol} needs no place in the set`);
    }
  });

  it('every RAG status has its own shape, always followed by its word', () => {
    const shapes = RAG_VALUES.map((r) => RAG_SYMBOL[r].split(' ')[0]);
    assert.equal(new Set(shapes).size, RAG_VALUES.length);
    for (const rag of RAG_VALUES) assert.equal(ragLabel(rag), `${RAG_SYMBOL[rag]} ${rag}`);
  });
});
