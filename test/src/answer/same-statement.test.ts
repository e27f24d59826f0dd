import { SentenceIndex, type SentenceEntry } from '../../../src/answer/sentence-index.js';
import { terms } from '../../../src/text/terms.js';

function entry(text: string, articleId = 'a'): SentenceEntry {
  const t = terms(text);
  return { articleId, start: 0, end: text.length, text, terms: t, termSet: new Set(t), passages: [0] };
}
const same = (a: string, b: string) => SentenceIndex.sameStatement(entry(a), entry(b, 'b'));

describe('SentenceIndex.sameStatement: "also reported by" means the same statement', () => {
  it('joins wire copy: identical, re-spelt, or with a word changed or an attribution added', () => {
    const wire = 'We strongly condemn the malicious cyber attack against Albania’s critical infrastructure.';
    expect(same(wire, "We strongly condemn the malicious cyberattack against Albania's critical infrastructure.")).toBe(true);
    expect(same(wire, '"We strongly condemn the malicious cyber attack against Albania\'s critical infrastructure," he said.')).toBe(true);
    expect(
      same(
        'Albania ordered Iranian diplomats and embassy staff to leave within 24 hours on Wednesday.',
        'Albania has ordered Iranian diplomats and embassy staff to leave within 24 hours.',
      ),
    ).toBe(true);
  });

  it.each([
    // Same words, other speaker: the US condemned; Osmani says "we condemn".
    [
      'The US strongly condemned the cyberattack.',
      "We strongly condemn the malicious cyber attack against Albania's critical infrastructure.",
    ],
    // Same topic and vocabulary, another claim.
    ['Iran denied carrying out the attack on Albania.', 'Albania accused Iran of carrying out the attack.'],
    ['NATO allies strongly condemn the attack on Albania.', 'The EU strongly condemns the attack and stands with Albania.'],
    // A paraphrase is not a copy.
    ['The government ordered the diplomats to leave within 48 hours.', 'Diplomats were given 48 hours by the government to get out.'],
  ])('keeps apart near misses: %s / %s', (a, b) => {
    expect(same(a, b)).toBe(false);
  });

  it('never joins sentences too short to be a statement', () => {
    expect(same('Iran denied it.', 'Iran denied it.')).toBe(false);
  });
});
