import { splitSentences } from '../../../src/text/sentences.js';

const slices = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on terminal punctuation followed by a capital', () => {
    expect(slices('Albania cut ties. Iran denied it! Why? Nobody knows.')).toEqual([
      'Albania cut ties.',
      'Iran denied it!',
      'Why?',
      'Nobody knows.',
    ]);
  });

  it('keeps closing quotes with their sentence and does not split inside abbreviations', () => {
    const text = '“It failed,” Rama said. Mr. Rama met Dr. Smith in the U.S. on Monday. “Next.” Done.';
    expect(slices(text)).toEqual(['“It failed,” Rama said.', 'Mr. Rama met Dr. Smith in the U.S. on Monday.', '“Next.”', 'Done.']);
  });

  it('does not split decimals or a lowercase continuation', () => {
    expect(slices('It cost 3.5 million. then it ended.')).toEqual(['It cost 3.5 million. then it ended.']);
  });

  it('returns offsets into the original text within the given block', () => {
    const text = 'HEADLINE\n\n  First one. Second one.  \nJunk';
    const start = text.indexOf('First') - 2;
    const spans = splitSentences(text, { start, end: text.indexOf('Junk') });
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one.']);
  });
});
