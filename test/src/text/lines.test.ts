import { comparisonKey, splitLines } from '../../../src/text/lines.js';

describe('splitLines', () => {
  it('returns trimmed non-blank lines with exact offsets and paragraph starts', () => {
    const text = '  First line \r\nSecond\n\n\t\u00a0\nThird';
    const lines = splitLines(text);
    expect(lines.map((l) => [l.text, text.slice(l.start, l.end), l.index, l.paragraphStart])).toEqual([
      ['First line', 'First line', 0, true],
      ['Second', 'Second', 1, false],
      ['Third', 'Third', 2, true],
    ]);
  });

  it('handles empty text and a trailing newline', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n\n')).toEqual([]);
    expect(splitLines('One\n').map((l) => [l.start, l.end])).toEqual([[0, 3]]);
  });
});

describe('comparisonKey', () => {
  it('ignores case, quote style and punctuation', () => {
    expect(comparisonKey('There was “incredible evidence”, he said.')).toBe(comparisonKey("there was 'incredible evidence' he said"));
  });
});
