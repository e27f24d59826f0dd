import { authorFromByline, dateFromLine, parseDateline, urlFromLine } from '../../../src/articles/metadata-lines.js';

describe('authorFromByline', () => {
  it.each([
    ['By Busra Nur Cakmak and Fatjon Cuka', 'Busra Nur Cakmak and Fatjon Cuka'],
    ['BY J. R. Smith, Ana de la Cruz', 'J. R. Smith, Ana de la Cruz'],
  ])('reads %j', (line, author) => expect(authorFromByline(line)).toBe(author));

  it.each(['By Wednesday, all staff had left the embassy.', 'By informing our partners we shared the results', 'Byline Smith', 'By'])(
    'rejects %j',
    (line) => expect(authorFromByline(line)).toBeUndefined(),
  );
});

describe('parseDateline', () => {
  it('reads the agency tag as written and how much of the line the dateline takes', () => {
    const line = 'ANKARA/TIRAN (AA) - Albania decided to end ties.';
    expect(parseDateline(line)).toEqual({ length: 'ANKARA/TIRAN (AA) - '.length, outlet: 'AA' });
    expect(parseDateline('TIRANA, Sept 7 (Reuters) — Albania cut ties.')).toEqual({
      length: 'TIRANA, Sept 7 (Reuters) — '.length,
      outlet: 'Reuters',
      date: 'Sept 7',
    });
  });

  it.each(['Albania (a NATO member) - cut ties.', 'The US (AP) - said', 'ANKARA (AA)', 'NATO (the alliance of thirty nations) - said'])(
    'finds no dateline in %j',
    (line) => {
      expect(parseDateline(line)).toBeUndefined();
    },
  );
});

describe('dateFromLine and urlFromLine', () => {
  it.each([
    ['Published: 7 September 2022', '7 September 2022'],
    ['Wednesday, September 7, 2022 at 14:05 CET', 'September 7, 2022'],
    ['2022-09-07', '2022-09-07'],
  ])('reads the date of %j as written', (line, date) => expect(dateFromLine(line)).toBe(date));

  it('does not read a sentence that mentions a date', () => {
    expect(dateFromLine('On 7 September 2022 Albania cut ties.')).toBeUndefined();
  });

  it('reads source lines, and bare links only where allowed', () => {
    expect(urlFromLine('Source: https://example.com/a', false)).toBe('https://example.com/a');
    expect(urlFromLine('https://example.com/b', true)).toBe('https://example.com/b');
    expect(urlFromLine('https://example.com/b', false)).toBeUndefined();
    expect(urlFromLine('See https://example.com/c for more', true)).toBeUndefined();
  });
});
