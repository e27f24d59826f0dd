import { nameTerms } from '../../../src/query/question-names.js';

const names = (q: string) => nameTerms(q).map((n) => [n.text, n.term]);

describe('nameTerms', () => {
  it('finds capitalised words inside a sentence, as index terms with the name as typed', () => {
    expect(names('Did Microsoft investigate the attack?')).toEqual([['Microsoft', 'microsoft']]);
    expect(names('What did Edi Rama say? Did Germany react?')).toEqual([
      ['Edi Rama', 'edi'],
      ['Edi Rama', 'rama'],
      ['Germany', 'germani'],
    ]);
  });

  it('keeps a multi-word name together, folding known aliases to one term', () => {
    expect(names('What did the United States say?')).toEqual([['United States', 'usa']]);
    expect(names('What did the European Union say?')).toEqual([['European Union', 'eu']]);
  });

  it('splits names at punctuation and ignores words capitalised for starting a sentence', () => {
    expect(names('Germany, France and Italy said what?')).toEqual([
      ['France', 'franc'],
      ['Italy', 'itali'],
    ]);
    expect(names('Why? Tirana expelled them.')).toEqual([]);
  });

  it('finds nothing in lower case, title case or capitals, or in words too short to be telling', () => {
    expect(names('who is edi rama')).toEqual([]);
    expect(names('What Did Albania Do After The Attack?')).toEqual([]);
    expect(names('WHAT DID IRAN SAY?')).toEqual([]);
    expect(names('What did the PM say?')).toEqual([]);
  });
});
