import fc from 'fast-check';
import { highlights } from '../../../src/answer/highlights.js';
import { analyseQuery } from '../../../src/query/query.js';
import type { TextSpan } from '../../../src/types.js';

/** The highlighted stretches of `quote` for `question`, as text. */
const bolded = (quote: string, question: string) => highlights(quote, analyseQuery(question)).map((s) => quote.slice(s.start, s.end));

function expectWellFormed(quote: string, spans: TextSpan[]): void {
  let at = 0;
  for (const { start, end } of spans) {
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(start).toBeGreaterThanOrEqual(at);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(quote.length);
    at = end;
  }
}

describe('highlights', () => {
  test('a when-question bolds the whole date, day, month and year together', () => {
    expect(bolded('On 15 July 2022, a cyberattack shut down government services.', 'When did the cyberattack happen?')).toEqual([
      '15 July 2022',
    ]);
    expect(bolded('The attack, which occurred on July 15, was state-sponsored.', 'When was the attack?')).toEqual(['July 15']);
    expect(bolded('Rama said on Wednesday that staff must leave.', 'cyberattack date')).toEqual(['Wednesday']);
  });

  test('a how-long question bolds the duration, not other numbers', () => {
    expect(bolded('Staff of the embassy, all 45 of them, had 24 hours to leave.', 'How long did the diplomats have to leave?')).toEqual([
      '24 hours',
    ]);
  });

  test('a how-many question bolds the number that counts the thing asked about, with its currency', () => {
    expect(bolded('In 2020 Tirana expelled four Iranian diplomats.', 'How many diplomats were expelled?')).toEqual(['four']);
    expect(bolded('The repairs cost $10 million, officials said.', 'How much did the repairs cost?')).toEqual(['$10 million']);
  });

  test('a who-question bolds whole names; the name it asks about is no answer, so its clause is bolded instead', () => {
    expect(bolded('The decision was announced by Prime Minister Edi Rama on Wednesday.', 'Who announced the decision?')).toEqual([
      'Prime Minister Edi Rama',
    ]);
    expect(bolded('The statement came from the Foreign Ministry.', 'Who made the statement?')).toEqual(['Foreign Ministry']);
    expect(bolded('Albania is led by Edi Rama, who blamed Iran.', 'Who is Edi Rama?')).toEqual(['Albania is led by Edi Rama']);
  });

  test('a why-question bolds the reason, from its connective to the end of that clause', () => {
    const quote = 'Albania cut ties with Iran because of the cyberattack in July, Rama said on Wednesday.';
    expect(bolded(quote, 'Why did Albania cut ties?')).toEqual(['because of the cyberattack in July']);
  });

  test('the modal "may" is not taken for the month', () => {
    expect(bolded('Iran may retaliate, officials said on Wednesday.', 'When will Iran retaliate?')).toEqual(['Wednesday']);
  });

  test('otherwise bolds the clause that shares the most words with the question', () => {
    const quote = 'After a long investigation, Albania cut diplomatic ties with Iran, officials said on Wednesday.';
    expect(bolded(quote, 'Why did Albania cut ties with Iran?')).toEqual(['Albania cut diplomatic ties with Iran']);
    expect(bolded('“We did not do it,” the ministry said – Tehran denied the accusation.', 'What did Tehran deny?')).toEqual([
      'Tehran denied the accusation',
    ]);
  });

  test('a highlight takes in the quotation mark that closes or opens one inside it', () => {
    const quote = 'In 2018, Tirana expelled two Iranian diplomats for “threatening national security”.';
    expect(bolded(quote, 'Why were the diplomats expelled?')).toEqual([
      'Tirana expelled two Iranian diplomats for “threatening national security”',
    ]);
    // A quotation that began outside the highlight is not the highlight's to close.
    const cut = 'It was “not an operation by criminal groups, but a State-sponsored attack,” Rama said.';
    expect(bolded(cut, 'Was it a State-sponsored attack?')).toEqual(['but a State-sponsored attack']);
  });

  test('a quote of one clause, or one sharing no word with the question, gets no highlight', () => {
    expect(bolded('Albania cut diplomatic ties with Iran.', 'Why did Albania cut ties?')).toEqual([]);
    expect(bolded('Officials met, and talks went on.', 'Why did Albania cut ties?')).toEqual([]);
    expect(bolded('', 'When?')).toEqual([]);
  });

  test('spans start and end on a word, so markdown bold renders', () => {
    for (const s of bolded('He said: “the cyberattack, on 15 July, was state-sponsored.”', 'When was the cyberattack?'))
      expect(s).toMatch(/^[\p{L}\p{N}$].*[\p{L}\p{N}%]$|^[\p{L}\p{N}]$/u);
  });

  const questions = fc.oneof(
    fc.constantFrom(
      'When did Albania cut ties?',
      'How long did they have?',
      'How many diplomats left?',
      'Who blamed Iran?',
      'Why did Albania act?',
      'How much did it cost?',
    ),
    fc.string({ maxLength: 60 }),
  );
  const quotes = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc
      .array(
        fc.constantFrom(
          'Albania',
          'cut',
          'ties',
          'on',
          '15 July 2022',
          ',',
          ' – ',
          '“',
          '”',
          '"',
          '24 hours',
          'four',
          'Edi Rama',
          '$10',
          'million',
          ';',
          '\n',
          '  ',
          'Iran',
          '𝐀',
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(' ')),
  );

  test('for any quote and question: spans are in bounds, ordered, non-overlapping, non-empty, and the quote is unchanged', () => {
    fc.assert(
      fc.property(quotes, questions, (quote, question) => {
        const before = quote.slice();
        const spans = highlights(quote, analyseQuery(question));
        expectWellFormed(quote, spans);
        expect(quote).toBe(before);
        // Cutting at the spans and joining the pieces gives the quote back.
        const pieces: string[] = [];
        let at = 0;
        for (const s of spans) {
          pieces.push(quote.slice(at, s.start), quote.slice(s.start, s.end));
          at = s.end;
        }
        expect(pieces.join('') + quote.slice(at)).toBe(quote);
      }),
      { numRuns: 500 },
    );
  });
});
