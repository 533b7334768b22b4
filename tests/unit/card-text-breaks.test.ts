import assert from 'node:assert/strict';
import { cardText, factText } from '../../bot/cards/card-text';

const ZWSP = '\u200B';
const pieces = (s: string) => s.split(/[\s\u200B]+/);

describe('card text: long words can wrap on a phone', () => {
  it('leaves ordinary words, names and short links alone', () => {
    for (const s of ['Publish the annual equality data report', 'Dr Oluwaseun Adebayo-Okafor', 'responsibilities', 'sam.okafor@council.uk']) {
      assert.equal(cardText(s).includes(ZWSP), false, s);
    }
  });

  it('breaks a long hyphenated name only after its hyphens, where a line may break anyway', () => {
    assert.equal(cardText('Adebayo-Featherstonehaugh-Montgomery'), `Adebayo-${ZWSP}Featherstonehaugh-${ZWSP}Montgomery`);
  });

  it('breaks a pasted link after its punctuation, and keeps it from becoming a link', () => {
    const url = 'https://northshire.sharepoint.com/sites/EDI/Shared%20Documents/Board_report_2026_final.docx?d=w8f3e2&web=1';
    const shown = cardText(url);
    assert.equal(shown.replaceAll(ZWSP, ''), url.replace('https:', 'https\u2060:').replaceAll('_', '\\_'), 'only zero-width spaces are added');
    assert.ok(shown.startsWith('https\u2060:'), 'still no autolink');
    assert.ok(shown.includes(`sharepoint.${ZWSP}com/${ZWSP}`), shown);
    assert.ok(shown.includes(`Board\\_${ZWSP}report`), 'the markdown escape stays next to its character');
    assert.ok(pieces(shown).every((p) => p.length <= 19), shown);
  });

  it('cuts a word with no punctuation into even pieces of at most 18 characters', () => {
    const word = 'x'.repeat(120);
    const shown = factText(word);
    assert.equal(shown.replaceAll(ZWSP, ''), word);
    assert.ok(pieces(shown).every((p) => p.length <= 18 && p.length >= 17), pieces(shown).join(' | '));
  });

  it('never splits a letter from its accent', () => {
    const word = 'e\u0301'.repeat(30); // é as e + combining acute
    const shown = cardText(word);
    assert.ok(!shown.includes(`${ZWSP}\u0301`), 'no break before a combining mark');
  });
});
