import { composeAnswer } from '../../../src/answer/compose-answer.js';
import { Bm25Index } from '../../../src/index/bm25.js';
import { chunkArticle } from '../../../src/passages/chunking.js';
import { analyseQuery } from '../../../src/query/query.js';
import { withSpellings } from '../../../src/query/spelling.js';
import { Vocabulary } from '../../../src/text/vocabulary.js';
import { SentenceIndex } from '../../../src/answer/sentence-index.js';
import { terms } from '../../../src/text/terms.js';
import { makeArticle } from '../../helpers/articles.js';

const articles = [
  makeArticle('wire-a', 'Country expels envoys', [
    'The government ordered the foreign diplomats to leave within 48 hours after an inquiry into a data breach.',
    'The breach took place on 3 March and disabled the tax office website.',
    'Officials said the harbour reopened to ships on Friday.',
  ]),
  makeArticle('wire-b', 'Envoys told to go', [
    // Wire copy: the same sentence, lightly edited.
    'The government has ordered foreign diplomats to leave within 48 hours after the inquiry into the data breach, officials said.',
    'A spokesman for the other side called the decision hasty and denied any role.',
    'Spokesman Hassan Kanaani of Teheran said the Mujahideen group was to blame.',
  ]),
  makeArticle('local', 'Harbour news', ['Fishermen welcomed the new harbour lights installed by the city council.']),
];

function ask(question: string, corpus = articles) {
  const articles = corpus;
  const passages = articles.flatMap((a) => chunkArticle(a));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sentences = new SentenceIndex(passages, (id) => byId.get(id)!.text);
  // As the retriever does: misspellings resolved against the passages' own words.
  const bm25 = new Bm25Index(passages.map((p) => terms(p.text)));
  const query = withSpellings(analyseQuery(question), bm25, new Vocabulary(passages.map((p) => p.text)));
  const hits = bm25.search(query.expanded, 20);
  return composeAnswer({ query, hits, passages, sentences, meta: (id) => byId.get(id)! });
}

describe('composeAnswer', () => {
  it('quotes the answering sentence verbatim from the article text, numbered from 1', () => {
    const answer = ask('How long did the diplomats have to leave?');
    expect(answer.answered).toBe(true);
    const first = answer.citations[0]!;
    expect(first.n).toBe(1);
    expect(first.quote).toContain('48 hours');
    const article = articles.find((a) => a.id === first.source)!;
    expect(article.text.slice(first.start, first.end)).toBe(first.quote);
    answer.citations.forEach((c, i) => expect(c.n).toBe(i + 1));
  });

  it('quotes a statement carried by two articles once, citing the other in also', () => {
    const answer = ask('How long did the diplomats have to leave?');
    const about48 = answer.citations.filter((c) => c.quote.includes('48 hours'));
    expect(about48).toHaveLength(1);
    const other = about48[0]!.source === 'wire-a' ? 'wire-b' : 'wire-a';
    expect(about48[0]!.also).toEqual([other]);
  });

  it('finds answers through synonyms (expelled → ordered to leave)', () => {
    const answer = ask('Why were the diplomats expelled?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]!.quote).toMatch(/diplomats/);
  });

  it('refuses questions the articles do not cover instead of quoting something unrelated', () => {
    for (const q of ['What is the capital of France?', 'How do I bake bread?', 'What is the population of the country?']) {
      const answer = ask(q);
      expect({ q, answered: answer.answered, citations: answer.citations.length }).toEqual({ q, answered: false, citations: 0 });
    }
  });

  it('returns at most five citations, best first, and nothing for an empty question', () => {
    const answer = ask('government diplomats inquiry breach harbour decision denied website');
    expect(answer.citations.length).toBeLessThanOrEqual(5);
    const scores = answer.citations.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ask('the of and').answered).toBe(false);
  });

  it('does not answer a question about two things with a sentence about only one of them', () => {
    expect(ask('Which harbour did the diplomats use?').answered).toBe(false);
    expect(ask('Which harbour reopened?')).toMatchObject({
      answered: true,
      citations: [expect.objectContaining({ quote: expect.stringContaining('harbour reopened') })],
    });
  });

  describe('names the articles never mention', () => {
    it('refuses a question about a name no article uses, even when its other words match, and says which', () => {
      for (const [question, name] of [
        ['Did Microsoft order the foreign diplomats to leave?', 'Microsoft'],
        ['How long did President Okonkwo give the diplomats to leave?', 'President Okonkwo'],
      ]) {
        const answer = ask(question!);
        expect(answer).toEqual({ answered: false, citations: [], unmentioned: name });
      }
    });

    it('answers when the name is in the articles, in another spelling of it, or only its last word counts', () => {
      expect(ask('What did Kanani say about the data breach?').answered).toBe(true);
      expect(ask('What did the Mujahedeen group have to do with the breach?').answered).toBe(true);
      expect(ask('What did Spokesman Kanaani blame?').answered).toBe(true);
    });

    it('ignores capitals that start a sentence or a title-case question', () => {
      expect(ask('Diplomats: how long did they have to leave?').answered).toBe(true);
      expect(ask('How Long Did The Diplomats Have To Leave?').answered).toBe(true);
    });
  });
});

describe('words WordNet relates to the question (fly ~ flight, queue ~ lineup)', () => {
  // Two sentences the typed words cover equally; only the second holds a word related to "fly".
  const travel = [
    makeArticle('shops', 'Airport shops', ['Travellers at the airport waited in the shops for three hours on Saturday.']),
    makeArticle('gates', 'Airport gates', ['Travellers at the airport waited for their flight for three hours on Saturday.']),
    makeArticle('birds', 'Birds', ['Birds fly south in the autumn.']),
  ];

  it('rank the quote that holds one above an equal quote that does not', () => {
    const answer = ask('How long did travellers at the airport wait to fly?', travel);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]!.source).toBe('gates');
  });

  it('never decide that a question is answered', () => {
    const queues = [
      makeArticle('queues', 'Queues', ['Hundreds of travellers stood in a lineup at the border crossing on Saturday.']),
      makeArticle('guards', 'Guards', ['Guards at the border crossing checked every car.']),
      makeArticle('roads', 'Roads', ['A new road to the border crossing opened.']),
    ];
    expect(analyseQuery('Did travellers queue?').alternatives.get('queue')).toEqual(
      expect.arrayContaining([{ term: 'lineup', weight: expect.any(Number), loose: true }]),
    );
    // The typed words "border crossing" are everywhere; only the related word would tie it to the lineup.
    expect(ask('Was there a queue at the border crossing?', queues).answered).toBe(false);
    expect(ask('Was there a lineup at the border crossing?', queues).answered).toBe(true);
  });
});
